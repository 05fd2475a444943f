import { parseCertificateNo } from "@cq/contracts";
import { describe, expect, it } from "vitest";
import { AppError } from "../platform/errors.ts";
import { certificateDepartmentCode, certificateNoKey, generateCertificateNo, withFreshCertificateNo } from "./certificateNumber.ts";

const SHAPE = /^[A-HJKMNP-TV-Y]{2,4}-\d{6}[0-9A-HJKMNP-TV-Y]{3}-\d{4}-[0-9A-HJKMNP-TV-Y]{5}-[0-9A-HJKMNP-TV-Y]{6}$/;
const scjg = { code: "500112-scjgj", regionCode: "500112" };

describe("certificateDepartmentCode", () => {
  it("is 3 symbols of the alphabet, stable for a department code and different between departments", () => {
    const codes = ["500112-scjgj", "500112-ghzy", "500103-scjgj", "cq-zwb", "cq-scjgj"].map(certificateDepartmentCode);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Y]{3}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(certificateDepartmentCode("500112-scjgj")).toBe(codes[0]);
  });
});

describe("generateCertificateNo", () => {
  it("numbers by type, issuer and year with a random serial", () => {
    const no = generateCertificateNo({ type: "business-license", department: scjg, year: 2026 });
    expect(no).toMatch(SHAPE);
    expect(no.startsWith(`YY-500112${certificateDepartmentCode("500112-scjgj")}-2026-`)).toBe(true);
    expect(parseCertificateNo(no)).toMatchObject({ ok: true, legacy: false, typeCode: "YY", regionCode: "500112", year: 2026 });
  });

  it("gives a free-text type the generic code and a township department its district's code", () => {
    const no = generateCertificateNo({ type: "档案查阅证明", department: { code: "500112001-sq", regionCode: "500112001" }, year: 2027 });
    expect(no).toMatch(/^QT-500112[0-9A-HJKMNP-TV-Y]{3}-2027-/);
  });

  it("draws the serial from the injected random source", () => {
    const no = generateCertificateNo({ type: "eia-approval", department: scjg, year: 2026 }, () => 30);
    expect(no).toMatch(/^HP-500112...-2026-YYYYY-YYYYY.$/);
    expect(() => generateCertificateNo({ type: "eia-approval", department: scjg, year: 2026 }, () => 31)).toThrow(RangeError);
  });

  it("uses crypto randomness by default: no two of many numbers share a serial", () => {
    const serials = new Set(
      Array.from({ length: 2000 }, () => {
        const p = parseCertificateNo(generateCertificateNo({ type: "business-license", department: scjg, year: 2026 }));
        return p.ok && !p.legacy ? p.serial : "";
      }),
    );
    expect(serials.size).toBe(2000);
  });
});

describe("certificateNoKey", () => {
  it("answers the stored form of a number typed in any form", () => {
    const no = generateCertificateNo({ type: "business-license", department: scjg, year: 2026 });
    expect(certificateNoKey(no.toLowerCase().replaceAll("-", ""))).toBe(no);
    expect(certificateNoKey("500112-2026-000001")).toBe("5001122026000001");
  });

  it("refuses a wrong check symbol or shape with INVALID_CERTIFICATE_NO (400)", () => {
    const no = generateCertificateNo({ type: "business-license", department: scjg, year: 2026 });
    const wrong = no.slice(0, -1) + (no.endsWith("0") ? "1" : "0");
    for (const [input, reason] of [[wrong, "check"], ["hello", "format"]] as const) {
      let error: unknown;
      try {
        certificateNoKey(input);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "INVALID_CERTIFICATE_NO", status: 400, details: { reason } });
    }
  });
});

describe("withFreshCertificateNo", () => {
  it("tries new numbers until one is stored", async () => {
    const taken = new Set(["A", "B"]);
    const offered = ["A", "B", "C"];
    const out = await withFreshCertificateNo(() => offered.shift()!, async (no) => (taken.has(no) ? undefined : `stored ${no}`));
    expect(out).toBe("stored C");
  });

  it("gives up after a few collisions", async () => {
    await expect(withFreshCertificateNo(() => "A", async () => undefined, 3)).rejects.toThrow(/after 3 attempts/);
  });
});
