import type { Ctx } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import type { CaseRow, TaskRow } from "../platform/schema.ts";
import type { CaseResource } from "../policy/case.ts";
import { loadCase } from "./access.ts";
import { findTask } from "./taskRepository.ts";

/**
 * Loads a task and its case (locked): a task is as visible as its case, so a stranger gets 404
 * whether or not the task exists.
 */
export async function loadTaskFor(ctx: Ctx, taskId: string): Promise<{ task: TaskRow; caseRow: CaseRow; resource: CaseResource }> {
  const found = await findTask(ctx.trx, taskId);
  if (!found) throw new AppError(ctx.actor.kind === "anonymous" ? "NOT_LOGGED_IN" : "TASK_NOT_FOUND");
  let loaded;
  try {
    loaded = await loadCase(ctx.trx, ctx.actor, found.case_id, "read", true);
  } catch (e) {
    if (e instanceof AppError && e.code === "CASE_NOT_FOUND") throw new AppError("TASK_NOT_FOUND");
    throw e;
  }
  // Re-read under the case lock: a concurrent command may have changed it meanwhile.
  const task = (await findTask(ctx.trx, taskId))!;
  return { task, caseRow: loaded.row, resource: loaded.resource };
}
