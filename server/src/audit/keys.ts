import { createHmac } from "node:crypto";
import type { Config } from "../platform/config.ts";
import { type Keyring, loadKeyring } from "../platform/keyring.ts";

// The audit chain is keyed (HMAC-SHA256) with a key kept outside the database: whoever can write
// the database but not read the key cannot recompute the chain after an edit. A key is named by
// its id (a hash prefix) in every entry, so keys can be rotated: the new one signs, old ones verify.

export type AuditKeys = Keyring;

/**
 * The keys from AUDIT_KEY (and AUDIT_PREVIOUS_KEYS, comma separated, for verifying entries signed
 * before a rotation); without AUDIT_KEY (demo, development) a key file in the data directory,
 * created on first use — outside the database, beside it. Production requires AUDIT_KEY.
 */
export function loadAuditKeys(config: Pick<Config, "auditKey" | "auditPreviousKeys" | "dataDir" | "env">): AuditKeys {
  return loadKeyring({
    current: config.auditKey, previous: config.auditPreviousKeys, env: config.env, dataDir: config.dataDir,
    fileName: "audit-hmac.key", variable: "AUDIT_KEY", why: "production keeps the audit chain's key outside the database",
  });
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
