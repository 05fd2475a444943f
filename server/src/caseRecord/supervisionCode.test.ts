import { describe, expect, it } from "vitest";
import {
  SUPERVISION_CODE_ALPHABET,
  formatSupervisionCode,
  generateSupervisionCode,
  normalizeSupervisionCode,
  parseSupervisionCode,
  supervisionCodeCheckChar,
} from "./supervisionCode.ts";

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

const compact = (display: string) => display.replaceAll("-", "");

describe("alphabet", () => {
  it("has 31 distinct symbols without I, L, O, U or Z", () => {
    expect(SUPERVISION_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(SUPERVISION_CODE_ALPHABET).size).toBe(31);
    expect(SUPERVISION_CODE_ALPHABET).not.toMatch(/[ILOUZ]/);
  });
});

describe("generateSupervisionCode", () => {
  it("produces the display form RRRRRR-YY-XXXXX-XXXXC", () => {
    const code = generateSupervisionCode("500112", 2026, seededRandom(1));
    expect(code).toMatch(/^500112-26-[0-9A-HJKMNP-TV-Y]{5}-[0-9A-HJKMNP-TV-Y]{5}$/);
  });

  it("uses the injected random source for the 9 random symbols", () => {
    const code = generateSupervisionCode("500103", 2027, () => 0);
    expect(code.slice(0, 19)).toBe("500103-27-00000-000");
    const zeroPayload = "50010327000000000";
    expect(code).toBe(formatSupervisionCode(zeroPayload + supervisionCodeCheckChar(zeroPayload)));
  });

  it("uses crypto randomness by default", () => {
    const codes = new Set(Array.from({ length: 50 }, () => generateSupervisionCode("500000", 2026)));
    expect(codes.size).toBe(50);
    for (const code of codes) expect(parseSupervisionCode(code).ok).toBe(true);
  });

  it("rejects a bad region code, year or random source", () => {
    expect(() => generateSupervisionCode("50011", 2026)).toThrow(RangeError);
    expect(() => generateSupervisionCode("50011A", 2026)).toThrow(RangeError);
    expect(() => generateSupervisionCode("500112", 26)).toThrow(RangeError);
    expect(() => generateSupervisionCode("500112", 2100)).toThrow(RangeError);
    expect(() => generateSupervisionCode("500112", 2026, () => 31)).toThrow(RangeError);
    expect(() => generateSupervisionCode("500112", 2026, () => 0.5)).toThrow(RangeError);
  });
});

describe("parseSupervisionCode", () => {
  it("round-trips generated codes", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 100; i++) {
      const display = generateSupervisionCode("500112", 2026, random);
      expect(parseSupervisionCode(display)).toEqual({
        ok: true,
        compact: compact(display),
        display,
        regionCode: "500112",
        year: 2026,
      });
    }
  });

  it("keeps the year's leading zero", () => {
    const display = generateSupervisionCode("500105", 2009, seededRandom(3));
    expect(display.slice(7, 9)).toBe("09");
    expect(parseSupervisionCode(display)).toMatchObject({ ok: true, year: 2009, regionCode: "500105" });
  });

  it("tolerates lower case, spaces, hyphens and full-width input", () => {
    const display = generateSupervisionCode("500103", 2026, seededRandom(11));
    const c = compact(display);
    const variants = [
      display.toLowerCase(),
      `  ${c}  `,
      c.toLowerCase(),
      `${c.slice(0, 6)} ${c.slice(6, 8)} ${c.slice(8, 13)} ${c.slice(13)}`,
      `${c.slice(0, 4)}-${c.slice(4, 9)}-${c.slice(9)}`,
      display.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)), // full-width
    ];
    for (const v of variants) expect(parseSupervisionCode(v), v).toMatchObject({ ok: true, compact: c, display });
  });

  it("decodes the Crockford look-alikes I, L → 1 and O → 0", () => {
    const payload = "50011226101010101";
    const c = payload + supervisionCodeCheckChar(payload);
    const typed = c.slice(0, 8) + "IOLoiOl01" + c.slice(17);
    expect(normalizeSupervisionCode(typed)).toBe(c);
    expect(parseSupervisionCode(typed)).toMatchObject({ ok: true, compact: c });
  });

  it.each([
    ["too short", "500112-26-K3QMX-P9R4"],
    ["too long", "500112-26-K3QMX-P9R4CC"],
    ["empty", ""],
    ["U is not in the alphabet", "500112-26-K3QMX-P9R4U"],
    ["Z is not in the alphabet", "500112-26-K3QMZ-P9R4C"],
    ["punctuation", "500112.26.K3QMX.P9R4C"],
    ["letters in the region code", "5001A2-26-K3QMX-P9R4C"],
    ["letters in the year", "500112-2A-K3QMX-P9R4C"],
  ])("answers format for %s", (_label, input) => {
    expect(parseSupervisionCode(input)).toEqual({ ok: false, reason: "format" });
  });

  it("answers check for a well-formed code with a wrong check symbol", () => {
    const c = compact(generateSupervisionCode("500112", 2026, seededRandom(5)));
    const wrong = c.slice(0, 17) + (c[17] === "0" ? "1" : "0");
    expect(parseSupervisionCode(wrong)).toEqual({ ok: false, reason: "check" });
  });
});

describe("error detection (exhaustive over 200 random codes)", () => {
  const random = seededRandom(2026);
  const regions = ["500000", "500103", "500105", "500112"];
  const codes = Array.from({ length: 200 }, (_, i) =>
    compact(generateSupervisionCode(regions[i % regions.length]!, 2020 + (i % 10), random)),
  );

  /** A mutation is caught if parsing fails; when the shape is still valid it must be the check that fails. */
  function expectCaught(mutated: string) {
    const result = parseSupervisionCode(mutated);
    expect(result.ok, mutated).toBe(false);
    if (/^\d{8}/.test(mutated)) expect(result, mutated).toEqual({ ok: false, reason: "check" });
  }

  it("catches every single-symbol substitution", () => {
    let tried = 0;
    for (const c of codes) {
      for (let pos = 0; pos < c.length; pos++) {
        for (const symbol of SUPERVISION_CODE_ALPHABET) {
          if (symbol === c[pos]) continue;
          expectCaught(c.slice(0, pos) + symbol + c.slice(pos + 1));
          tried++;
        }
      }
    }
    expect(tried).toBe(200 * 18 * 30);
    // 108,000 codes checked: seconds on a busy shared machine.
  }, 60_000);

  it("catches every swap of two different neighbouring symbols, including the check symbol", () => {
    let tried = 0;
    for (const c of codes) {
      for (let pos = 0; pos + 1 < c.length; pos++) {
        if (c[pos] === c[pos + 1]) continue;
        expectCaught(c.slice(0, pos) + c[pos + 1] + c[pos] + c.slice(pos + 2));
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(200 * 12); // region codes repeat digits (500000), so fewer than 17 per code
  });
});

describe("formatSupervisionCode", () => {
  it("inserts hyphens after 6, 8 and 13 symbols", () => {
    expect(formatSupervisionCode("500112260123456789")).toBe("500112-26-01234-56789");
  });

  it("rejects anything but the compact length", () => {
    expect(() => formatSupervisionCode("500112-26-01234-56789")).toThrow(RangeError);
  });
});
