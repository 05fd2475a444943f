/**
 * The reference number (申请编号) given to every application at submission: the applicant quotes it,
 * and the progress page opens by it, until acceptance gives the supervision code.
 *
 * Compact form (17 characters): `SQ` + the day of submission (yymmdd) + 8 random symbols + 1 check
 * symbol, the alphabet and check symbol of `@cq/contracts` (checkSymbol.ts) as the supervision code.
 * Display form: `SQ261203-XXXX-XXXXC`. 8 random symbols (≈ 39.6 bits a day) cannot be guessed.
 */
import { randomInt } from "node:crypto";
import { CHECK_ALPHABET, CHECK_MODULUS, checkSymbolOf, checkWeightedSum } from "@cq/contracts";

const PREFIX = "SQ";
const RANDOM_LENGTH = 8;
export const REFERENCE_NO_LENGTH = PREFIX.length + 6 + RANDOM_LENGTH + 1; // 17
const SHAPE = new RegExp(`^${PREFIX}\\d{6}[${CHECK_ALPHABET}]{${RANDOM_LENGTH + 1}}$`);

/** Compact 17-character number → `SQ261203-XXXX-XXXXC`. */
export function formatReferenceNo(compact: string): string {
  return `${compact.slice(0, 8)}-${compact.slice(8, 12)}-${compact.slice(12)}`;
}

/** A new reference number for an application submitted on `day` (YYYY-MM-DD, Asia/Shanghai). */
export function generateReferenceNo(day: string, random: (n: number) => number = randomInt): string {
  const m = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError("day must be YYYY-MM-DD");
  let payload = `${PREFIX}${m[1]}${m[2]}${m[3]}`;
  for (let i = 0; i < RANDOM_LENGTH; i++) payload += CHECK_ALPHABET[random(CHECK_MODULUS)];
  return formatReferenceNo(payload + checkSymbolOf(payload));
}

/** Whether typed input looks like a reference number (starts with SQ) rather than a supervision code. */
export function looksLikeReferenceNo(input: string): boolean {
  return input.normalize("NFKC").trim().toUpperCase().startsWith(PREFIX);
}

export type ParsedReferenceNo = { ok: true; compact: string; display: string } | { ok: false; reason: "format" | "check" };

/**
 * Normalizes (case, spaces, hyphens, full-width characters, I/L → 1, O → 0 after the prefix) and
 * verifies a reference number.
 */
export function parseReferenceNo(input: string): ParsedReferenceNo {
  const upper = input.normalize("NFKC").toUpperCase().replace(/[\s\-‐‑‒–—_]/g, "");
  const compact = upper.slice(0, PREFIX.length) + upper.slice(PREFIX.length).replace(/[IL]/g, "1").replace(/O/g, "0");
  if (!SHAPE.test(compact)) return { ok: false, reason: "format" };
  if (checkWeightedSum(compact) !== 0) return { ok: false, reason: "check" };
  return { ok: true, compact, display: formatReferenceNo(compact) };
}
