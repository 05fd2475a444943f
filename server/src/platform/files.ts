import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Executor } from "./db.ts";

/** Content-addressed file storage: the sha256 of the bytes is the key. */
export interface FileStore {
  put(bytes: Buffer): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<Buffer>;
}

export const sha256Hex = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("bad file key");
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2));
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

/** Records a stored file's row (once per content hash) inside the caller's transaction. */
export async function upsertFile(db: Executor, f: { sha256: string; size: number; mime: string; at: Date }) {
  await db
    .insertInto("files")
    .values({ sha256: f.sha256, size: f.size, mime: f.mime, created_at: f.at })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .execute();
}
