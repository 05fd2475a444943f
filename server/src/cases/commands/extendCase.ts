import { caseDeadline, refreshCaseClock } from "../../clock/caseClock.ts";
import { tellApplicant } from "../../platform/applicantNotices.ts";
import { extensionCap } from "../../clock/deadline.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { isExtendable } from "../workflow.ts";
import { updateCase } from "../repository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { issueCaseDocument, noticeFacts } from "../noticeFacts.ts";
import { insertExtension } from "../../clock/suspensionRepository.ts";
import { requireStaff } from "../../platform/actor.ts";

/**
 * Extends the limit (延期, Art. 42, R35) with the department head's approval: the promised limit
 * plus every extension stays within the statutory limit plus its one statutory extension.
 */
export async function extendCase(ctx: Ctx, caseId: string, input: { workingDays: number; reason: string }): Promise<{ id: string; limitDays: number }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "extend", true);
  if (!isExtendable(c.status)) throw new AppError("CASE_STATE_CONFLICT", { status: c.status });
  const facts = await noticeFacts(ctx, c);
  const { version, dept, applicant, item } = facts;
  const cap = extensionCap({ statutoryDays: version.statutory_days, statutoryExtensionDays: version.statutory_extension_days });
  const limitDays = version.promised_days + c.extension_days + input.workingDays;
  if (limitDays > cap) {
    throw new AppError("EXTENSION_BEYOND_CAP", { cap, promisedDays: version.promised_days, extendedSoFar: c.extension_days, allowed: Math.max(0, cap - version.promised_days - c.extension_days) });
  }
  // The limit is extended first, so that the notice's 办结期限 is the new due date.
  await updateCase(ctx.trx, c.id, { extension_days: c.extension_days + input.workingDays, updated_at: ctx.now });
  const documentId = await issueCaseDocument(ctx, c, facts, "extension-notice", {
    values: { 延长理由: input.reason, 延长天数: String(input.workingDays) },
  });
  const id = newId();
  await insertExtension(ctx.trx, { id, case_id: c.id, working_days: input.workingDays, reason: input.reason, approved_by: requireStaff(ctx.actor).id, created_at: ctx.now, document_id: documentId });
  await recordTimeline(ctx, c.id, "extended", { public: true, departmentId: dept.id, data: { workingDays: input.workingDays, reason: input.reason } });
  ctx.event({ type: "case.extended", caseId: c.id, data: { extension: { id, workingDays: input.workingDays } } });
  await ctx.audit({ action: "case.extended", objectType: "extension", objectId: id, caseId: c.id, oldValues: { extensionDays: c.extension_days }, newValues: { extensionDays: c.extension_days + input.workingDays, reason: input.reason, documentId } });
  await refreshCaseClock(ctx, c.id);
  const due = (await caseDeadline(ctx.trx, c.id, ctx.now))?.dueDate ?? "";
  await tellApplicant(ctx, applicant, "case.extended", { item: item.name, code: c.supervision_code ?? "", due, reason: input.reason }, c.id);
  return { id, limitDays };
}
