import { z } from "zod";
import { certificateStatuses, certificateVerdicts } from "../enums.ts";
import { isoDate, isoTime, list } from "./common.ts";

/** A particular of a certificate as shown: its label in the caller's language, a personal value masked to others than the holder. */
export const ShownParticular = z.object({ key: z.string(), label: z.string(), value: z.string() });
export type ShownParticular = z.infer<typeof ShownParticular>;

/** Anyone's verification of a certificate: the holder masked, the signature checked. */
export const PublicCertificate = z.object({
  certificateNo: z.string(),
  type: z.string(),
  /** The type's name in the caller's language (the type itself is a code). */
  typeName: z.string(),
  name: z.string(),
  holder: z.string(),
  holderCode: z.string(),
  issuer: z.string(),
  issuedAt: isoTime,
  validUntil: isoDate.optional(),
  status: z.enum(certificateVerdicts),
  revokedReason: z.string().optional(),
  /** When it was revoked, and the law or rule the revocation rests on (when stated). */
  revokedAt: isoTime.optional(),
  revokedLegalBasis: z.string().optional(),
  supervisionCode: z.string().nullable(),
  /** Registered without a supervision code: issued off the platform (R37). */
  offPlatform: z.boolean(),
  keyId: z.string(),
  signatureValid: z.boolean(),
  /** The particulars in the licence's order, personal ones masked (certificates issued before particulars have none). */
  particulars: z.array(ShownParticular),
});
export type PublicCertificate = z.infer<typeof PublicCertificate>;

export const CertificateKeys = z.object({
  keys: z.array(z.object({ kid: z.string(), alg: z.literal("Ed25519"), publicKeyPem: z.string(), validFrom: z.string() })),
});
export type CertificateKeys = z.infer<typeof CertificateKeys>;

/** A certificate of the library (证照库), for its holder or staff looking it up. */
export const LibraryCertificate = z.object({
  certificateNo: z.string(),
  type: z.string(),
  typeName: z.string(),
  name: z.string(),
  holder: z.string(),
  issuer: z.string(),
  issuedAt: isoTime,
  validUntil: isoDate.nullable(),
  status: z.enum(certificateStatuses),
  /** The status as verification states it today: revoked, past its validity, or valid. */
  verdict: z.enum(certificateVerdicts),
  revokedAt: isoTime.optional(),
  revokedReason: z.string().optional(),
  revokedLegalBasis: z.string().optional(),
  supervisionCode: z.string().nullable(),
  /** Registered without a supervision code: issued off the platform (R37). */
  offPlatform: z.boolean(),
  documentId: z.string().optional(),
  /** What the caller may do with it: revoke it; download its signed file for offline verification. */
  abilities: z.object({ revoke: z.boolean(), signedFile: z.boolean() }),
});
export type LibraryCertificate = z.infer<typeof LibraryCertificate>;
export const CertificateList = list(LibraryCertificate);

/** A certificate issued off a case is registered, and flagged for the supervisors without a supervision code. */
export const CertificateRegistered = z.object({ certificateNo: z.string(), flagged: z.boolean() });
export type CertificateRegistered = z.infer<typeof CertificateRegistered>;

/**
 * A certificate's signed file for offline verification: the payload exactly as signed (canonical
 * JSON, sorted keys, no spaces), its Ed25519 signature (base64) and the id of the key in
 * `/.well-known/certificate-keys.json` that verifies it.
 */
export const SignedCertificateFile = z.object({
  payload: z.record(z.string(), z.unknown()),
  signature: z.string(),
  keyId: z.string(),
  alg: z.literal("Ed25519"),
});
export type SignedCertificateFile = z.infer<typeof SignedCertificateFile>;

export const CertificateRevoked = z.object({ certificateNo: z.string(), status: z.literal("revoked") });
export type CertificateRevoked = z.infer<typeof CertificateRevoked>;

/** A particular the decider fills in before approving: pre-filled from the case, computed ones read-only. */
export const DraftParticular = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(["text", "date", "textarea"]),
  required: z.boolean(),
  source: z.enum(["form", "applicant", "decision", "computed"]),
  readOnly: z.boolean(),
  value: z.string(),
});
export type DraftParticular = z.infer<typeof DraftParticular>;

/** What the approval of a case would issue: the certificate type and its particulars pre-filled (null: no certificate). */
export const CertificateDraft = z.object({
  certificate: z
    .object({ type: z.string(), typeName: z.string(), heading: z.string(), validityYears: z.number().int().nullable(), particulars: z.array(DraftParticular) })
    .nullable(),
});
export type CertificateDraft = z.infer<typeof CertificateDraft>;
