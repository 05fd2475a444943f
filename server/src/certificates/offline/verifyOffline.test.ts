import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canonicalJson } from "../../platform/canonicalJson.ts";
import { signPayload } from "../keys.ts";
import { signedBytes, signedFileIn, verifySignedFile } from "./verifyOffline.ts";
import { verifyCertificateCommand } from "./verifyCommand.ts";

const pair = () => {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return { privateKey, publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString() };
};
const k1 = pair();
const k2 = pair();
const keys = [{ kid: "k1", alg: "Ed25519", publicKeyPem: k1.publicKeyPem }];
const payload = {
  certificateNo: "JG500112ABC2026X7K9M2P4Q8RT",
  type: "food-business-license",
  name: "食品经营许可证",
  holderName: "重庆渝味轩餐饮管理有限公司",
  holderCode: "91500112MA5U7G4K4Y",
  issuer: "重庆市渝北区市场监督管理局",
  issuedAt: "2026-11-27",
  validUntil: "2031-11-26",
  supervisionCode: null,
  particulars: { premises: "重庆市渝北区金山路18号附3号", businessItems: "热食类食品制售" },
};
const file = { payload, signature: signPayload(payload, k1.privateKey), keyId: "k1", alg: "Ed25519" };

describe("offline verification", () => {
  it("writes the same bytes as the signing side's canonical JSON, for awkward values too", () => {
    for (const v of [payload, { b: [1, { z: "é\u2028", a: null }], a: "\"quoted\"", "10": 1, "9": 2 }, [], {}, "x", 1.5, true]) {
      expect(signedBytes(v)).toBe(canonicalJson(v));
    }
  });

  it("accepts the file as signed, refuses a changed particular, another key and an unknown key id", () => {
    expect(verifySignedFile(file, keys)).toMatchObject({ valid: true, keyId: "k1" });
    const tampered = { ...file, payload: { ...payload, validUntil: "2041-11-26" } };
    expect(verifySignedFile(tampered, keys)).toMatchObject({ valid: false, reason: "bad-signature" });
    const nested = { ...file, payload: { ...payload, particulars: { ...payload.particulars, businessItems: "全部" } } };
    expect(verifySignedFile(nested, keys)).toMatchObject({ valid: false, reason: "bad-signature" });
    expect(verifySignedFile(file, [{ kid: "k1", alg: "Ed25519", publicKeyPem: k2.publicKeyPem }])).toMatchObject({ valid: false, reason: "bad-signature" });
    expect(verifySignedFile({ ...file, keyId: "k9" }, keys)).toMatchObject({ valid: false, reason: "unknown-key" });
    expect(verifySignedFile({ ...file, alg: "RS256" }, keys)).toMatchObject({ valid: false, reason: "unsupported-algorithm" });
    expect(verifySignedFile({ ...file, signature: "not base64 at all" }, keys)).toMatchObject({ valid: false });
  });

  it("finds the file in JSON and refuses what is not one", () => {
    expect(signedFileIn(Buffer.from(JSON.stringify(file)))).toEqual(file);
    expect(signedFileIn(Buffer.from("{}"))).toBeNull();
    expect(signedFileIn(Buffer.from("not json"))).toBeNull();
    expect(signedFileIn(Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF"))).toBeNull();
  });
});

describe("verify-certificate command", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-cert-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, v: unknown) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, typeof v === "string" ? v : JSON.stringify(v));
    return p;
  };
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await verifyCertificateCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l), localKeys: async () => keys });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
  const keysFile = write("keys.json", { keys: [{ kid: "k1", alg: "Ed25519", publicKeyPem: k1.publicKeyPem, validFrom: "2026-01-01T00:00:00.000Z" }] });
  const otherKeys = write("other-keys.json", { keys: [{ kid: "k1", alg: "Ed25519", publicKeyPem: k2.publicKeyPem, validFrom: "2026-01-01T00:00:00.000Z" }] });

  it("exits 0 for a valid file, printing its particulars", async () => {
    const r = await run([write("ok.json", file), "--keys", keysFile]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("VALID");
    expect(r.out).toContain("重庆渝味轩餐饮管理有限公司");
    expect((await run([write("ok2.json", file)])).code).toBe(0); // the installation's own keys
  });

  it("exits 1 for a tampered file, a wrong key and something that is no signed file", async () => {
    const tampered = await run([write("bad.json", { ...file, payload: { ...payload, holderName: "别人" } }), "--keys", keysFile]);
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain("INVALID");
    expect((await run([write("ok3.json", file), "--keys", otherKeys])).code).toBe(1);
    expect((await run([write("junk.json", "hello"), "--keys", keysFile])).code).toBe(1);
  });

  it("exits 2 on a usage error", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([path.join(dir, "missing.json")])).code).toBe(2);
    expect((await run([write("ok4.json", file), "--keys", write("notkeys.json", { hello: 1 })])).code).toBe(2);
    expect((await run([write("ok5.json", file), "--keys", keysFile, "--keys-url", "http://x"])).code).toBe(2);
    expect((await run([write("ok6.json", file), "--bogus"])).code).toBe(2);
  });
});
