/**
 * Certificate numbers (证照编号) of the certificate library, in the style of the electronic
 * certificate identifier of GB/T 36904-2018 (电子证照标识): type, issuer, year, serial, check.
 *
 * Compact form (26–28 symbols):
 *   type code (2–4 letters, see `certificateTypeCodes`)
 *   + issuer code: the issuing department's region code (6 digits, GB/T 2260) and a 3-symbol
 *     department code
 *   + year (4 digits)
 *   + serial: 10 random symbols (31^10 ≈ 2^49.5, drawn with `crypto.randomInt` by the server, so a
 *     number cannot be guessed from another one)
 *   + 1 check symbol.
 * Display form: `TYPE-RRRRRRDDD-YYYY-SSSSS-SSSSSC`, e.g. `YY-500112584-2026-4F8QM-X2D9T4`.
 *
 * The alphabet and the check are those of the supervision code: Crockford base32 without Z
 * (31 symbols, no I, L, O, U), weights w_i = 3^(i+1) mod 31 over the compact form, check symbol c
 * with Σ w_i·v_i ≡ 0 (mod 31). 31 is prime and 3 is a primitive root mod 31 (order 30 > 28
 * positions), so every weight is non-zero and neighbouring weights differ: every single wrong
 * symbol and every swap of two different neighbours (the check symbol included) is detected.
 *
 * Numbers issued before this scheme (region code + year + 6-digit counter, all digits) stay
 * well-formed as legacy numbers: they are looked up as they are, without a check symbol.
 */
import { CHECK_ALPHABET, checkSymbolOf, checkValueOf, checkWeightedSum } from "./checkSymbol.ts";

export const CERTIFICATE_NO_ALPHABET = CHECK_ALPHABET;
export const CERTIFICATE_TYPE_CODE_SHAPE = /^[A-HJKMNP-TV-Y]{2,4}$/;
export const CERTIFICATE_DEPARTMENT_CODE_LENGTH = 3;
export const CERTIFICATE_SERIAL_LENGTH = 10;
const MAX_LENGTH = 4 + 6 + CERTIFICATE_DEPARTMENT_CODE_LENGTH + 4 + CERTIFICATE_SERIAL_LENGTH + 1; // 28
const valueOf = checkValueOf;

/** The check symbol of a compact payload (everything but the check symbol, 25–27 symbols). */
export function certificateNoCheckChar(payload: string): string {
  if (payload.length < MAX_LENGTH - 3 || payload.length > MAX_LENGTH - 1 || [...payload].some((ch) => valueOf(ch) < 0)) {
    throw new RangeError("certificateNoCheckChar expects 25 to 27 symbols of the alphabet");
  }
  return checkSymbolOf(payload);
}

const S = "[0-9A-HJKMNP-TV-Y]";
const COMPACT_SHAPE = new RegExp(
  `^([A-HJKMNP-TV-Y]{2,4})(\\d{6})(${S}{${CERTIFICATE_DEPARTMENT_CODE_LENGTH}})(\\d{4})(${S}{${CERTIFICATE_SERIAL_LENGTH}})(${S})$`,
);
/** Numbers issued before: region code (6 or 9 digits) + year + counter (6 digits or more). */
const LEGACY_SHAPE = /^\d{16,24}$/;

/** Compact form → `TYPE-RRRRRRDDD-YYYY-SSSSS-SSSSSC`. */
export function formatCertificateNo(compact: string): string {
  const m = COMPACT_SHAPE.exec(compact);
  if (!m) throw new RangeError("formatCertificateNo expects a compact certificate number");
  const [, type, region, dept, year, serial, check] = m;
  return `${type}-${region}${dept}-${year}-${serial!.slice(0, 5)}-${serial!.slice(5)}${check}`;
}

export interface CertificateNoParts {
  typeCode: string;
  regionCode: string;
  departmentCode: string;
  year: number;
  serial: string;
}

/** Parts → display form with its check symbol. */
export function buildCertificateNo(parts: CertificateNoParts): string {
  if (!CERTIFICATE_TYPE_CODE_SHAPE.test(parts.typeCode)) throw new RangeError("typeCode must be 2 to 4 letters of the alphabet");
  if (!/^\d{6}$/.test(parts.regionCode)) throw new RangeError("regionCode must be 6 digits");
  if (!new RegExp(`^${S}{${CERTIFICATE_DEPARTMENT_CODE_LENGTH}}$`).test(parts.departmentCode)) {
    throw new RangeError(`departmentCode must be ${CERTIFICATE_DEPARTMENT_CODE_LENGTH} symbols of the alphabet`);
  }
  if (!Number.isInteger(parts.year) || parts.year < 2000 || parts.year > 9999) throw new RangeError("year must be a four-digit year");
  if (!new RegExp(`^${S}{${CERTIFICATE_SERIAL_LENGTH}}$`).test(parts.serial)) {
    throw new RangeError(`serial must be ${CERTIFICATE_SERIAL_LENGTH} symbols of the alphabet`);
  }
  const payload = `${parts.typeCode}${parts.regionCode}${parts.departmentCode}${parts.year}${parts.serial}`;
  return formatCertificateNo(payload + certificateNoCheckChar(payload));
}

const SEPARATORS = /[\s\-‐‑‒–—_.·]/g;
const CROCKFORD_ALIASES: Readonly<Record<string, string>> = { I: "1", L: "1", O: "0" };

/**
 * Typed or pasted input → compact form (upper case, no separators), or null when it has a
 * character outside the alphabet. Tolerates lower case, spaces, hyphens, dots, full-width
 * characters and the look-alikes I/L → 1, O → 0. Checks neither the shape nor the check symbol.
 */
export function normalizeCertificateNo(input: string): string | null {
  if (typeof input !== "string") return null;
  const compact = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(SEPARATORS, "")
    .replace(/[ILO]/g, (ch) => CROCKFORD_ALIASES[ch]!);
  return compact.length > 0 && [...compact].every((ch) => valueOf(ch) >= 0) ? compact : null;
}

export type ParsedCertificateNo =
  | ({ ok: true; legacy: false; compact: string; display: string } & CertificateNoParts)
  | { ok: true; legacy: true; compact: string; display: string }
  | { ok: false; reason: "format" | "check" };

/**
 * Normalizes and verifies a certificate number. `display` is the form the library stores and
 * looks up: the display form of a current number, the digits of a legacy one.
 */
export function parseCertificateNo(input: string): ParsedCertificateNo {
  const compact = normalizeCertificateNo(input);
  if (compact === null) return { ok: false, reason: "format" };
  if (LEGACY_SHAPE.test(compact)) return { ok: true, legacy: true, compact, display: compact };
  const m = COMPACT_SHAPE.exec(compact);
  if (!m) return { ok: false, reason: "format" };
  if (checkWeightedSum(compact) !== 0) return { ok: false, reason: "check" };
  return {
    ok: true,
    legacy: false,
    compact,
    display: formatCertificateNo(compact),
    typeCode: m[1]!,
    regionCode: m[2]!,
    departmentCode: m[3]!,
    year: Number(m[4]),
    serial: m[5]!,
  };
}
