/**
 * Once-only (R27): whether a certificate of the library may stand in for a case's material. The
 * applicant is never asked again for what a department already issued, but only their own
 * certificate, of the kind the material names, in force on the day, will do.
 */
import type { CertificateStatus, CertificateVerdict } from "@cq/contracts";

export interface ReuseCandidate {
  holder_id: string | null;
  type: string;
  status: CertificateStatus;
  /** The last day it is in force (YYYY-MM-DD), or null for no end. */
  valid_until: string | null;
}

export type ReuseRefusal = "CERTIFICATE_NOT_FOUND" | "MATERIAL_NOT_REUSABLE" | "CERTIFICATE_TYPE_MISMATCH" | "CERTIFICATE_REVOKED" | "CERTIFICATE_EXPIRED";

/**
 * Why `certificate` may not be used by `applicantId` for a material of `certificateType` (null: a
 * material no certificate stands for) on `today` (a Shanghai day), or null when it may. Someone
 * else's certificate answers like one that does not exist, before anything else, so that a number
 * reveals nothing about whose it is.
 */
export function reuseRefusal(certificate: ReuseCandidate | undefined, applicantId: string, certificateType: string | null, today: string): ReuseRefusal | null {
  if (!certificate || certificate.holder_id !== applicantId) return "CERTIFICATE_NOT_FOUND";
  if (!certificateType) return "MATERIAL_NOT_REUSABLE";
  if (certificate.type !== certificateType) return "CERTIFICATE_TYPE_MISMATCH";
  const verdict = certificateVerdict(certificate, today);
  return verdict === "revoked" ? "CERTIFICATE_REVOKED" : verdict === "expired" ? "CERTIFICATE_EXPIRED" : null;
}

/** What the library says of a certificate on `today`: valid, revoked, or expired (past its last day). */
export function certificateVerdict(certificate: Pick<ReuseCandidate, "status" | "valid_until">, today: string): CertificateVerdict {
  if (certificate.status === "revoked") return "revoked";
  return certificate.valid_until !== null && certificate.valid_until < today ? "expired" : "valid";
}

/** The path of a certificate's public verification page (the one its QR code opens). */
export const verifyPath = (certificateNo: string) => `/verify/${encodeURIComponent(certificateNo)}`;
