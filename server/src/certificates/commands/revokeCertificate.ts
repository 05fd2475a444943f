import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { allowIssueFor, enforce } from "../../policy/index.ts";
import { findCertificate, revokeCertificateRow } from "../repository.ts";
import { personalDataOf } from "../../platform/personalData.ts";
import { certificateNoKey } from "../certificateNumber.ts";

/** Revokes a certificate of the library (R31): only the issuing department's decision makers, once. */
export async function revokeCertificate(ctx: Ctx, certificateNo: string, reason: string): Promise<{ certificateNo: string; status: "revoked" }> {
  if (ctx.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
  const c = await findCertificate(ctx.trx, personalDataOf(ctx.deps.config), certificateNoKey(certificateNo));
  if (!c) throw new AppError("CERTIFICATE_NOT_FOUND");
  enforce(ctx.actor, allowIssueFor(ctx.actor, c.issuer_department_id));
  // Once: of concurrent revocations exactly one changes the row; the others find it revoked.
  if (c.status === "revoked" || !(await revokeCertificateRow(ctx.trx, c.certificate_no, reason, ctx.now))) {
    throw new AppError("CERTIFICATE_ALREADY_REVOKED");
  }
  await ctx.audit({ action: "certificate.revoked", objectType: "certificate", objectId: c.certificate_no, caseId: c.case_id, oldValues: { status: c.status }, newValues: { status: "revoked", reason } });
  return { certificateNo: c.certificate_no, status: "revoked" };
}
