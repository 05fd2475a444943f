import { findVersion } from "../../catalog/repository.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowTask, enforce } from "../../policy/index.ts";
import { advance, openStep, resumeClockForTask, stepsOf } from "../engine.ts";
import { completedByOwnCommand, returnTarget, RoutingError } from "../routing.ts";
import { loadTaskFor } from "../taskAccess.ts";
import { completeTaskRow } from "../taskRepository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { insertCaseRecord } from "../recordRepository.ts";
import { notifyDepartment } from "../../platform/notify.ts";
import { actorId } from "../../platform/actor.ts";
import { requireWorker, systemMark } from "../worker.ts";

export interface CompleteTaskInput {
  outcome: "pass" | "fail" | "return";
  opinion: string;
  attachments?: string[];
  returnToStepId?: string;
  /** For offline steps (site inspection, expert review, hearing…): what happened and what came of it (R28). */
  record?: { procedure: string; course: string; result: string; date?: string; participants?: string };
}

/**
 * Completes a workflow task with its outcome and opinion, then moves the case on: the next step
 * opens once every parallel task is in; `return` reopens an earlier step.
 */
export async function completeTask(ctx: Ctx, taskId: string, input: CompleteTaskInput): Promise<{ id: string; status: "done"; caseStatus: string }> {
  const { task, caseRow } = await loadTaskFor(ctx, taskId);
  const me = actorId(requireWorker(ctx.actor));
  if (task.status === "done" || task.status === "cancelled") throw new AppError("TASK_ALREADY_DONE");
  if (task.status === "claimed" && task.claimed_by !== me && allowTask(ctx.actor, "claim", { departmentId: task.department_id, role: task.role, assigneeId: task.assignee_id, claimedBy: null })) {
    throw new AppError("TASK_CLAIMED_BY_OTHER");
  }
  enforce(ctx.actor, allowTask(ctx.actor, "complete", { departmentId: task.department_id, role: task.role, assigneeId: task.assignee_id, claimedBy: task.claimed_by, kind: task.kind }));
  if (completedByOwnCommand(task.kind)) throw new AppError("TASK_NEEDS_COMMAND", { kind: task.kind });
  if (caseRow.status !== "in_progress") throw new AppError("CASE_STATE_CONFLICT", { status: caseRow.status });
  if (task.kind === "offline" && !input.record) throw new AppError("OFFLINE_RECORD_REQUIRED");

  const version = await findVersion(ctx.trx, caseRow.item_version_id);
  const steps = stepsOf(version);
  let target: number | null = null;
  if (input.outcome === "return") {
    if (task.kind === "co-handle" || task.kind === "push") throw new AppError("RETURN_NOT_ALLOWED", { kind: task.kind });
    try {
      target = returnTarget(steps, task.step_index, input.returnToStepId);
    } catch (e) {
      if (e instanceof RoutingError) throw new AppError("RETURN_NOT_ALLOWED", { reason: e.message });
      throw e;
    }
  }
  const attachments = (task.attachments as unknown as { id: string }[]).filter((a) => !input.attachments || input.attachments.includes(a.id));
  const won = await completeTaskRow(ctx, caseRow.id, task.id, me, {
    outcome: input.outcome,
    opinion: input.opinion,
    attachments: JSON.stringify(attachments),
    record: input.record ? JSON.stringify(input.record) : null,
    at: ctx.now,
  });
  // Another completion got there first (the case lock makes this rare, the condition makes it safe).
  if (!won) throw new AppError("TASK_ALREADY_DONE");

  if (task.clock_stopped) await resumeClockForTask(ctx, caseRow, task.id);
  if (input.record) {
    await insertCaseRecord(ctx.trx, {
      id: newId(), case_id: caseRow.id, task_id: task.id, kind: "offline", department_id: task.department_id,
      data: JSON.stringify(input.record), recorded_by: me, recorded_by_client: ctx.actor.kind === "integration" ? ctx.actor.id : null, recorded_at: ctx.now,
    });
  }
  await ctx.audit({
    action: "task.completed",
    objectType: "task",
    objectId: task.id,
    caseId: caseRow.id,
    oldValues: { status: task.status },
    newValues: { status: "done", outcome: input.outcome, opinion: input.opinion, ...(input.record ? { record: input.record } : {}), ...systemMark(ctx.actor) },
  });

  if (target !== null) {
    await recordTimeline(ctx, caseRow.id, "task-returned", { public: true, departmentId: task.department_id, data: { step: task.name, to: steps[target]!.name, ...systemMark(ctx.actor) } });
    await openStep(ctx, caseRow, version, target);
    return { id: task.id, status: "done", caseStatus: caseRow.status };
  }
  await recordTimeline(ctx, caseRow.id, "task-completed", { public: true, departmentId: task.department_id, data: { step: task.name, ...systemMark(ctx.actor) } });
  if (task.kind === "push" || task.kind === "co-handle") {
    // The result goes back to the department that sent it (R28, R30).
    await notifyDepartment(ctx, caseRow.lead_department_id, null, {
      title: `${task.name}：意见已返回`,
      text: `办件${caseRow.supervision_code ?? ""}的“${task.name}”环节已办结并返回意见。`,
      caseId: caseRow.id,
    });
  }
  // A re-review beside the current step must not move the case back to the re-reviewed step.
  const current = steps.findIndex((s) => s.id === caseRow.current_step_id);
  await advance(ctx, caseRow, version, Math.max(current, task.step_index));
  return { id: task.id, status: "done", caseStatus: caseRow.status };
}
