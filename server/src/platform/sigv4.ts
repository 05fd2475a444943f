import { createHash, createHmac } from "node:crypto";

/**
 * AWS Signature Version 4 for requests to S3-compatible stores (AWS, MinIO, Ceph, OSS, COS…),
 * written out with node:crypto so that no SDK is needed:
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
 */
export interface SigV4Key {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
}

export interface SigV4Request {
  method: string;
  /** The URL as sent: its path already percent-encoded once (S3 signs it as it is). */
  url: URL;
  /** Headers to sign besides host, x-amz-date and x-amz-content-sha256 (e.g. range, content-type). */
  headers?: Record<string, string>;
  /** Hex sha256 of the body (of "" for none). */
  payloadSha256: string;
}

export const EMPTY_SHA256 = createHash("sha256").update("").digest("hex");

/** RFC 3986 percent-encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
export const uriEncode = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const hmac = (key: Buffer | string, data: string): Buffer => createHmac("sha256", key).update(data, "utf8").digest();

/** 20130524T000000Z */
export const amzDate = (at: Date): string => at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/**
 * The headers that sign `req` at `at`: host, x-amz-date, x-amz-content-sha256, the given ones and
 * authorization. Everything else the caller sends travels unsigned.
 */
export function signV4(req: SigV4Request, key: SigV4Key, at: Date): Record<string, string> {
  const date = amzDate(at);
  const day = date.slice(0, 8);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v.trim().replace(/\s+/g, " ");
  headers.host = req.url.host;
  headers["x-amz-date"] = date;
  headers["x-amz-content-sha256"] = req.payloadSha256;
  const names = Object.keys(headers).sort();
  const query = [...req.url.searchParams]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonicalRequest = [
    req.method,
    req.url.pathname || "/",
    query,
    ...names.map((n) => `${n}:${headers[n]}`),
    "",
    names.join(";"),
    req.payloadSha256,
  ].join("\n");
  const scope = `${day}/${key.region}/${key.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", date, scope, createHash("sha256").update(canonicalRequest).digest("hex")].join("\n");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${key.secretAccessKey}`, day), key.region), key.service), "aws4_request");
  const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${key.accessKeyId}/${scope},SignedHeaders=${names.join(";")},Signature=${signature}`;
  return headers;
}
