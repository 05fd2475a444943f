import type { Ctx } from "../../audit/command.ts";
import { findUserById } from "../../identity/repository.ts";
import { shanghaiDay } from "../../platform/clock.ts";
import { AppError } from "../../platform/errors.ts";
import { tellApplicant } from "../../platform/applicantNotices.ts";
import { findDepartment } from "../../catalog/repository.ts";
import { allowIssueFor, enforce } from "../../policy/index.ts";
import { findCertificate, revokeCertificateRow } from "../repository.ts";
import { personalDataOf } from "../../platform/personalData.ts";
import { certificateNoKey } from "../certificateNumber.ts";

export interface RevokeCertificateInput {
  reason: string;
  /** The law or rule the revocation rests on (required by the workbench, optional in the API). */
  legalBasis?: string;
}

/**
 * Revokes (注销) a certificate of the library (R31): only the issuing department's decision makers,
 * once. The holder is told in the inbox and by SMS in the same transaction.
 */
export async function revokeCertificate(ctx: Ctx, certificateNo: string, input: RevokeCertificateInput): Promise<{ certificateNo: string; status: "revoked" }> {
  if (ctx.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
  const pd = personalDataOf(ctx.deps.config);
  const c = await findCertificate(ctx.trx, pd, certificateNoKey(certificateNo));
  if (!c) throw new AppError("CERTIFICATE_NOT_FOUND");
  enforce(ctx.actor, allowIssueFor(ctx.actor, c.issuer_department_id));
  const legalBasis = input.legalBasis ?? null;
  // Once: of concurrent revocations exactly one changes the row; the others find it revoked.
  if (c.status === "revoked" || !(await revokeCertificateRow(ctx.trx, c.certificate_no, { reason: input.reason, legalBasis }, ctx.now))) {
    throw new AppError("CERTIFICATE_ALREADY_REVOKED");
  }
  const holder = c.holder_id ? await findUserById(ctx.trx, pd, c.holder_id) : undefined;
  const issuer = await findDepartment(ctx.trx, c.issuer_department_id);
  await tellApplicant(
    ctx, holder, "certificate.revoked",
    { name: c.name, no: c.certificate_no, day: shanghaiDay(ctx.now), issuer: issuer?.name ?? "", reason: input.reason, legalBasis: legalBasis ?? { zh: "未载明", en: "not stated" } },
    c.case_id ?? undefined,
  );
  if (c.case_id) ctx.event({ type: "certificate.revoked", caseId: c.case_id, certificateNo: c.certificate_no });
  await ctx.audit({
    action: "certificate.revoked", objectType: "certificate", objectId: c.certificate_no, caseId: c.case_id,
    oldValues: { status: c.status }, newValues: { status: "revoked", reason: input.reason, legalBasis, holderTold: !!holder },
  });
  return { certificateNo: c.certificate_no, status: "revoked" };
}
