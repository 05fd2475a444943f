import { loadCaseFor } from "../../caseRecord/access.ts";
import { isExplainable } from "../workflow.ts";
import { AppError } from "../../platform/errors.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import type { Ctx } from "../../audit/command.ts";
import { newId } from "../../platform/ids.ts";
import { insertExplanation } from "../../supervision/repository.ts";
import { requireStaff } from "../../platform/actor.ts";

/** The department's explanation of an overdue case; recorded in time, it prevents automatic escalation (R36). */
export async function explainCase(ctx: Ctx, caseId: string, text: string): Promise<{ id: string }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "explain", true);
  if (!isExplainable(c.status)) throw new AppError("CASE_STATE_CONFLICT", { status: c.status });
  const id = newId();
  await insertExplanation(ctx.trx, { id, case_id: c.id, text, created_by: requireStaff(ctx.actor).id, created_at: ctx.now });
  await recordTimeline(ctx, c.id, "explained", { public: false, departmentId: c.lead_department_id });
  await ctx.audit({ action: "case.explained", objectType: "explanation", objectId: id, caseId: c.id, newValues: { text } });
  return { id };
}
