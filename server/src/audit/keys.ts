import { createHash, createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../platform/config.ts";

// The audit chain is keyed (HMAC-SHA256) with a key kept outside the database: whoever can write
// the database but not read the key cannot recompute the chain after an edit. A key is named by
// its id (a hash prefix) in every entry, so keys can be rotated: the new one signs, old ones verify.

export interface AuditKey {
  id: string;
  secret: Buffer;
}
export interface AuditKeys {
  current: AuditKey;
  byId: ReadonlyMap<string, Buffer>;
}

const keyOf = (secret: Buffer): AuditKey => ({ id: createHash("sha256").update(secret).digest("hex").slice(0, 12), secret });

/** A key as written in the environment: 64 hex digits, or base64 of at least 32 bytes. */
export function parseAuditKey(text: string): Buffer {
  const t = text.trim();
  const bytes = /^[0-9a-fA-F]{64,}$/.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (bytes.length < 32) throw new Error("an audit key needs at least 32 bytes (64 hex digits or base64)");
  return bytes;
}

/**
 * The keys from AUDIT_KEY (and AUDIT_PREVIOUS_KEYS, comma separated, for verifying entries signed
 * before a rotation); without AUDIT_KEY (demo, development) a key file in the data directory,
 * created on first use — outside the database, beside it. Production requires AUDIT_KEY.
 */
export function loadAuditKeys(config: Pick<Config, "auditKey" | "auditPreviousKeys" | "dataDir" | "env">): AuditKeys {
  let current: AuditKey;
  if (config.auditKey) current = keyOf(parseAuditKey(config.auditKey));
  else if (config.env === "production") throw new Error("AUDIT_KEY is not set: production keeps the audit chain's key outside the database");
  else {
    const file = path.join(config.dataDir, "keys", "audit-hmac.key");
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      try {
        fs.writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
    }
    current = keyOf(parseAuditKey(fs.readFileSync(file, "utf8")));
  }
  const previous = config.auditPreviousKeys.map((k) => keyOf(parseAuditKey(k)));
  return { current, byId: new Map([current, ...previous].map((k) => [k.id, k.secret])) };
}

const cache = new WeakMap<object, AuditKeys>();

/** The keys of a configuration, loaded once. */
export function auditKeysOf(config: Config): AuditKeys {
  let keys = cache.get(config);
  if (!keys) {
    keys = loadAuditKeys(config);
    cache.set(config, keys);
  }
  return keys;
}

export const hmacHex = (secret: Buffer, ...parts: string[]): string => {
  const h = createHmac("sha256", secret);
  parts.forEach((p, i) => h.update(i ? `\n${p}` : p));
  return h.digest("hex");
};
