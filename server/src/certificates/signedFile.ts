import type { SignedCertificateFile } from "@cq/contracts";

/** A certificate's signed file (offline verification): the payload as signed, its signature, the key's id. */
export function signedFileOf(c: { payload: unknown; signature: string; key_id: string }): SignedCertificateFile {
  return { payload: c.payload as Record<string, unknown>, signature: c.signature, keyId: c.key_id, alg: "Ed25519" };
}
