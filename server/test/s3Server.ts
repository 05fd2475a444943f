import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small S3-compatible server for tests: path-style buckets, objects in memory, GET/HEAD/PUT, and
 * every request's AWS Signature Version 4 checked. The check is written from the specification
 * here, from the raw request line and headers, apart from the platform's signer, so that a mistake
 * in one is not repeated in the other.
 */
export interface TestS3 {
  endpoint: string;
  /** Objects by "bucket/key". */
  objects: Map<string, Buffer>;
  /** Requests refused, with the reason (for failing tests to show). */
  refused: string[];
  close(): Promise<void>;
}

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

function xmlError(res: http.ServerResponse, status: number, code: string) {
  res.writeHead(status, { "content-type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
}

/** Why the request's signature is not good, or null when it is. */
function signatureProblem(req: http.IncomingMessage, body: Buffer, keys: Record<string, string>, region: string): string | null {
  const auth = req.headers.authorization ?? "";
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return "AccessDenied";
  const [, keyId, day, scopeRegion, signedHeaders, signature] = m as unknown as string[];
  const secret = keys[keyId!];
  if (secret === undefined) return "InvalidAccessKeyId";
  if (scopeRegion !== region) return "AuthorizationHeaderMalformed";
  const date = String(req.headers["x-amz-date"] ?? "");
  if (!date.startsWith(day!)) return "AccessDenied";
  const names = signedHeaders!.split(";");
  for (const required of ["host", "x-amz-date", "x-amz-content-sha256"]) if (!names.includes(required)) return "AccessDenied";
  const payloadHash = String(req.headers["x-amz-content-sha256"]);
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== sha256(body)) return "XAmzContentSHA256Mismatch";

  const rawUrl = req.url ?? "/";
  const q = rawUrl.indexOf("?");
  const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
  // Query pairs as received (already encoded by the client), sorted by name then value.
  const pairs = q < 0 ? [] : rawUrl.slice(q + 1).split("&").filter(Boolean).map((p) => (p.includes("=") ? p : `${p}=`));
  pairs.sort();
  let canonical = `${req.method}\n${rawPath}\n${pairs.join("&")}\n`;
  for (const name of names) {
    const value = req.headers[name];
    if (value === undefined) return "AccessDenied";
    canonical += `${name}:${(Array.isArray(value) ? value.join(",") : value).trim().replace(/ +/g, " ")}\n`;
  }
  canonical += `\n${signedHeaders}\n${payloadHash}`;

  const stringToSign = `AWS4-HMAC-SHA256\n${date}\n${day}/${region}/s3/aws4_request\n${sha256(canonical)}`;
  let signingKey: Buffer = Buffer.from(`AWS4${secret}`);
  for (const part of [day!, region, "s3", "aws4_request"]) signingKey = createHmac("sha256", signingKey).update(part).digest();
  const expected = createHmac("sha256", signingKey).update(stringToSign).digest();
  return timingSafeEqual(expected, Buffer.from(signature!, "hex")) ? null : "SignatureDoesNotMatch";
}

export async function startTestS3(opts: { buckets: string[]; keys: Record<string, string>; region?: string }): Promise<TestS3> {
  const region = opts.region ?? "us-east-1";
  const objects = new Map<string, Buffer>();
  const refused: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const problem = signatureProblem(req, body, opts.keys, region);
      if (problem) {
        refused.push(`${req.method} ${req.url}: ${problem}`);
        return xmlError(res, problem === "XAmzContentSHA256Mismatch" || problem === "AuthorizationHeaderMalformed" ? 400 : 403, problem);
      }
      const path = decodeURIComponent((req.url ?? "/").split("?")[0]!);
      const [, bucket, ...rest] = path.split("/");
      const key = rest.join("/");
      if (!bucket || !opts.buckets.includes(bucket)) return xmlError(res, 404, "NoSuchBucket");
      if (!key) return xmlError(res, 400, "InvalidRequest");
      const id = `${bucket}/${key}`;
      if (req.method === "PUT") {
        objects.set(id, body);
        res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` });
        return res.end();
      }
      if (req.method === "GET" || req.method === "HEAD") {
        const stored = objects.get(id);
        if (!stored) return xmlError(res, 404, "NoSuchKey");
        res.writeHead(200, { "content-type": "application/octet-stream", "content-length": stored.length });
        return res.end(req.method === "GET" ? stored : undefined);
      }
      return xmlError(res, 405, "MethodNotAllowed");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
