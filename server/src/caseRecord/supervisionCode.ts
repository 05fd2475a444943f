/**
 * The unified service supervision code (统一服务监管码, R23/R31/R34) given to every accepted case.
 *
 * Compact form (18 characters): region code (6 digits) + year (yy) + 9 random symbols + 1 check
 * symbol. Display form: `RRRRRR-YY-XXXXX-XXXXC`.
 *
 * The alphabet is Crockford base32 without Z (31 symbols, no I, L, O, U) so that codes read out on
 * the phone or copied from paper are unambiguous. 31 is prime and 3 is a primitive root mod 31, so
 * with weights w_i = 3^(i+1) mod 31 every weight is non-zero (a single wrong symbol changes the sum)
 * and any two neighbouring weights differ (swapping two different neighbours changes the sum),
 * including swaps with the check symbol itself.
 */
import { randomInt } from "node:crypto";

export const SUPERVISION_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXY";
const MODULUS = 31;
const REGION_LENGTH = 6;
const RANDOM_LENGTH = 9;
const PAYLOAD_LENGTH = REGION_LENGTH + 2 + RANDOM_LENGTH; // 17
export const SUPERVISION_CODE_LENGTH = PAYLOAD_LENGTH + 1; // 18

/** w_i = 3^(i+1) mod 31 for positions 0..17 (the last one weighs the check symbol). */
const WEIGHTS: readonly number[] = (() => {
  const weights: number[] = [];
  let w = 1;
  for (let i = 0; i < SUPERVISION_CODE_LENGTH; i++) {
    w = (w * 3) % MODULUS;
    weights.push(w);
  }
  return weights;
})();

/** Inverse mod 31 by Fermat (31 is prime): a^(29). */
function inverseMod31(a: number): number {
  let result = 1;
  for (let i = 0; i < MODULUS - 2; i++) result = (result * a) % MODULUS;
  return result;
}

const CHECK_WEIGHT_INVERSE = inverseMod31(WEIGHTS[PAYLOAD_LENGTH]!);

function valueOf(symbol: string): number {
  return SUPERVISION_CODE_ALPHABET.indexOf(symbol);
}

/** Σ w_i·v_i mod 31 over the symbols given (a payload, or a whole code including its check symbol). */
function weightedSum(symbols: string): number {
  let sum = 0;
  for (let i = 0; i < symbols.length; i++) sum = (sum + WEIGHTS[i]! * valueOf(symbols[i]!)) % MODULUS;
  return sum;
}

/** The check symbol c with Σ w_i·v_i + w_17·c ≡ 0 (mod 31) for a 17-symbol payload. */
export function supervisionCodeCheckChar(payload: string): string {
  if (payload.length !== PAYLOAD_LENGTH || [...payload].some((ch) => valueOf(ch) < 0)) {
    throw new RangeError("supervisionCodeCheckChar expects 17 symbols of the alphabet");
  }
  const c = ((MODULUS - weightedSum(payload)) * CHECK_WEIGHT_INVERSE) % MODULUS;
  return SUPERVISION_CODE_ALPHABET[c]!;
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
export function normalizeSupervisionCode(input: string): string | null {
  if (typeof input !== "string") return null;
  const compact = input
    .normalize("NFKC")
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
  if (weightedSum(compact) !== 0) return { ok: false, reason: "check" };
  return {
    ok: true,
    compact,
    display: formatSupervisionCode(compact),
    regionCode: compact.slice(0, 6),
    year: 2000 + Number(compact.slice(6, 8)),
  };
}
