import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Config, S3Config } from "./config.ts";
import type { Executor } from "./db.ts";
import { EMPTY_SHA256, signV4, uriEncode } from "./sigv4.ts";

/** Content-addressed file storage: the sha256 of the bytes is the key. */
export interface FileStore {
  put(bytes: Buffer): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<Buffer>;
  /** Throws, saying why, when the store cannot be used (for the readiness check and the start). */
  check?(): Promise<void>;
}

/** The store the configuration names (FILE_STORE): the data directory's files/ or an S3-compatible bucket. */
export function fileStoreOf(config: Config): FileStore {
  return config.fileStore.kind === "s3" ? new S3FileStore(config.fileStore) : new LocalFileStore(path.join(config.dataDir, "files"));
}

/** A file key is a sha256 in lower-case hex, nothing else (it becomes part of a path). */
function checkedSha(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("bad file key");
  return sha256;
}

export const sha256Hex = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), checkedSha(sha256).slice(2));
  }

  async put(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Hex(bytes);
    const target = this.pathOf(sha256);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Write to a temporary name first so a crash never leaves a truncated file under its hash.
    // Unique per write: concurrent uploads of the same content never share (and rename away) one temporary file.
    const tmp = `${target}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(sha256));
  }
}

/**
 * A stored file could not be written or read. The message names the object's key, the status and
 * the store's error code, never the secret, a signature or the endpoint's credentials.
 */
export class FileStoreError extends Error {
  constructor(
    message: string,
    /** The object is not in the store (S3 NoSuchKey). */
    readonly missing = false,
  ) {
    super(message);
  }
}


/** What to do about an S3 error code, for the message. */
const S3_HINTS: Record<string, string> = {
  SignatureDoesNotMatch: "check S3_SECRET_ACCESS_KEY",
  InvalidAccessKeyId: "check S3_ACCESS_KEY_ID",
  NoSuchBucket: "check S3_BUCKET (the bucket must exist)",
  AccessDenied: "the key may not read or write this bucket",
  AuthorizationHeaderMalformed: "check S3_REGION",
  RequestTimeTooSkewed: "the server's clock is off",
};

/**
 * Files in a bucket of an S3-compatible store, one object per file under `<prefix><sha[0..2]>/<sha>`,
 * through requests signed with AWS Signature Version 4 (no SDK). Path-style addressing by default.
 */
export class S3FileStore implements FileStore {
  /** The signing key lives only in this closure: logging or serializing the store never shows it. */
  private readonly sign: (method: string, url: URL, payloadSha256: string) => Record<string, string>;

  private readonly s3: Omit<S3Config, "secretAccessKey">;

  constructor({ secretAccessKey, ...s3 }: S3Config) {
    const key = { accessKeyId: s3.accessKeyId, secretAccessKey, region: s3.region, service: "s3" };
    this.sign = (method, url, payloadSha256) => signV4({ method, url, payloadSha256 }, key, new Date()); // the wall clock: the store checks it against its own
    this.s3 = s3;
  }

  /** The object's key in the bucket. */
  keyOf(sha256: string): string {
    return `${this.s3.prefix}${sha256.slice(0, 2)}/${checkedSha(sha256)}`;
  }

  private urlOf(key: string): URL {
    const url = new URL(this.s3.endpoint);
    const base = url.pathname.replace(/\/+$/, "");
    const object = key.split("/").map(uriEncode).join("/");
    if (this.s3.pathStyle) url.pathname = `${base}/${uriEncode(this.s3.bucket)}/${object}`;
    else {
      url.hostname = `${this.s3.bucket}.${url.hostname}`;
      url.pathname = `${base}/${object}`;
    }
    return url;
  }

  /** One signed request; a failure to reach the store becomes a FileStoreError naming the key only. */
  private async send(method: "GET" | "PUT", key: string, body?: Buffer, bodySha256?: string): Promise<Response> {
    const url = this.urlOf(key);
    const headers = this.sign(method, url, bodySha256 ?? EMPTY_SHA256);
    delete headers.host; // fetch sets it from the URL, exactly as signed
    try {
      // A Buffer is a Uint8Array; the DOM typings only doubt its backing store.
      return await fetch(url, { method, headers, body: body as Uint8Array<ArrayBuffer> | undefined, signal: AbortSignal.timeout(this.s3.timeoutMs) });
    } catch (err) {
      const e = err as Error & { cause?: Error };
      const why = e.name === "TimeoutError" ? `no answer within ${this.s3.timeoutMs} ms` : (e.cause?.message ?? e.message);
      throw new FileStoreError(`file store: ${method} ${key} failed: ${why}`);
    }
  }

  /** The store's refusal as an error: status, S3 error code and what to check. */
  private async refusal(method: string, key: string, res: Response): Promise<FileStoreError> {
    const text = await res.text().catch(() => "");
    const code = /<Code>([^<]{1,64})<\/Code>/.exec(text)?.[1] ?? "";
    const hint = S3_HINTS[code];
    const missing = res.status === 404 && code !== "NoSuchBucket";
    return new FileStoreError(`file store: ${method} ${key} answered ${res.status}${code ? ` ${code}` : ""}${hint ? ` (${hint})` : ""}`, missing);
  }

  async put(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Hex(bytes);
    const key = this.keyOf(sha256);
    // The content hash is also the signed payload hash: the store refuses bytes changed on the way.
    const res = await this.send("PUT", key, bytes, sha256);
    if (!res.ok) throw await this.refusal("PUT", key, res);
    await res.body?.cancel();
    return { sha256, size: bytes.length };
  }

  async get(sha256: string): Promise<Buffer> {
    const key = this.keyOf(sha256);
    const res = await this.send("GET", key);
    if (!res.ok) throw await this.refusal("GET", key, res);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (sha256Hex(bytes) !== sha256) throw new FileStoreError(`file store: ${key} does not match its hash`);
    return bytes;
  }

  /** Reads a small object of its own, writing it first when absent: the keys, bucket and network all work. */
  async check(): Promise<void> {
    const probe = Buffer.from("file store probe\n");
    try {
      await this.get(sha256Hex(probe));
    } catch (err) {
      if (!(err instanceof FileStoreError && err.missing)) throw err;
      await this.put(probe);
    }
  }
}

/** Records a stored file's row (once per content hash) inside the caller's transaction. */
export async function upsertFile(db: Executor, f: { sha256: string; size: number; mime: string; at: Date }) {
  await db
    .insertInto("files")
    .values({ sha256: f.sha256, size: f.size, mime: f.mime, created_at: f.at })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
}
