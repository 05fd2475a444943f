import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Keys kept outside the database (the audit chain's, the personal-data key): each named by its id
// (a hash prefix) wherever it was used, so that keys can be rotated — the current one writes, earlier
// ones still read.

export interface Key {
  id: string;
  secret: Buffer;
}
export interface Keyring {
  current: Key;
  byId: ReadonlyMap<string, Buffer>;
}

export const keyOf = (secret: Buffer): Key => ({ id: createHash("sha256").update(secret).digest("hex").slice(0, 12), secret });

/** A key as written in the environment: 64 hex digits, or base64 of at least 32 bytes. */
export function parseKey(text: string, what: string): Buffer {
  const t = text.trim();
  const bytes = /^[0-9a-fA-F]{64,}$/.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (bytes.length < 32) throw new Error(`${what} needs at least 32 bytes (64 hex digits or base64)`);
  return bytes;
}

/** A random key in a file of the data directory, created on first use (demo and development only). */
function keyFile(dataDir: string, name: string): string {
  const file = path.join(dataDir, "keys", name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  return fs.readFileSync(file, "utf8");
}

/**
 * The keys named by the environment: `current` (else, outside production, a key file in the data
 * directory) and `previous` (after a rotation, read only). Production refuses to start without one.
 */
export function loadKeyring(spec: {
  current: string | undefined;
  previous: readonly string[];
  env: "production" | "development" | "test";
  dataDir: string;
  fileName: string;
  /** The environment variable, named in errors. */
  variable: string;
  why: string;
}): Keyring {
  let text = spec.current;
  if (!text) {
    if (spec.env === "production") throw new Error(`${spec.variable} is not set: ${spec.why}`);
    text = keyFile(spec.dataDir, spec.fileName);
  }
  const current = keyOf(parseKey(text, `${spec.variable}`));
  const previous = spec.previous.map((k) => keyOf(parseKey(k, `a key of the previous ${spec.variable}s`)));
  return { current, byId: new Map([current, ...previous].map((k) => [k.id, k.secret])) };
}
