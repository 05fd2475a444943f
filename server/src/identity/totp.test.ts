import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotp, newRecoveryCodes, otpauthUrl, totpAt } from "./totp.ts";

// RFC 6238 Appendix B: the SHA-1 test vectors (8 digits there; the last 6 are the 6-digit codes).
const rfcSecret = base32Encode(Buffer.from("12345678901234567890"));
const vectors: [number, string][] = [
  [59, "94287082"], [1111111109, "07081804"], [1111111111, "14050471"], [1234567890, "89005924"], [2000000000, "69279037"], [20000000000, "65353130"],
];

describe("TOTP (RFC 6238)", () => {
  it("matches the RFC's test vectors", () => {
    for (const [t, code] of vectors) expect(totpAt(rfcSecret, new Date(t * 1000))).toBe(code.slice(2));
  });
  it("round-trips base32 and matches RFC 4226's first HOTP value", () => {
    expect(base32Decode(base32Encode(Buffer.from("hello world")))).toEqual(Buffer.from("hello world"));
    expect(hotp(Buffer.from("12345678901234567890"), 0)).toBe("755224");
  });
  it("accepts one step of drift, never the same step twice", () => {
    const at = new Date(1_800_000_000_000);
    const prev = totpAt(rfcSecret, new Date(at.getTime() - 30_000));
    const step = matchTotp(rfcSecret, prev, at, null);
    expect(step).not.toBeNull();
    expect(matchTotp(rfcSecret, prev, at, step)).toBeNull();
    expect(matchTotp(rfcSecret, totpAt(rfcSecret, new Date(at.getTime() - 90_000)), at, null)).toBeNull();
    expect(matchTotp(rfcSecret, "12345", at, null)).toBeNull();
  });
  it("writes an otpauth URL and readable recovery codes", () => {
    expect(otpauthUrl("ABC", "yb.scjg.clerk")).toMatch(/^otpauth:\/\/totp\/.+\?secret=ABC&issuer=.+&algorithm=SHA1&digits=6&period=30$/);
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/);
  });
});
