import { describe, expect, it } from "vitest";
import { EMPTY_SHA256, signV4 } from "./sigv4.ts";

// AWS's published example "GET Object" (Amazon S3 API reference, "Examples: Signature Calculations
// in AWS Signature Version 4"): the first ten bytes of test.txt in examplebucket.
const example = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1", service: "s3" };
const at = new Date("2013-05-24T00:00:00Z");

describe("AWS Signature Version 4", () => {
  it("signs AWS's GET object example to its published signature", () => {
    const headers = signV4({ method: "GET", url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"), headers: { Range: "bytes=0-9" }, payloadSha256: EMPTY_SHA256 }, example, at);
    expect(headers).toMatchObject({ host: "examplebucket.s3.amazonaws.com", range: "bytes=0-9", "x-amz-date": "20130524T000000Z", "x-amz-content-sha256": EMPTY_SHA256 });
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("changes the signature with the secret, the path and the time", () => {
    const sig = (over: { secret?: string; path?: string; at?: Date }) =>
      signV4({ method: "GET", url: new URL(`https://examplebucket.s3.amazonaws.com${over.path ?? "/test.txt"}`), headers: { Range: "bytes=0-9" }, payloadSha256: EMPTY_SHA256 }, { ...example, secretAccessKey: over.secret ?? example.secretAccessKey }, over.at ?? at).authorization;
    const base = sig({});
    expect(sig({ secret: "x" })).not.toBe(base);
    expect(sig({ path: "/test.txt2" })).not.toBe(base);
    expect(sig({ at: new Date("2013-05-24T00:00:01Z") })).not.toBe(base);
  });

  it("signs query parameters in sorted, encoded form (AWS's ListObjects example)", () => {
    const headers = signV4({ method: "GET", url: new URL("https://examplebucket.s3.amazonaws.com/?prefix=J&max-keys=2"), payloadSha256: EMPTY_SHA256 }, example, at);
    expect(headers.authorization).toMatch(/Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7$/);
  });
});
