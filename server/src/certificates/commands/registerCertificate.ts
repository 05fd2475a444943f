import { findDepartment } from "../../catalog/repository.ts";
import { parseSupervisionCode } from "../../caseRecord/supervisionCode.ts";
import { findApplicantForClerk, findUserById } from "../../identity/repository.ts";
import { shanghaiDay, shanghaiYear } from "../../platform/clock.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowIssueFor, enforce } from "../../policy/index.ts";
import { insertFlag } from "../../supervision/repository.ts";
import { signingKey, signPayload } from "../keys.ts";
import { insertCertificate } from "../repository.ts";
import { generateCertificateNo, withFreshCertificateNo } from "../certificateNumber.ts";
import { unsafeFindCaseByCode } from "../../caseRecord/repository.ts";
import { requireStaff } from "../../platform/actor.ts";
import { maskHolderCode } from "../../identity/checkCharacters.ts";
import { personalDataOf } from "../../platform/personalData.ts";

export interface RegisterCertificateInput {
  departmentId: string;
  type: string;
  name: string;
  holderId?: string;
  /** The holder's ID number or unified social credit code, instead of `holderId`. */
  holderCode?: string;
  supervisionCode?: string;
  validUntil?: string;
}

/**
 * Records into the library a certificate a department issued outside the platform's workflow (a
 * legacy system, paper). Without a supervision code it counts as issued off the platform (R37) and
 * is flagged for the supervising office.
 */
/** The applicant with this ID number or credit code (either kind of code is tried). */
async function holderIdByCode(ctx: Ctx, code: string): Promise<string | undefined> {
  const c = code.toUpperCase();
  const pd = personalDataOf(ctx.deps.config);
  const found = (await findApplicantForClerk(ctx.trx, pd, { idNumber: c }))[0] ?? (await findApplicantForClerk(ctx.trx, pd, { creditCode: c }))[0];
  return found?.id;
}

export async function registerCertificate(ctx: Ctx, input: RegisterCertificateInput): Promise<{ certificateNo: string; flagged: boolean }> {
  enforce(ctx.actor, allowIssueFor(ctx.actor, input.departmentId));
  const pd = personalDataOf(ctx.deps.config);
  const holderId = input.holderId ?? (input.holderCode ? await holderIdByCode(ctx, input.holderCode) : undefined);
  if (!input.holderId && !input.holderCode) throw new AppError("VALIDATION_FAILED", { field: "holderId" });
  const [dept, holder] = await Promise.all([findDepartment(ctx.trx, input.departmentId), holderId ? findUserById(ctx.trx, pd, holderId) : undefined]);
  if (!dept) throw new AppError("NOT_FOUND");
  if (!holder || holder.kind !== "applicant") throw new AppError("APPLICANT_NOT_FOUND");
  let code: string | null = null;
  let caseId: string | null = null;
  if (input.supervisionCode) {
    const parsed = parseSupervisionCode(input.supervisionCode);
    if (!parsed.ok) throw new AppError("INVALID_SUPERVISION_CODE");
    const c = await unsafeFindCaseByCode(ctx.trx, parsed.display);
    // The code must belong to a case of this department and this holder.
    if (!c || c.lead_department_id !== dept.id || c.applicant_id !== holder.id) throw new AppError("CASE_NOT_FOUND");
    code = parsed.display;
    caseId = c.id;
  }
  const year = shanghaiYear(ctx.now);
  const key = await signingKey(ctx.trx, ctx.now);
  // A random number like those issued at decision (the free-text type gets the generic type code).
  const { certificateNo, payload } = await withFreshCertificateNo(
    () => generateCertificateNo({ type: input.type, department: { code: dept.code, regionCode: dept.region_code }, year }),
    async (certificateNo) => {
      const payload = {
        certificateNo, type: input.type, name: input.name, holderName: holder.name, holderCode: holder.credit_code ?? holder.id_number ?? "",
        issuer: dept.name, issuedAt: shanghaiDay(ctx.now), validUntil: input.validUntil ?? null, supervisionCode: code,
      };
      const stored = await insertCertificate(ctx.trx, pd, {
        certificate_no: certificateNo, case_id: caseId, type: input.type, name: input.name, holder_id: holder.id, holder_name: holder.name,
        holder_code: payload.holderCode, issuer_department_id: dept.id, issued_at: ctx.now, valid_until: input.validUntil ?? null, status: "valid",
        supervision_code: code, payload: JSON.stringify(payload), signature: signPayload(payload, key.privateKey), key_id: key.keyId, document_id: null,
        revoked_at: null, revoke_reason: null,
      });
      return stored ? { certificateNo, payload } : undefined;
    },
  );
  if (!code) {
    await insertFlag(ctx.trx, {
      id: newId(), case_id: null, certificate_no: certificateNo, department_id: dept.id, kind: "certificate-without-code",
      evidence: JSON.stringify({ certificateNo, type: input.type, registeredBy: requireStaff(ctx.actor).id }), created_at: ctx.now,
    });
  }
  await ctx.audit({ action: "certificate.registered", objectType: "certificate", objectId: certificateNo, caseId, newValues: { ...payload, holderCode: maskHolderCode(payload.holderCode), flagged: !code } });
  return { certificateNo, flagged: !code };
}
