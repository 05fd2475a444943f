import fs from "node:fs";
import { parseArgs } from "node:util";
import { type PublishedKey, parseKeys, signedFileIn, verifySignedFile } from "./verifyOffline.ts";

export const VERIFY_USAGE = `usage: verify-certificate FILE [--keys KEYS.json | --keys-url URL]
  FILE        a certificate's signed file (…signed.json) or a licence PDF with it attached
  --keys      the published keys, as downloaded from /.well-known/certificate-keys.json
  --keys-url  the address of the published keys (e.g. https://…/.well-known/certificate-keys.json)
  (neither: the keys in this installation's database)
exit code: 0 VALID, 1 INVALID (tampered, unknown key, not a signed file), 2 usage error`;

export interface VerifyIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** The installation's own published keys (the default when no keys are given). */
  localKeys: () => Promise<PublishedKey[]>;
  fetchText?: (url: string) => Promise<string>;
}

const LABELS: Record<string, string> = {
  certificateNo: "证照编号 Certificate No.",
  type: "证照类型 Type",
  name: "证照名称 Name",
  holderName: "持证主体 Holder",
  holderCode: "证件号码 Holder's code",
  issuer: "发证机关 Issuer",
  issuedAt: "发证日期 Issued",
  validUntil: "有效期至 Valid until",
  supervisionCode: "监管码 Supervision code",
};

/** `verify-certificate`: checks a signed file with the published keys alone; returns the exit code. */
export async function verifyCertificateCommand(args: string[], io: VerifyIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { keys: { type: "string" }, "keys-url": { type: "string" } } });
  } catch (e) {
    io.err((e as Error).message);
    io.err(VERIFY_USAGE);
    return 2;
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1 || (parsed.values.keys && parsed.values["keys-url"])) {
    io.err(VERIFY_USAGE);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    io.err(`cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  let keys: PublishedKey[] | null;
  try {
    if (parsed.values.keys) keys = parseKeys(fs.readFileSync(parsed.values.keys, "utf8"));
    else if (parsed.values["keys-url"]) keys = parseKeys(await (io.fetchText ?? fetchText)(parsed.values["keys-url"]));
    else keys = await io.localKeys();
  } catch (e) {
    io.err(`cannot read the published keys: ${(e as Error).message}`);
    return 2;
  }
  if (!keys) {
    io.err("the keys file is not a certificate-keys.json document (with a keys list)");
    return 2;
  }
  const signed = signedFileIn(bytes);
  if (!signed) {
    io.out(`INVALID: ${file} holds no signed certificate file`);
    return 1;
  }
  for (const [key, value] of Object.entries(signed.payload)) {
    if (key === "particulars" && value && typeof value === "object") {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) io.out(`  ${k}: ${String(v)}`);
    } else io.out(`${LABELS[key] ?? key}: ${value === null ? "—" : String(value)}`);
  }
  io.out(`key: ${signed.keyId} (${signed.alg})`);
  const verdict = verifySignedFile(signed, keys);
  if (verdict.valid) {
    io.out("VALID: the signature matches the published key; the particulars above are as issued.");
    io.out("(Whether it was revoked since, or has expired, only online verification can tell.)");
    return 0;
  }
  const why = { "unknown-key": "no published key has this key id", "unsupported-algorithm": "the algorithm is not Ed25519", "bad-signature": "the signature does not match: the file was changed or not signed by this key" }[verdict.reason];
  io.out(`INVALID: ${why}`);
  return 1;
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.text();
}
