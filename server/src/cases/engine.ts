import type { Ctx } from "../audit/command.ts";
import { newId } from "../platform/ids.ts";
import type { CaseRow, ItemVersionRow, ProcessStep } from "../platform/schema.ts";
import { type RoutingContext, type TaskSpec, nextAfter, tasksForStep } from "./routing.ts";
import { updateCase } from "./repository.ts";
import { insertTasks, tasksOfCase } from "./taskRepository.ts";
import { recordTimeline } from "../caseRecord/timeline.ts";
import { refreshCaseClock } from "../clock/caseClock.ts";
import { findItemName } from "../catalog/repository.ts";
import { findUserById } from "../identity/repository.ts";
import { notifyDepartment } from "../platform/notify.ts";
import { tellApplicant } from "../platform/applicantNotices.ts";
import { shanghaiDay } from "../platform/clock.ts";
import { art45Kind, suspensionKindNames, suspensionKindNamesEn } from "../clock/suspensions.ts";
import { endSuspensionRow, insertSuspension, runningAutoSuspension } from "../clock/suspensionRepository.ts";
import { actorId } from "../platform/actor.ts";
import { personalDataOf } from "../platform/personalData.ts";

/** The engine moves a case through its item version's process; routing decisions come from routing.ts. */

export const stepsOf = (v: ItemVersionRow): ProcessStep[] => (v.process as unknown as { steps: ProcessStep[] }).steps;

export function routingContext(c: CaseRow, v: ItemVersionRow): RoutingContext {
  const days = (v.assisting_days ?? {}) as Record<string, number>;
  const coHandle = stepsOf(v).find((s) => s.kind === "co-handle");
  return {
    leadDepartmentId: c.lead_department_id,
    assisting: v.assisting_department_ids.map((d) => ({ departmentId: d, workingDays: days[d] ?? coHandle?.workingDays ?? 5 })),
  };
}

/** Opens the tasks of step `index` (or only those for `onlyDepartments`), makes it the case's current step and tells each department. */
export async function openStep(ctx: Ctx, c: CaseRow, v: ItemVersionRow, index: number, onlyDepartments?: string[]): Promise<TaskSpec[]> {
  await updateCase(ctx.trx, c.id, { current_step_id: stepsOf(v)[index]!.id, updated_at: ctx.now });
  const specs = await openStepTasks(ctx, c, v, index, onlyDepartments);
  await refreshCaseClock(ctx, c.id);
  return specs;
}

/**
 * The tasks, clock stop, timeline and messages of opening a step, for a caller that writes the
 * case row (current step) and refreshes its clock itself, once, with its own changes.
 */
export async function openStepTasks(ctx: Ctx, c: CaseRow, v: ItemVersionRow, index: number, onlyDepartments?: string[]): Promise<TaskSpec[]> {
  const steps = stepsOf(v);
  let specs = tasksForStep(steps, index, routingContext(c, v));
  if (onlyDepartments) specs = specs.filter((s) => onlyDepartments.includes(s.departmentId));
  const clockStops = !!steps[index]!.clockStops;
  const ids = specs.map(() => newId());
  await insertTasks(
    ctx.trx,
    specs.map((s, i) => ({
      clock_stopped: clockStops,
      id: ids[i]!,
      case_id: c.id,
      step_id: s.stepId,
      step_index: s.stepIndex,
      kind: s.kind,
      name: s.name,
      department_id: s.departmentId,
      role: s.role,
      assignee_id: s.assigneeId,
      status: "open",
      outcome: null,
      opinion: null,
      attachments: "[]",
      record: null,
      working_days: s.workingDays,
      round: c.round,
      opened_at: ctx.now,
      claimed_at: null,
      claimed_by: null,
      completed_at: null,
      completed_by: null,
      due_date: null,
      yellow_from: null,
      light: null,
    })),
  );
  // Every workflow task opens here: its department's systems hear of it (with its due date, once the caller refreshed the clock).
  for (const id of ids) ctx.event({ type: "task.opened", caseId: c.id, taskId: id });
  if (steps[index]!.clockStops) await stopClockForStep(ctx, c, steps[index]!);
  for (const s of specs) {
    await recordTimeline(ctx, c.id, "step-opened", { public: true, departmentId: s.departmentId, data: { step: s.name, kind: s.kind } });
    await notifyDepartment(ctx, s.departmentId, s.role, {
      title: `新的待办：${s.name}`,
      text: `办件${c.supervision_code ?? ""}进入“${s.name}”环节，请在${s.workingDays}个工作日内办理。`,
      caseId: c.id,
    });
  }
  return specs;
}

/** After a task of step `index` is done: open the next step when nothing else is pending. */
export async function advance(ctx: Ctx, c: CaseRow, v: ItemVersionRow, index: number): Promise<"wait" | "opened" | "finished"> {
  const tasks = await tasksOfCase(ctx.trx, c.id);
  const next = nextAfter(
    stepsOf(v),
    index,
    tasks.map((t) => ({ stepIndex: t.step_index, round: t.round, status: t.status, outcome: t.outcome, departmentId: t.department_id })),
  );
  if (next.type === "wait") return "wait";
  if (next.type === "finished") return "finished";
  await openStep(ctx, c, v, next.index);
  await tellOfStep(ctx, c, stepsOf(v)[index]!, stepsOf(v)[next.index]!);
  return "opened";
}

/**
 * The applicant follows each public step: a step done and the next one opened. Not when the next
 * stops the clock (the suspension notice tells it) or hands the result over (the decision's does).
 */
async function tellOfStep(ctx: Ctx, c: CaseRow, done: ProcessStep, next: ProcessStep): Promise<void> {
  if (next.clockStops || next.kind === "deliver") return;
  const applicant = await findUserById(ctx.trx, personalDataOf(ctx.deps.config), c.applicant_id);
  const item = await findItemName(ctx.trx, c.item_id);
  await tellApplicant(ctx, applicant, "case.step-done", { item: item.name, code: c.supervision_code ?? "", done: done.name, next: next.name }, c.id);
}

/** A done task row for the acceptance step, so the task list tells the whole story. */
export async function recordAcceptTask(ctx: Ctx, c: CaseRow, v: ItemVersionRow): Promise<void> {
  const steps = stepsOf(v);
  const index = steps.findIndex((s) => s.kind === "accept");
  if (index < 0) return;
  const s = steps[index]!;
  const userId = actorId(ctx.actor);
  await insertTasks(ctx.trx, [
    {
      id: newId(), case_id: c.id, step_id: s.id, step_index: index, kind: "accept", name: s.name, department_id: c.lead_department_id,
      role: s.role, assignee_id: null, status: "done", outcome: "pass", opinion: null, attachments: "[]", record: null,
      working_days: s.workingDays, round: c.round, opened_at: c.received_at ?? ctx.now, claimed_at: ctx.now, claimed_by: userId,
      completed_at: ctx.now, completed_by: userId, due_date: null, yellow_from: null, light: null,
    },
  ]);
}

/**
 * A step whose time the law does not count (inspection, testing, expert review…, Art. 45): the
 * clock stops while its task is open and the applicant is told how long it is expected to take.
 */
async function stopClockForStep(ctx: Ctx, c: CaseRow, step: ProcessStep): Promise<void> {
  const tasks = await tasksOfCase(ctx.trx, c.id);
  const task = tasks.filter((t) => t.step_id === step.id && (t.status === "open" || t.status === "claimed")).at(-1);
  await insertSuspension(ctx.trx, {
    id: newId(), case_id: c.id, kind: art45Kind(step), reason: step.name, expected_working_days: step.workingDays, automatic: true,
    task_id: task?.id ?? null, start_day: shanghaiDay(ctx.now), started_at: ctx.now, started_by: null, end_day: null, ended_at: null, ended_by: null, document_id: null,
  });
  const applicant = await findUserById(ctx.trx, personalDataOf(ctx.deps.config), c.applicant_id);
  const kind = art45Kind(step);
  const item = await findItemName(ctx.trx, c.item_id);
  await tellApplicant(ctx, applicant, "case.suspended", {
    item: item.name, code: c.supervision_code ?? "", kind: { zh: suspensionKindNames[kind], en: suspensionKindNamesEn[kind] }, reason: step.name,
    length: { zh: `${step.workingDays}个工作日`, en: `${step.workingDays} working day(s)` },
  }, c.id);
  await recordTimeline(ctx, c.id, "suspended", { public: true, departmentId: c.lead_department_id, data: { kind: art45Kind(step), reason: step.name, expectedWorkingDays: step.workingDays, automatic: true } });
  ctx.event({ type: "case.suspended", caseId: c.id, data: { suspension: { kind: art45Kind(step), step: step.name, expectedWorkingDays: step.workingDays, automatic: true, taskId: task?.id ?? null } } });
}

/** Restarts the clock when the task of a clock-stopping step is done. */
export async function resumeClockForTask(ctx: Ctx, c: CaseRow, taskId: string): Promise<void> {
  const s = await runningAutoSuspension(ctx.trx, taskId);
  if (!s) return;
  await endSuspensionRow(ctx.trx, s.id, { endDay: shanghaiDay(ctx.now), at: ctx.now, by: null });
  await recordTimeline(ctx, c.id, "resumed", { public: true, departmentId: c.lead_department_id, data: { kind: s.kind, automatic: true } });
  ctx.event({ type: "case.resumed", caseId: c.id, data: { suspension: { id: s.id, kind: s.kind, automatic: true, taskId } } });
}
