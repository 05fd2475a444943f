import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import type { Config } from "./config.ts";
import { type Keyring, loadKeyring } from "./keyring.ts";

// Personal data at rest (等保 level 3, 数据保密性): ID numbers, phone numbers and second-factor
// secrets are stored sealed — AES-256-GCM under a key from the environment (PERSONAL_DATA_KEY), never
// in the database — as `pd1:<key id>:<base64url(iv | ciphertext | tag)>`. What must be found by value
// (log in by phone or ID number, one account per phone, the hall's look-up) is found by a blind
// index: an HMAC of the value under a key derived from the same secret, which tells equal values
// apart without revealing them. Keys rotate: the newest seals, earlier ones (PERSONAL_DATA_PREVIOUS_KEYS)
// still open, and `sealPersonalData` re-seals every row under the newest.

const PREFIX = "pd1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a blind index is of: the same value of two kinds never shares an index. An outbox address (phone or e-mail) is an "address". */
export type IndexKind = "phone" | "id-number" | "address";

interface DerivedKey {
  id: string;
  data: Buffer;
  index: Buffer;
}

const derive = (secret: Buffer, info: string): Buffer => Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), info, 32));

export class PersonalData {
  private readonly current: DerivedKey;
  private readonly byId: Map<string, DerivedKey>;

  constructor(keys: Keyring) {
    const all = [...keys.byId].map(([id, secret]) => ({ id, data: derive(secret, "cq personal data: aes-256-gcm"), index: derive(secret, "cq personal data: blind index") }));
    this.byId = new Map(all.map((k) => [k.id, k]));
    this.current = this.byId.get(keys.current.id)!;
  }

  /** The id of the key that seals now; a sealed value under another key starts otherwise. */
  get currentPrefix(): string {
    return `${PREFIX}${this.current.id}:`;
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.current.data, iv);
    const body = Buffer.concat([iv, cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
    return `${this.currentPrefix}${body.toString("base64url")}`;
  }

  sealOrNull(plain: string | null | undefined): string | null {
    return plain === null || plain === undefined || plain === "" ? (plain ?? null) : this.seal(plain);
  }

  /**
   * The plain value. A value not sealed (a row written before sealing, until `sealPersonalData` runs
   * at start) is returned as it is; a sealed one under an unknown key, or altered, throws.
   */
  open(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    const sep = stored.indexOf(":", PREFIX.length);
    const key = this.byId.get(stored.slice(PREFIX.length, sep));
    if (!key) throw new Error("personal data sealed under a key that is not configured (PERSONAL_DATA_PREVIOUS_KEYS)");
    const body = Buffer.from(stored.slice(sep + 1), "base64url");
    const decipher = createDecipheriv("aes-256-gcm", key.data, body.subarray(0, IV_BYTES));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  }

  openOrNull(stored: string | null | undefined): string | null {
    return stored === null || stored === undefined ? null : this.open(stored);
  }

  isSealed(stored: string): boolean {
    return stored.startsWith(PREFIX);
  }

  isSealedUnderCurrent(stored: string): boolean {
    return stored.startsWith(this.currentPrefix);
  }

  /** The blind index of a value under the newest key. */
  index(kind: IndexKind, value: string): string {
    return this.indexUnder(this.current, kind, value);
  }

  /** The blind indexes of a value under every key: a look-up finds rows not yet re-sealed after a rotation. */
  indexes(kind: IndexKind, value: string): string[] {
    return [this.current, ...[...this.byId.values()].filter((k) => k !== this.current)].map((k) => this.indexUnder(k, kind, value));
  }

  private indexUnder(key: DerivedKey, kind: IndexKind, value: string): string {
    return createHmac("sha256", key.index).update(`${kind}:${value.trim().toUpperCase()}`).digest("base64url");
  }
}

const cache = new WeakMap<object, PersonalData>();

/** The personal-data keys of a configuration, loaded once. Production requires PERSONAL_DATA_KEY. */
export function personalDataOf(config: Pick<Config, "personalDataKey" | "personalDataPreviousKeys" | "dataDir" | "env">): PersonalData {
  let pd = cache.get(config);
  if (!pd) {
    pd = new PersonalData(
      loadKeyring({
        current: config.personalDataKey, previous: config.personalDataPreviousKeys, env: config.env, dataDir: config.dataDir,
        fileName: "personal-data.key", variable: "PERSONAL_DATA_KEY", why: "production seals ID numbers and phone numbers with a key kept outside the database",
      }),
    );
    cache.set(config, pd);
  }
  return pd;
}
