import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { allowTask, enforce } from "../../policy/index.ts";
import { loadTaskFor } from "../taskAccess.ts";
import { claimTaskRow } from "../taskRepository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { requireStaff } from "../../platform/actor.ts";

/** Signs for (签收) a task: from now on only this staff member completes it (R28). */
export async function claimTask(ctx: Ctx, taskId: string): Promise<{ id: string; status: "claimed" }> {
  const { task, caseRow } = await loadTaskFor(ctx, taskId);
  if (task.status === "done" || task.status === "cancelled") throw new AppError("TASK_ALREADY_DONE");
  const me = requireStaff(ctx.actor).id;
  if (task.status === "claimed") {
    if (task.claimed_by === me) return { id: task.id, status: "claimed" };
    throw new AppError("TASK_CLAIMED_BY_OTHER");
  }
  enforce(ctx.actor, allowTask(ctx.actor, "claim", { departmentId: task.department_id, role: task.role, assigneeId: task.assignee_id, claimedBy: task.claimed_by }));
  if (!(await claimTaskRow(ctx.trx, task.id, me, ctx.now))) throw new AppError("TASK_CLAIMED_BY_OTHER");
  await recordTimeline(ctx, caseRow.id, "task-claimed", { public: false, departmentId: task.department_id, data: { step: task.name } });
  await ctx.audit({ action: "task.claimed", objectType: "task", objectId: task.id, caseId: caseRow.id, oldValues: { status: "open" }, newValues: { status: "claimed" } });
  return { id: task.id, status: "claimed" };
}
