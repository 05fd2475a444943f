import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CERTIFICATE_NO_ALPHABET,
  CERTIFICATE_TYPE_CODE_SHAPE,
  buildCertificateNo,
  certificateNoCheckChar,
  formatCertificateNo,
  normalizeCertificateNo,
  parseCertificateNo,
  type CertificateNoParts,
} from "./certificateNumber.ts";
import { GENERIC_CERTIFICATE_TYPE_CODE, certificateTypeCode, certificateTypeCodes, certificateTypeNames } from "./certificateTypes.ts";

/** Deterministic generator (mulberry32) so that failures are reproducible. */
function seededRandom(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const symbols = (random: (n: number) => number, n: number) => Array.from({ length: n }, () => CERTIFICATE_NO_ALPHABET[random(31)]).join("");
const compact = (display: string) => display.replaceAll("-", "");
const typeCodes = [...new Set([...Object.values(certificateTypeCodes), GENERIC_CERTIFICATE_TYPE_CODE])];

function sampleParts(random: (n: number) => number, i: number): CertificateNoParts {
  return {
    typeCode: typeCodes[i % typeCodes.length]!,
    regionCode: ["500000", "500103", "500112", "500105"][i % 4]!,
    departmentCode: symbols(random, 3),
    year: 2020 + (i % 10),
    serial: symbols(random, 10),
  };
}

describe("type codes", () => {
  it("give every known certificate type its own code of 2 to 4 letters of the alphabet", () => {
    expect(Object.keys(certificateTypeCodes).sort()).toEqual(Object.keys(certificateTypeNames).sort());
    for (const code of typeCodes) expect(code).toMatch(CERTIFICATE_TYPE_CODE_SHAPE);
    expect(new Set(Object.values(certificateTypeCodes)).size).toBe(Object.keys(certificateTypeCodes).length);
    expect(Object.values(certificateTypeCodes)).not.toContain(GENERIC_CERTIFICATE_TYPE_CODE);
  });

  it("answer the generic code for a free-text type", () => {
    expect(certificateTypeCode("business-license")).toBe("YY");
    expect(certificateTypeCode("某区档案查阅证明")).toBe("QT");
    expect(certificateTypeCode("toString")).toBe("QT");
  });
});

describe("buildCertificateNo", () => {
  it("produces the display form TYPE-RRRRRRDDD-YYYY-SSSSS-SSSSSC", () => {
    const no = buildCertificateNo({ typeCode: "YY", regionCode: "500112", departmentCode: "K7W", year: 2026, serial: "4F8QMX2D9T" });
    expect(no).toMatch(/^YY-500112K7W-2026-4F8QM-X2D9T[0-9A-HJKMNP-TV-Y]$/);
    expect(no).toBe(`YY-500112K7W-2026-4F8QM-X2D9T${certificateNoCheckChar("YY500112K7W20264F8QMX2D9T")}`);
    expect(buildCertificateNo({ typeCode: "GCGH", regionCode: "500103", departmentCode: "000", year: 2027, serial: "0000000000" })).toMatch(
      /^GCGH-500103000-2027-00000-00000.$/,
    );
  });

  it("rejects parts of the wrong shape", () => {
    const ok: CertificateNoParts = { typeCode: "YY", regionCode: "500112", departmentCode: "K7W", year: 2026, serial: "4F8QMX2D9T" };
    expect(() => buildCertificateNo({ ...ok, typeCode: "Y" })).toThrow(RangeError);
    expect(() => buildCertificateNo({ ...ok, typeCode: "YYZZ" })).toThrow(RangeError);
    expect(() => buildCertificateNo({ ...ok, typeCode: "Y1" })).toThrow(RangeError);
    expect(() => buildCertificateNo({ ...ok, regionCode: "50011" })).toThrow(RangeError);
    expect(() => buildCertificateNo({ ...ok, departmentCode: "K7" })).toThrow(RangeError);
    expect(() => buildCertificateNo({ ...ok, departmentCode: "K7U" })).toThrow(RangeError);
    expect(() => buildCertificateNo({ ...ok, year: 26 })).toThrow(RangeError);
    expect(() => buildCertificateNo({ ...ok, serial: "4F8QMX2D9" })).toThrow(RangeError);
    expect(() => buildCertificateNo({ ...ok, serial: "4F8QMX2D9O" })).toThrow(RangeError);
  });
});

describe("parseCertificateNo", () => {
  it("round-trips built numbers", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      const parts = sampleParts(random, i);
      const display = buildCertificateNo(parts);
      expect(parseCertificateNo(display)).toEqual({ ok: true, legacy: false, compact: compact(display), display, ...parts });
    }
  });

  it("accepts the example of the documentation", () => {
    expect(parseCertificateNo("YY-500112584-2026-4F8QM-X2D9T4")).toMatchObject({ ok: true, typeCode: "YY", regionCode: "500112", departmentCode: "584", year: 2026 });
  });

  it("tolerates lower case, spaces, dots, missing separators and full-width input", () => {
    const display = buildCertificateNo(sampleParts(seededRandom(11), 1));
    const c = compact(display);
    const variants = [
      display.toLowerCase(),
      ` ${c} `,
      c.toLowerCase(),
      display.replaceAll("-", "."),
      display.replaceAll("-", " "),
      display.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)),
    ];
    for (const v of variants) expect(parseCertificateNo(v), v).toMatchObject({ ok: true, legacy: false, compact: c, display });
  });

  it("decodes the Crockford look-alikes I, L → 1 and O → 0", () => {
    const display = buildCertificateNo({ typeCode: "YY", regionCode: "500112", departmentCode: "101", year: 2026, serial: "1010101010" });
    const typed = display.replace("-101", "-lOi").replace("-10101-", "-IoLOl-");
    expect(normalizeCertificateNo(typed)).toBe(compact(display));
    expect(parseCertificateNo(typed)).toMatchObject({ ok: true, display });
  });

  it("keeps numbers issued before (all digits, from a counter) as well-formed legacy numbers", () => {
    expect(parseCertificateNo("5001122026000001")).toEqual({ ok: true, legacy: true, compact: "5001122026000001", display: "5001122026000001" });
    expect(parseCertificateNo("500112-2026-000001")).toMatchObject({ ok: true, legacy: true, display: "5001122026000001" });
    expect(parseCertificateNo("5001120012026000001")).toMatchObject({ ok: true, legacy: true }); // township region code
  });

  it.each([
    ["empty", ""],
    ["only separators", " - . "],
    ["Z is not in the alphabet", "YY-500112K7W-2026-4F8QM-X2D9TZ"],
    ["U is not in the alphabet", "YY-500112K7W-2026-4F8QM-X2D9TU"],
    ["punctuation", "YY/500112K7W/2026/4F8QM/X2D9TB"],
    ["a one-letter type code", "Y-500112K7W-2026-4F8QM-X2D9TB"],
    ["a five-letter type code", "YYYYY-500112K7W-2026-4F8QM-X2D9TB"],
    ["a digit in the type code", "Y1-500112K7W-2026-4F8QM-X2D9TB"],
    ["a letter in the region code", "YY-5001A2K7W-2026-4F8QM-X2D9TB"],
    ["a letter in the year", "YY-500112K7W-202A-4F8QM-X2D9TB"],
    ["a short serial", "YY-500112K7W-2026-4F8QM-X2D9B"],
    ["a short legacy number", "500112202600001"],
    ["a number from elsewhere", "CQSP-PX-2026-0001"],
  ])("answers format for %s", (_label, input) => {
    expect(parseCertificateNo(input)).toEqual({ ok: false, reason: "format" });
  });

  it("answers check for a well-formed number with a wrong check symbol", () => {
    const c = compact(buildCertificateNo(sampleParts(seededRandom(5), 0)));
    const wrong = c.slice(0, -1) + (c.endsWith("0") ? "1" : "0");
    expect(parseCertificateNo(wrong)).toEqual({ ok: false, reason: "check" });
  });
});

describe("error detection (exhaustive over 200 numbers)", () => {
  const random = seededRandom(2026);
  const numbers = Array.from({ length: 200 }, (_, i) => compact(buildCertificateNo(sampleParts(random, i))));

  /** A mutation is caught if parsing fails (a shape error when a digit field got a letter, else the check). */
  function expectCaught(mutated: string) {
    expect(parseCertificateNo(mutated).ok, mutated).toBe(false);
  }

  it("catches every single-symbol substitution", () => {
    let tried = 0;
    let byCheck = 0;
    for (const c of numbers) {
      for (let pos = 0; pos < c.length; pos++) {
        for (const symbol of CERTIFICATE_NO_ALPHABET) {
          if (symbol === c[pos]) continue;
          const result = parseCertificateNo(c.slice(0, pos) + symbol + c.slice(pos + 1));
          if (result.ok) expect.fail(`accepted ${c.slice(0, pos) + symbol + c.slice(pos + 1)}`);
          if (result.reason === "check") byCheck++;
          tried++;
        }
      }
    }
    expect(tried).toBe(numbers.reduce((n, c) => n + c.length * 30, 0));
    expect(byCheck).toBeGreaterThan(tried / 2);
  }, 60_000);

  it("catches every swap of two different neighbouring symbols, including the check symbol", () => {
    let tried = 0;
    for (const c of numbers) {
      for (let pos = 0; pos + 1 < c.length; pos++) {
        if (c[pos] === c[pos + 1]) continue;
        expectCaught(c.slice(0, pos) + c[pos + 1] + c[pos] + c.slice(pos + 2));
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(200 * 18);
  });
});

describe("properties", () => {
  const symbol = fc.constantFrom(...CERTIFICATE_NO_ALPHABET);
  const parts = fc.record({
    typeCode: fc.constantFrom(...typeCodes),
    regionCode: fc.stringMatching(/^\d{6}$/),
    departmentCode: fc.string({ unit: symbol, minLength: 3, maxLength: 3 }),
    year: fc.integer({ min: 2000, max: 2099 }),
    serial: fc.string({ unit: symbol, minLength: 10, maxLength: 10 }),
  });

  it("every built number parses back to its parts, in any case and with or without separators", () => {
    fc.assert(
      fc.property(parts, fc.boolean(), (p, lower) => {
        const display = buildCertificateNo(p);
        const typed = lower ? compact(display).toLowerCase() : display;
        expect(parseCertificateNo(typed)).toEqual({ ok: true, legacy: false, compact: compact(display), display, ...p });
      }),
    );
  });

  it("a single substituted symbol is never accepted", () => {
    fc.assert(
      fc.property(parts, fc.nat(), fc.integer({ min: 1, max: 30 }), (p, at, shift) => {
        const c = compact(buildCertificateNo(p));
        const pos = at % c.length;
        const mutated = c.slice(0, pos) + CERTIFICATE_NO_ALPHABET[(CERTIFICATE_NO_ALPHABET.indexOf(c[pos]!) + shift) % 31] + c.slice(pos + 1);
        expect(parseCertificateNo(mutated).ok).toBe(false);
      }),
    );
  });

  it("a swap of two different neighbours is never accepted", () => {
    fc.assert(
      fc.property(parts, fc.nat(), (p, at) => {
        const c = compact(buildCertificateNo(p));
        const pos = at % (c.length - 1);
        fc.pre(c[pos] !== c[pos + 1]);
        expect(parseCertificateNo(c.slice(0, pos) + c[pos + 1] + c[pos] + c.slice(pos + 2)).ok).toBe(false);
      }),
    );
  });
});

describe("formatCertificateNo", () => {
  it("separates the type, issuer, year and the serial in two groups", () => {
    expect(formatCertificateNo("SPJY500112ABC20260123456789X")).toBe("SPJY-500112ABC-2026-01234-56789X");
  });

  it("rejects anything but a compact number", () => {
    expect(() => formatCertificateNo("SPJY-500112ABC-2026-01234-56789X")).toThrow(RangeError);
  });
});
