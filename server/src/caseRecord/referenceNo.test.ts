import { describe, expect, it } from "vitest";
import { CHECK_ALPHABET } from "@cq/contracts";
import { formatReferenceNo, generateReferenceNo, looksLikeReferenceNo, parseReferenceNo } from "./referenceNo.ts";

describe("reference numbers", () => {
  it("are SQ, the day, 8 random symbols and a check symbol that verifies", () => {
    for (let i = 0; i < 200; i++) {
      const no = generateReferenceNo("2026-12-03");
      expect(no).toMatch(new RegExp(`^SQ261203-[${CHECK_ALPHABET}]{4}-[${CHECK_ALPHABET}]{5}$`));
      const parsed = parseReferenceNo(no);
      expect(parsed).toEqual({ ok: true, compact: no.replaceAll("-", ""), display: no });
    }
  });

  it("detect every single wrong symbol and every swap of neighbours", () => {
    const compact = generateReferenceNo("2026-12-03").replaceAll("-", "");
    for (let i = 2; i < compact.length; i++) {
      for (const ch of CHECK_ALPHABET) {
        if (ch === compact[i] || (i < 8 && !/\d/.test(ch))) continue;
        const wrong = compact.slice(0, i) + ch + compact.slice(i + 1);
        expect(parseReferenceNo(wrong).ok, wrong).toBe(false);
      }
      if (i + 1 < compact.length && compact[i] !== compact[i + 1]) {
        const swapped = compact.slice(0, i) + compact[i + 1] + compact[i] + compact.slice(i + 2);
        expect(parseReferenceNo(swapped), swapped).toMatchObject({ ok: false });
      }
    }
  });

  it("are read as typed: lower case, spaces, full-width, look-alikes", () => {
    const no = generateReferenceNo("2026-12-03", () => 1);
    expect(no).toBe(formatReferenceNo(no.replaceAll("-", "")));
    const typed = ` ${no.toLowerCase().replaceAll("1", "l").replaceAll("-", " ")} `;
    expect(parseReferenceNo(typed)).toMatchObject({ ok: true, display: no });
    expect(parseReferenceNo("ＳＱ" + no.slice(2))).toMatchObject({ ok: true, display: no });
    expect(parseReferenceNo("SQ2612")).toEqual({ ok: false, reason: "format" });
    expect(looksLikeReferenceNo("sq261203")).toBe(true);
    expect(looksLikeReferenceNo("500112-26-00000-00000")).toBe(false);
  });
});
