import { findUserById } from "../../identity/repository.ts";
import type { Ctx } from "../../audit/command.ts";
import { newId } from "../../platform/ids.ts";
import { smsApplicant } from "../../platform/notify.ts";
import { loadCase } from "../../caseRecord/access.ts";
import { insertCaseRecord } from "../recordRepository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { requireStaff } from "../../platform/actor.ts";
import { personalDataOf } from "../../platform/personalData.ts";

export interface VerificationInput {
  method: "phone" | "sms";
  result: "confirmed" | "not-reached" | "discrepancy";
  note?: string;
}

/** Records a check of the applicant by phone or SMS (R25); an SMS check also sends the message. */
export async function recordVerification(ctx: Ctx, caseId: string, input: VerificationInput): Promise<{ id: string }> {
  const { row: c } = await loadCase(ctx.trx, ctx.actor, caseId, "record", true);
  const me = requireStaff(ctx.actor);
  if (input.method === "sms") {
    const applicant = await findUserById(ctx.trx, personalDataOf(ctx.deps.config), c.applicant_id);
    await smsApplicant(ctx, applicant, `【重庆市网上行政审批平台】工作人员正在核实您的申请（监管码 ${c.supervision_code ?? ""}），如非本人申请请致电 12345。`);
  }
  const id = newId();
  await insertCaseRecord(ctx.trx, {
    id, case_id: c.id, task_id: null, kind: "verification", department_id: me.departmentId ?? null,
    data: JSON.stringify(input), recorded_by: me.id, recorded_at: ctx.now,
  });
  await recordTimeline(ctx, c.id, "verified", { public: false, departmentId: me.departmentId ?? null, data: { method: input.method } });
  await ctx.audit({ action: "case.verified", objectType: "case-record", objectId: id, caseId: c.id, newValues: { ...input } });
  return { id };
}
