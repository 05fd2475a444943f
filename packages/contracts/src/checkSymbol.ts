/**
 * The check symbol shared by the unified service supervision code and certificate numbers.
 *
 * The alphabet is Crockford base32 without Z (31 symbols, no I, L, O, U), so that codes read out on
 * the phone or copied from paper are unambiguous. 31 is prime and 3 is a primitive root mod 31
 * (order 30), so with weights w_i = 3^(i+1) mod 31 over up to 30 positions every weight is non-zero
 * (a single wrong symbol changes the sum) and neighbouring weights differ (swapping two different
 * neighbours changes the sum), the check symbol itself included. A code holds when Σ w_i·v_i ≡ 0.
 */
export const CHECK_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXY";
export const CHECK_MODULUS = 31;
const MAX_POSITIONS = 30;

/** w_i = 3^(i+1) mod 31. */
const WEIGHTS: readonly number[] = (() => {
  const weights: number[] = [];
  let w = 1;
  for (let i = 0; i < MAX_POSITIONS; i++) {
    w = (w * 3) % CHECK_MODULUS;
    weights.push(w);
  }
  return weights;
})();

/** Inverse mod 31 by Fermat (31 is prime): a^29. */
function inverseMod31(a: number): number {
  let result = 1;
  for (let i = 0; i < CHECK_MODULUS - 2; i++) result = (result * a) % CHECK_MODULUS;
  return result;
}

/** A symbol's value, or -1 outside the alphabet. */
export const checkValueOf = (symbol: string): number => CHECK_ALPHABET.indexOf(symbol);

/** Σ w_i·v_i mod 31 over the symbols given (a payload, or a whole code including its check symbol). */
export function checkWeightedSum(symbols: string): number {
  let sum = 0;
  for (let i = 0; i < symbols.length; i++) sum = (sum + WEIGHTS[i]! * checkValueOf(symbols[i]!)) % CHECK_MODULUS;
  return sum;
}

/** The check symbol c with Σ w_i·v_i + w_n·c ≡ 0 (mod 31) for a payload of n symbols of the alphabet. */
export function checkSymbolOf(payload: string): string {
  const c = ((CHECK_MODULUS - checkWeightedSum(payload)) * inverseMod31(WEIGHTS[payload.length]!)) % CHECK_MODULUS;
  return CHECK_ALPHABET[c]!;
}
