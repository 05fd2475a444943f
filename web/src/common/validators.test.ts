import { describe, expect, it } from "vitest";
import { isStrongPassword, isValidCreditCode, isValidIdNumber, isValidPhone } from "./validators.ts";
import { safeNext } from "./safeNext.ts";
import { formatBytes, shortHash } from "./format.ts";

describe("format hints", () => {
  it("checks the GB 11643 check digit", () => {
    expect(isValidIdNumber("11010519491231002X")).toBe(true);
    expect(isValidIdNumber("11010519491231002x")).toBe(true);
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    expect(isValidIdNumber("1101051949123100")).toBe(false);
  });

  it("checks the GB 32100 check character", () => {
    expect(isValidCreditCode("91350100M000100Y43")).toBe(true);
    expect(isValidCreditCode("91350100M000100Y44")).toBe(false);
    expect(isValidCreditCode("91350100M000100YI3")).toBe(false);
  });

  it("checks phones and passwords", () => {
    expect(isValidPhone("13800138000")).toBe(true);
    expect(isValidPhone("12800138000")).toBe(false);
    expect(isStrongPassword("Demo@2026")).toBe(true);
    expect(isStrongPassword("abcdefgh")).toBe(false);
  });
});

describe("helpers", () => {
  it("follows only local next paths", () => {
    expect(safeNext("/my/cases", "/")).toBe("/my/cases");
    expect(safeNext("//evil.example", "/")).toBe("/");
    expect(safeNext("https://evil.example", "/")).toBe("/");
    expect(safeNext(null, "/x")).toBe("/x");
  });

  it("formats sizes and hashes", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.0 KB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MB");
    expect(shortHash("a".repeat(64))).toBe(`${"a".repeat(12)}…aaaa`);
  });
});
