/**
 * New certificate numbers and the check of numbers typed in (the format itself is in
 * `@cq/contracts`, `certificateNumber.ts`): the serial is random, not a counter, so that the public
 * verification cannot be walked through to read every certificate and its supervision code.
 */
import { createHash, randomInt } from "node:crypto";
import {
  CERTIFICATE_DEPARTMENT_CODE_LENGTH,
  CERTIFICATE_NO_ALPHABET,
  CERTIFICATE_SERIAL_LENGTH,
  buildCertificateNo,
  certificateTypeCode,
  parseCertificateNo,
} from "@cq/contracts";
import { AppError } from "../platform/errors.ts";

const BASE = CERTIFICATE_NO_ALPHABET.length; // 31

/**
 * The 3-symbol department part of the issuer code, derived from the department's stable code
 * (e.g. `500112-scjgj`, which keeps its value across platforms through the catalog file). Pinyin
 * codes use letters outside the alphabet (I, L, O, U, Z), so the code is hashed instead of copied.
 */
export function certificateDepartmentCode(departmentCode: string): string {
  let v = createHash("sha256").update(departmentCode, "utf8").digest().readUIntBE(0, 6) % BASE ** CERTIFICATE_DEPARTMENT_CODE_LENGTH;
  let out = "";
  for (let i = 0; i < CERTIFICATE_DEPARTMENT_CODE_LENGTH; i++) {
    out = CERTIFICATE_NO_ALPHABET[v % BASE]! + out;
    v = Math.floor(v / BASE);
  }
  return out;
}

export interface NewCertificateNoInput {
  /** The certificate type (`business-license`…), or a free text for an off-platform one. */
  type: string;
  department: { code: string; regionCode: string };
  year: number;
}

/**
 * A new number in display form, e.g. `YY-500112584-2026-4F8QM-X2D9T4`. `random(n)` must return an
 * integer in [0, n); the default is `crypto.randomInt` (10 symbols ≈ 49.5 bits).
 */
export function generateCertificateNo(input: NewCertificateNoInput, random: (n: number) => number = randomInt): string {
  let serial = "";
  for (let i = 0; i < CERTIFICATE_SERIAL_LENGTH; i++) {
    const v = random(BASE);
    if (!Number.isInteger(v) || v < 0 || v >= BASE) throw new RangeError("random(n) must return an integer in [0, n)");
    serial += CERTIFICATE_NO_ALPHABET[v];
  }
  return buildCertificateNo({
    typeCode: certificateTypeCode(input.type),
    // A township department (9-digit region) is numbered under its district's code.
    regionCode: input.department.regionCode.slice(0, 6),
    departmentCode: certificateDepartmentCode(input.department.code),
    year: input.year,
    serial,
  });
}

/**
 * The number as the library stores it, from what a caller typed (any case, with or without
 * separators); a wrong check symbol or an impossible shape is refused with 400
 * INVALID_CERTIFICATE_NO before the library is asked, so that typos are told apart from
 * certificates that do not exist.
 */
export function certificateNoKey(input: string): string {
  const parsed = parseCertificateNo(input);
  if (!parsed.ok) throw new AppError("INVALID_CERTIFICATE_NO", { reason: parsed.reason });
  return parsed.display;
}

/**
 * Runs `attempt` with fresh numbers until it stores one: `attempt` returns undefined when the
 * number is taken (an insert that hit the primary key). A collision of 49.5-bit serials within one
 * type, issuer and year is not expected in practice; after a few the refusal is an internal error.
 */
export async function withFreshCertificateNo<T>(next: () => string, attempt: (certificateNo: string) => Promise<T | undefined>, tries = 5): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const out = await attempt(next());
    if (out !== undefined) return out;
  }
  throw new Error(`no free certificate number after ${tries} attempts`);
}
