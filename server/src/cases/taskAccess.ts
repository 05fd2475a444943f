import type { Actor } from "../platform/actor.ts";
import type { Ctx } from "../audit/command.ts";
import type { Executor } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";
import type { CaseRow, TaskRow } from "../platform/schema.ts";
import type { CaseResource } from "../policy/case.ts";
import { allowReadTaskInternals, taskVisibleTo } from "../policy/task.ts";
import { loadCase } from "../caseRecord/access.ts";
import { findTask } from "./taskRepository.ts";

/**
 * Loads a task and its case (locked): a task is as visible as its case, so a stranger gets 404
 * whether or not the task exists.
 */
export async function loadTaskFor(ctx: Ctx, taskId: string): Promise<{ task: TaskRow; caseRow: CaseRow; resource: CaseResource }> {
  const found = await findTask(ctx.trx, taskId);
  if (!found) throw new AppError(ctx.actor.kind === "anonymous" ? "NOT_LOGGED_IN" : "TASK_NOT_FOUND");
  // A department system knows only its own department's tasks, even on a case it may read (R5).
  if (!taskVisibleTo(ctx.actor, found.department_id)) throw new AppError("TASK_NOT_FOUND");
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

/** A task whose working papers the actor may read: staff who may read its case (R3); others 404. */
export async function readTaskAttachment(db: Executor, actor: Actor, taskId: string): Promise<{ task: TaskRow }> {
  if (actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
  const task = await findTask(db, taskId);
  if (!task || !allowReadTaskInternals(actor)) throw new AppError("TASK_NOT_FOUND");
  try {
    await loadCase(db, actor, task.case_id, "read");
  } catch (e) {
    if (e instanceof AppError && e.code === "CASE_NOT_FOUND") throw new AppError("TASK_NOT_FOUND");
    throw e;
  }
  return { task };
}
