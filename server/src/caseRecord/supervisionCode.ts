/**
 * The unified service supervision code (统一服务监管码, R23/R31/R34) given to every accepted case.
 *
 * Compact form (18 characters): region code (6 digits) + year (yy) + 9 random symbols + 1 check
 * symbol. Display form: `RRRRRR-YY-XXXXX-XXXXC`.
 *
 * The alphabet and the check symbol are those of `@cq/contracts` (checkSymbol.ts), shared with
 * certificate numbers: every single wrong symbol and every swap of neighbours is detected.
 */
import { randomInt } from "node:crypto";
import { CHECK_ALPHABET, CHECK_MODULUS, checkSymbolOf, checkValueOf, checkWeightedSum } from "@cq/contracts";

export const SUPERVISION_CODE_ALPHABET = CHECK_ALPHABET;
const MODULUS = CHECK_MODULUS;
const REGION_LENGTH = 6;
const RANDOM_LENGTH = 9;
const PAYLOAD_LENGTH = REGION_LENGTH + 2 + RANDOM_LENGTH; // 17
export const SUPERVISION_CODE_LENGTH = PAYLOAD_LENGTH + 1; // 18
const valueOf = checkValueOf;

/** The check symbol c with Σ w_i·v_i + w_17·c ≡ 0 (mod 31) for a 17-symbol payload. */
export function supervisionCodeCheckChar(payload: string): string {
  if (payload.length !== PAYLOAD_LENGTH || [...payload].some((ch) => valueOf(ch) < 0)) {
    throw new RangeError("supervisionCodeCheckChar expects 17 symbols of the alphabet");
  }
  return checkSymbolOf(payload);
}

/** Compact 18-character code → `RRRRRR-YY-XXXXX-XXXXC`. */
export function formatSupervisionCode(compact: string): string {
  if (compact.length !== SUPERVISION_CODE_LENGTH) {
    throw new RangeError("formatSupervisionCode expects the 18-character compact form");
  }
  return `${compact.slice(0, 6)}-${compact.slice(6, 8)}-${compact.slice(8, 13)}-${compact.slice(13)}`;
}

/**
 * Generates a new code in display form. `random(n)` must return an integer in [0, n); the default
 * is `crypto.randomInt` (9 symbols ≈ 44.6 bits, so codes cannot be guessed to read others' progress).
 */
export function generateSupervisionCode(
  regionCode: string,
  year: number,
  random: (n: number) => number = randomInt,
): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError("regionCode must be 6 digits");
  if (!Number.isInteger(year) || year < 2000 || year > 2099) {
    throw new RangeError("year must be a four-digit year between 2000 and 2099");
  }
  let payload = regionCode + String(year % 100).padStart(2, "0");
  for (let i = 0; i < RANDOM_LENGTH; i++) {
    const v = random(MODULUS);
    if (!Number.isInteger(v) || v < 0 || v >= MODULUS) {
      throw new RangeError("random(n) must return an integer in [0, n)");
    }
    payload += SUPERVISION_CODE_ALPHABET[v];
  }
  return formatSupervisionCode(payload + supervisionCodeCheckChar(payload));
}

const SEPARATORS = /[\s\-‐‑‒–—_]/g;
const CROCKFORD_ALIASES: Readonly<Record<string, string>> = { I: "1", L: "1", O: "0" };
const COMPACT_SHAPE = new RegExp(`^[${SUPERVISION_CODE_ALPHABET}]{${SUPERVISION_CODE_LENGTH}}$`);

/**
 * Typed or pasted input → compact 18-character form, or null when the length or a character is
 * wrong. Tolerates lower case, spaces, hyphens, full-width characters (Chinese input methods) and
 * the Crockford look-alikes I/L → 1, O → 0. Does not verify the check symbol.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function normalizeSupervisionCode(input: string): string | null {
  if (typeof input !== "string") return null;
  // NFKC leaves printable ASCII as it is (most codes are typed or scanned so): only other input is normalized.
  const compact = (PRINTABLE_ASCII.test(input) ? input : input.normalize("NFKC"))
    .toUpperCase()
    .replace(SEPARATORS, "")
    .replace(/[ILO]/g, (ch) => CROCKFORD_ALIASES[ch]!);
  return COMPACT_SHAPE.test(compact) ? compact : null;
}

export type ParsedSupervisionCode =
  | { ok: true; compact: string; display: string; regionCode: string; year: number }
  | { ok: false; reason: "format" | "check" };

/** Normalizes and verifies a code; `year` is the full year (2000 + yy). */
export function parseSupervisionCode(input: string): ParsedSupervisionCode {
  const compact = normalizeSupervisionCode(input);
  if (compact === null || !/^\d{8}$/.test(compact.slice(0, 8))) return { ok: false, reason: "format" };
  if (checkWeightedSum(compact) !== 0) return { ok: false, reason: "check" };
  return {
    ok: true,
    compact,
    display: formatSupervisionCode(compact),
    regionCode: compact.slice(0, 6),
    year: 2000 + Number(compact.slice(6, 8)),
  };
}
