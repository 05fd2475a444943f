import type { Ctx } from "../../audit/command.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { updateCase } from "../repository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { transition } from "../workflow.ts";

/** The applicant withdraws an application that has not been accepted yet. */
export async function withdrawCase(ctx: Ctx, caseId: string): Promise<{ status: "withdrawn" }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "withdraw", true);
  const to = transition(c.status, "withdraw");
  await updateCase(ctx.trx, c.id, { status: to, withdrawn_at: ctx.now, closed_at: ctx.now, updated_at: ctx.now });
  await recordTimeline(ctx, c.id, "withdrawn", { public: true, departmentId: c.lead_department_id });
  await ctx.audit({ action: "case.withdrawn", objectType: "case", objectId: c.id, caseId: c.id, oldValues: { status: c.status }, newValues: { status: to } });
  return { status: "withdrawn" };
}
