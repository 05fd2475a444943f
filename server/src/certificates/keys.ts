import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from "node:crypto";
import type { Executor } from "../platform/db.ts";
import { canonicalJson } from "../platform/canonicalJson.ts";

export interface SigningKey {
  keyId: string;
  publicKeyPem: string;
  privateKey: KeyObject;
  createdAt: string;
}

interface StoredKey {
  keyId: string;
  publicKeyPem: string;
  privateKeyPem: string;
  createdAt: string;
}

const SETTING = "certificate_signing_keys";

/**
 * The platform's Ed25519 certificate signing key, created on first use and kept in the database so
 * every server process signs with the same key. (A deployment that has an HSM replaces this store.)
 */
export async function signingKey(db: Executor, now: Date): Promise<SigningKey> {
  const row = await db.selectFrom("platform_settings").select("value").where("key", "=", SETTING).executeTakeFirst();
  let keys = (row?.value as unknown as StoredKey[] | undefined) ?? [];
  if (!keys.length) {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const created: StoredKey = {
      keyId: `cq-cert-${now.toISOString().slice(0, 10)}`,
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
      privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      createdAt: now.toISOString(),
    };
    keys = [created];
    await db.insertInto("platform_settings").values({ key: SETTING, value: JSON.stringify(keys) }).onConflict((oc) => oc.column("key").doNothing()).execute();
    // A concurrent first use may have won: read back what is stored.
    const again = await db.selectFrom("platform_settings").select("value").where("key", "=", SETTING).executeTakeFirstOrThrow();
    keys = again.value as unknown as StoredKey[];
  }
  const k = keys[keys.length - 1]!;
  return { keyId: k.keyId, publicKeyPem: k.publicKeyPem, privateKey: createPrivateKey(k.privateKeyPem), createdAt: k.createdAt };
}

export async function publicKeys(db: Executor): Promise<{ keyId: string; publicKeyPem: string; createdAt: string }[]> {
  const row = await db.selectFrom("platform_settings").select("value").where("key", "=", SETTING).executeTakeFirst();
  return ((row?.value as unknown as StoredKey[] | undefined) ?? []).map((k) => ({ keyId: k.keyId, publicKeyPem: k.publicKeyPem, createdAt: k.createdAt }));
}

export const signPayload = (payload: Record<string, unknown>, key: KeyObject): string =>
  sign(null, Buffer.from(canonicalJson(payload)), key).toString("base64");

export function verifyPayload(payload: Record<string, unknown>, signature: string, publicKeyPem: string): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(payload)), createPublicKey(publicKeyPem), Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}
