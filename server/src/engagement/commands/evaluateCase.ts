import { findItemName } from "../../catalog/repository.ts";
import { loadCase } from "../../caseRecord/access.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowEvaluate, enforce } from "../../policy/index.ts";
import { evaluationOfCase, insertEvaluation } from "../complaintRepository.ts";
import { openComplaint } from "./complaints.ts";

export const levelNames: Record<number, string> = { 5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意" };

/**
 * The applicant evaluates a closed case once (好差评, R37): a level, optionally efficiency, attitude
 * and quality. A dissatisfied rating needs a comment and opens a work order for the lead department.
 */
export async function evaluateCase(
  ctx: Ctx,
  caseId: string,
  input: { level: number; dimensions?: { efficiency: number; attitude: number; quality: number } | undefined; comment?: string | undefined },
): Promise<{ id: string; level: number; workOrderId: string | null }> {
  const { row: c, resource } = await loadCase(ctx.trx, ctx.actor, caseId, "read", true);
  enforce(ctx.actor, allowEvaluate(ctx.actor, resource));
  if (c.status !== "closed") throw new AppError("CASE_STATE_CONFLICT", { status: c.status });
  if (await evaluationOfCase(ctx.trx, c.id)) throw new AppError("EVALUATION_EXISTS");
  const comment = input.comment?.trim() || null;
  if (input.level <= 2 && !comment) throw new AppError("COMMENT_REQUIRED", { field: "comment" });
  let workOrderId: string | null = null;
  if (input.level <= 2) {
    const item = await findItemName(ctx.trx, c.item_id);
    const order = await openComplaint(ctx, {
      kind: "evaluation", applicantId: c.applicant_id, caseId: c.id, departmentId: c.lead_department_id,
      subject: `${item.name}（${levelNames[input.level]}）`, text: comment ?? "",
    });
    workOrderId = order.id;
  }
  const id = newId();
  await insertEvaluation(ctx.trx, {
    id, case_id: c.id, applicant_id: c.applicant_id, department_id: c.lead_department_id, level: input.level,
    efficiency: input.dimensions?.efficiency ?? null, attitude: input.dimensions?.attitude ?? null, quality: input.dimensions?.quality ?? null,
    comment, work_order_id: workOrderId, created_at: ctx.now,
  });
  await recordTimeline(ctx, c.id, "evaluated", { public: false, departmentId: c.lead_department_id, data: { level: input.level } });
  await ctx.audit({ action: "case.evaluated", objectType: "evaluation", objectId: id, caseId: c.id, newValues: { level: input.level, ...input.dimensions, comment, workOrderId } });
  return { id, level: input.level, workOrderId };
}
