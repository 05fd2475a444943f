import { createPublicKey, verify } from "node:crypto";
import { inflateSync } from "node:zlib";

// Offline verification (离线核验) of a certificate's signed file with the published keys alone. This is
// deliberately a second implementation, independent of the code that signs (keys.ts, canonicalJson.ts):
// a bug there must not hide itself by being repeated here. It reads the file a holder downloads
// (`GET /api/certificates/:no/signed.json`) or a licence PDF with that file attached.

export interface SignedFile {
  payload: Record<string, unknown>;
  signature: string;
  keyId: string;
  alg: string;
}

export interface PublishedKey {
  kid: string;
  alg: string;
  publicKeyPem: string;
}

export type OfflineVerdict =
  | { valid: true; keyId: string; payload: Record<string, unknown> }
  | { valid: false; reason: "unknown-key" | "unsupported-algorithm" | "bad-signature"; keyId: string; payload: Record<string, unknown> };

/** The bytes that were signed: JSON with keys sorted by UTF-16 code units at every level, no spaces. */
export function signedBytes(value: unknown): string {
  if (Array.isArray(value)) return "[" + value.map((v) => signedBytes(v)).join(",") + "]";
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
    keys.sort();
    return "{" + keys.map((k) => JSON.stringify(k) + ":" + signedBytes((value as Record<string, unknown>)[k])).join(",") + "}";
  }
  return JSON.stringify(value === undefined ? null : value);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A signed file's shape, or null when the value is not one. */
export function asSignedFile(v: unknown): SignedFile | null {
  if (!isRecord(v) || !isRecord(v.payload)) return null;
  if (typeof v.signature !== "string" || typeof v.keyId !== "string" || typeof v.alg !== "string") return null;
  return { payload: v.payload, signature: v.signature, keyId: v.keyId, alg: v.alg };
}

/** The published keys from `/.well-known/certificate-keys.json` (its `keys`), or null when the text is not such a document. */
export function parseKeys(text: string): PublishedKey[] | null {
  try {
    const doc = JSON.parse(text) as unknown;
    if (!isRecord(doc) || !Array.isArray(doc.keys)) return null;
    const keys = doc.keys.filter((k): k is PublishedKey => isRecord(k) && typeof k.kid === "string" && typeof k.publicKeyPem === "string" && typeof k.alg === "string");
    return keys.length === doc.keys.length ? keys : null;
  } catch {
    return null;
  }
}

/** Checks the signature of a signed file against the published keys. */
export function verifySignedFile(file: SignedFile, keys: PublishedKey[]): OfflineVerdict {
  const base = { keyId: file.keyId, payload: file.payload };
  if (file.alg !== "Ed25519") return { valid: false, reason: "unsupported-algorithm", ...base };
  const key = keys.find((k) => k.kid === file.keyId && k.alg === "Ed25519");
  if (!key) return { valid: false, reason: "unknown-key", ...base };
  let ok: boolean;
  try {
    ok = verify(null, Buffer.from(signedBytes(file.payload), "utf8"), createPublicKey(key.publicKeyPem), Buffer.from(file.signature, "base64"));
  } catch {
    ok = false;
  }
  return ok ? { valid: true, ...base } : { valid: false, reason: "bad-signature", ...base };
}

/** The streams of a PDF, inflated where they are Flate-compressed (enough to find an attached file). */
function pdfStreams(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const text = pdf.toString("latin1");
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    const dict = text.slice(Math.max(0, text.lastIndexOf("<<", m.index) - 200), m.index);
    const raw = pdf.subarray(start, end);
    try {
      out.push(/FlateDecode/.test(dict) ? inflateSync(raw) : raw);
    } catch {
      // Not a stream we can read: not ours.
    }
    re.lastIndex = end;
  }
  return out;
}

/**
 * The signed file in a downloaded file: the JSON itself, or the JSON attached to a licence PDF.
 * Null when there is none.
 */
export function signedFileIn(bytes: Buffer): SignedFile | null {
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") {
    for (const s of pdfStreams(bytes)) {
      const t = s.toString("utf8").trim();
      if (!t.startsWith("{")) continue;
      try {
        const f = asSignedFile(JSON.parse(t));
        if (f) return f;
      } catch {
        // Some other stream.
      }
    }
    return null;
  }
  try {
    return asSignedFile(JSON.parse(bytes.toString("utf8")));
  } catch {
    return null;
  }
}
