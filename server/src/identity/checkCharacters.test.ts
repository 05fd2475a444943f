import { describe, expect, it } from "vitest";
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  idNumberCheckChar,
  isValidCreditCode,
  isValidIdNumber,
  maskCreditCode,
  maskIdNumber,
  maskName,
  maskPhone,
  orgCodeCheckChar,
} from "./checkCharacters.ts";

const TODAY = "2026-03-01";

/** Builds a valid ID number from its 17-digit body. */
function id(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}

describe("idNumberCheckChar", () => {
  it("matches the worked example of GB 11643-1999", () => {
    expect(idNumberCheckChar("11010519491231002")).toBe("X");
  });

  it("gives 1 for weighted sum 0 and X for sum 2", () => {
    expect(idNumberCheckChar("00000000000000000")).toBe("1");
    // Only the last weight (2) contributes: sum 2 → "X".
    expect(idNumberCheckChar("00000000000000001")).toBe("X");
  });

  it("rejects bodies that are not 17 digits", () => {
    expect(() => idNumberCheckChar("1101051949123100")).toThrow(RangeError);
    expect(() => idNumberCheckChar("1101051949123100A")).toThrow(RangeError);
  });
});

describe("isValidIdNumber", () => {
  const valid = [
    "11010519491231002X",
    id("50011219850614231"),
    id("50010319920308452"),
    id("50010520000229003"), // leap day
    id("50011219000101001"), // earliest accepted year
  ];

  it.each(valid)("accepts %s", (s) => {
    expect(isValidIdNumber(s, TODAY)).toBe(true);
  });

  it("accepts a lowercase x check character", () => {
    expect(isValidIdNumber("11010519491231002x", TODAY)).toBe(true);
  });

  it("rejects every single-character change of a valid number", () => {
    const symbols = "0123456789Xx";
    for (const s of valid) {
      for (let pos = 0; pos < 18; pos++) {
        for (const ch of symbols) {
          if (ch.toUpperCase() === s[pos]!.toUpperCase()) continue;
          const changed = s.slice(0, pos) + ch + s.slice(pos + 1);
          expect(isValidIdNumber(changed, TODAY), changed).toBe(false);
        }
      }
    }
  });

  it.each([
    ["30 February", id("50011219990230123")],
    ["29 February of a common year", id("50011219990229123")],
    ["29 February of 1900 (not a leap year)", id("50011219000229123")],
    ["month 13", id("50011219991301123")],
    ["month 00", id("50011219990001123")],
    ["day 00", id("50011219990100123")],
    ["day 32", id("50011219990132123")],
    ["31 April", id("50011219990431123")],
    ["year before 1900", id("50011218991231123")],
  ])("rejects a bad birth date: %s", (_label, s) => {
    expect(isValidIdNumber(s, TODAY)).toBe(false);
  });

  it("rejects birth dates after today and accepts today", () => {
    expect(isValidIdNumber(id("50011220260302001"), TODAY)).toBe(false);
    expect(isValidIdNumber(id("50011220260301001"), TODAY)).toBe(true);
  });

  it("takes a Date as an Asia/Shanghai date", () => {
    const s = id("50011220260302001");
    // 2026-03-01T16:30Z is already 2 March in Chongqing.
    expect(isValidIdNumber(s, new Date("2026-03-01T16:30:00Z"))).toBe(true);
    expect(isValidIdNumber(s, new Date("2026-03-01T15:30:00Z"))).toBe(false);
  });

  it.each([
    ["empty", ""],
    ["17 characters", "11010519491231002"],
    ["19 characters", "11010519491231002X1"],
    ["15-digit first-generation number", "110105491231002"],
    ["letter in the body", "1101051949123100AX"],
    ["X not at the end", "1101051949X2310021"],
    ["spaces", " 11010519491231002X"],
    ["full-width digits", "１１０１０５１９４９１２３１００２Ｘ"],
    ["region starting with 0", id("01011219850614231")],
  ])("rejects malformed input: %s", (_label, s) => {
    expect(isValidIdNumber(s, TODAY)).toBe(false);
  });
});

describe("orgCodeCheckChar", () => {
  it("matches real organization codes", () => {
    // Embedded in real credit codes (positions 9–17).
    expect(orgCodeCheckChar("55138508")).toBe("2"); // 91110108551385082Q
    expect(orgCodeCheckChar("71526726")).toBe("X"); // 9144030071526726XG
    expect(orgCodeCheckChar("M000100Y")).toBe("4"); // 91350100M000100Y43
  });
});

describe("creditCodeCheckChar / isValidCreditCode", () => {
  const real = ["91110108551385082Q", "9144030071526726XG", "91330100716105852F", "91350100M000100Y43", "12100000400000624D"];

  /** A valid code from authority, type, region and an 8-character organization code body. */
  function code(prefix: string, region: string, org8: string): string {
    const first17 = prefix + region + org8 + orgCodeCheckChar(org8);
    return first17 + creditCodeCheckChar(first17);
  }
  const built = [code("91", "500112", "MA5UABC1"), code("92", "500103", "L3K7PQ2R"), code("52", "500000", "50940031")];

  it.each(real)("accepts the real code %s", (s) => {
    expect(isValidCreditCode(s)).toBe(true);
    expect(creditCodeCheckChar(s.slice(0, 17))).toBe(s[17]);
  });

  it.each(built)("accepts the constructed code %s", (s) => {
    expect(isValidCreditCode(s)).toBe(true);
  });

  it("rejects every single-character change of a valid code", () => {
    for (const s of [...real, ...built]) {
      for (let pos = 0; pos < 18; pos++) {
        for (const ch of CREDIT_CODE_ALPHABET + "IOZSV") {
          if (ch === s[pos]) continue;
          const changed = s.slice(0, pos) + ch + s.slice(pos + 1);
          expect(isValidCreditCode(changed), changed).toBe(false);
        }
      }
    }
  });

  it("verifies the embedded organization code check character on its own", () => {
    // Recompute the final character after breaking the organization code check: still invalid.
    const s = "91110108551385082Q";
    const brokenOrg = s.slice(0, 16) + "3";
    const withFinal = brokenOrg + creditCodeCheckChar(brokenOrg);
    expect(isValidCreditCode(withFinal)).toBe(false);
  });

  it("rejects unknown registration authorities and types", () => {
    const unknownAuthority = "B1500112MA5UABC1";
    const unknownType = "94500112MA5UABC1";
    for (const first16 of [unknownAuthority, unknownType]) {
      const first17 = first16 + orgCodeCheckChar(first16.slice(8, 16));
      expect(isValidCreditCode(first17 + creditCodeCheckChar(first17))).toBe(false);
    }
  });

  it("rejects a non-numeric region code", () => {
    const first16 = "9150011AMA5UABC1";
    const first17 = first16 + orgCodeCheckChar(first16.slice(8, 16));
    expect(isValidCreditCode(first17 + creditCodeCheckChar(first17))).toBe(false);
  });

  it.each([
    ["empty", ""],
    ["17 characters", "91110108551385082"],
    ["19 characters", "91110108551385082Q0"],
    ["lower case", "91110108551385082q"],
    ["letter outside the alphabet", "91110108551385082I"],
  ])("rejects malformed input: %s", (_label, s) => {
    expect(isValidCreditCode(s)).toBe(false);
  });

  it("refuses to compute a check character over foreign characters", () => {
    expect(() => creditCodeCheckChar("9111010855138508O")).toThrow(RangeError);
    expect(() => creditCodeCheckChar("911101085513850")).toThrow(RangeError);
  });
});

describe("masking", () => {
  it("masks ID numbers keeping the first 6 and last 4", () => {
    expect(maskIdNumber("50011219850614231X")).toBe("500112********231X");
  });

  it("masks phones keeping the first 3 and last 4", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone(" 13812345678 ")).toBe("138****5678");
  });

  it("masks credit codes keeping the first 8 and last 2", () => {
    expect(maskCreditCode("91110108551385082Q")).toBe("91110108********2Q");
  });

  it("masks names keeping the surname", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("李晓梅")).toBe("李**");
    expect(maskName("欧阳娜娜")).toBe("欧阳**");
    expect(maskName("欧阳")).toBe("欧*");
    expect(maskName("𠮷祥")).toBe("𠮷*"); // a character outside the BMP counts once
  });

  it("masks everything when the value is too short to keep both ends", () => {
    expect(maskPhone("12345")).toBe("*****");
    expect(maskIdNumber("1234567890")).toBe("**********");
  });
});
