import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { verifySignature } from "./verify-signature.mjs";

// A known vector, computed outside this code base:
//   printf '%s' '1767225600.{"id":"42","type":"case.accepted","caseId":"c-1"}' | openssl dgst -sha256 -hmac 'whsec_测试密钥'
const secret = "whsec_测试密钥";
const body = '{"id":"42","type":"case.accepted","caseId":"c-1"}';
const t = 1767225600;
const v1 = "15f22de04702c8db86009b4ca2fb5322d4558a8a31d9a795904551b0e7e90fb4";
const header = `t=${t},v1=${v1}`;
const at = { nowSeconds: t + 10 };

describe("the Node signature example (examples/verify-signature.mjs)", () => {
  it("accepts the known vector, as a string or as bytes", () => {
    expect(verifySignature(header, body, secret, at)).toBe(true);
    expect(verifySignature(header, Buffer.from(body, "utf8"), secret, at)).toBe(true);
    expect(verifySignature(`t=${t},v1=${"0".repeat(64)},v1=${v1}`, body, secret, at), "one of several signatures").toBe(true);
  });

  it("refuses a changed body, another secret, a stale or future time, a malformed header", () => {
    expect(verifySignature(header, body.replace("42", "43"), secret, at)).toBe(false);
    expect(verifySignature(header, body, "whsec_other", at)).toBe(false);
    expect(verifySignature(header, body, secret, { nowSeconds: t + 301 })).toBe(false);
    expect(verifySignature(header, body, secret, { nowSeconds: t - 301 })).toBe(false);
    expect(verifySignature(`t=${t + 1},v1=${v1}`, body, secret, { nowSeconds: t })).toBe(false);
    for (const bad of [undefined, "", `v1=${v1}`, `t=${t}`, `t=abc,v1=${v1}`, `t=${t},v1=${v1.slice(2)}`]) {
      expect(verifySignature(bad, body, secret, at), String(bad)).toBe(false);
    }
  });
});

const python = spawnSync("python3", ["--version"]).status === 0;
const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "verify_signature.py");
const runPython = (sig: string, input: string, now = t + 10) => spawnSync("python3", [script, secret, sig, String(now)], { input, encoding: "utf8" });

describe.runIf(python)("the Python signature example (examples/verify_signature.py)", () => {
  it("accepts the known vector and refuses a changed body or a stale time", () => {
    expect(runPython(header, body).stdout.trim()).toBe("valid");
    expect(runPython(header, body.replace("42", "43")).status).toBe(1);
    expect(runPython(header, body, t + 301).status).toBe(1);
  }, 30_000); // three Python starts: seconds each on a loaded machine
});
