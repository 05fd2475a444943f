import type { ProcessStep, TaskOutcome, TaskStatus } from "../platform/schema.ts";

/**
 * Task routing: which tasks a step opens and where the case goes when they are done. Pure functions
 * over the process definition and the case's tasks; the commands persist what they decide.
 */

export interface RoutingContext {
  leadDepartmentId: string;
  /** Assisting departments of the item version with their own limits (R29). */
  assisting: { departmentId: string; workingDays: number }[];
}

export interface TaskSpec {
  stepId: string;
  stepIndex: number;
  kind: ProcessStep["kind"];
  name: string;
  departmentId: string;
  role: string;
  assigneeId: string | null;
  workingDays: number;
}

export interface TaskState {
  stepIndex: number;
  round: number;
  status: TaskStatus;
  outcome: TaskOutcome | null;
  departmentId: string;
}

export class RoutingError extends Error {}

/** The tasks a step opens: one per assisting department for co-handle, else one for the step's department. */
export function tasksForStep(steps: ProcessStep[], index: number, ctx: RoutingContext): TaskSpec[] {
  const step = steps[index];
  if (!step) throw new RoutingError(`no step ${index}`);
  const base = { stepId: step.id, stepIndex: index, kind: step.kind, name: step.name, role: step.role };
  if (step.kind === "co-handle") {
    if (!ctx.assisting.length) throw new RoutingError("co-handle step without assisting departments");
    return ctx.assisting.map((a) => ({ ...base, departmentId: a.departmentId, assigneeId: null, workingDays: a.workingDays }));
  }
  if (step.kind === "push" && !step.departmentId) throw new RoutingError("push step without a counterpart department");
  return [{ ...base, departmentId: step.departmentId ?? ctx.leadDepartmentId, assigneeId: step.staffId ?? null, workingDays: step.workingDays }];
}

/** The step that follows acceptance, or null when the process is acceptance only. */
export function stepAfterAccept(steps: ProcessStep[]): number | null {
  const accept = steps.findIndex((s) => s.kind === "accept");
  const next = accept + 1;
  return next < steps.length ? next : null;
}

export type Next = { type: "wait" } | { type: "open"; index: number } | { type: "finished" };

/**
 * After a task of step `index` is done: wait while any task of the case is still open (parallel
 * co-handle tasks, re-reviews after a supplement), else open the following step.
 */
export function nextAfter(steps: ProcessStep[], index: number, tasks: TaskState[]): Next {
  if (tasks.some((t) => t.status === "open" || t.status === "claimed")) return { type: "wait" };
  const next = index + 1;
  return next < steps.length ? { type: "open", index: next } : { type: "finished" };
}

/**
 * Where a `return` goes: the named earlier step, or the nearest earlier step of the lead
 * department that is not acceptance (acceptance cannot be undone by a return).
 */
export function returnTarget(steps: ProcessStep[], index: number, toStepId?: string): number {
  if (toStepId) {
    const target = steps.findIndex((s) => s.id === toStepId);
    if (target < 0 || target >= index) throw new RoutingError("a return goes to an earlier step");
    if (!returnable(steps[target]!)) throw new RoutingError("cannot return to this step");
    return target;
  }
  for (let i = index - 1; i >= 0; i--) if (returnable(steps[i]!)) return i;
  throw new RoutingError("no earlier step to return to");
}

const returnable = (s: ProcessStep) => s.kind !== "accept" && s.kind !== "co-handle" && s.kind !== "push" && s.kind !== "deliver";

/** Steps whose tasks are completed by their own command, not by POST /api/tasks/:id/complete. */
export const completedByOwnCommand = (kind: ProcessStep["kind"]): boolean => kind === "decide" || kind === "deliver" || kind === "accept";

/** Roles whose holders must be recorded as trained (R17). */
export const approvingRoles: readonly string[] = ["handler", "reviewer", "decider", "department-head"];

export interface ProcessProblem {
  stepId?: string;
  problem: string;
}

/** Structural checks of a process definition; the empty list means it may be published. */
export function validateProcess(steps: ProcessStep[], opts: { promisedDays: number; assistingCount: number }): ProcessProblem[] {
  const problems: ProcessProblem[] = [];
  if (!steps.length) return [{ problem: "empty" }];
  if (steps[0]!.kind !== "accept") problems.push({ stepId: steps[0]!.id, problem: "first-step-must-be-accept" });
  if (steps.filter((s) => s.kind === "accept").length !== 1) problems.push({ problem: "exactly-one-accept" });
  const decides = steps.filter((s) => s.kind === "decide");
  if (decides.length !== 1) problems.push({ problem: "exactly-one-decide" });
  const decideAt = steps.findIndex((s) => s.kind === "decide");
  steps.forEach((s, i) => {
    if (s.kind === "deliver" && i < decideAt) problems.push({ stepId: s.id, problem: "deliver-before-decide" });
    if (s.kind !== "deliver" && s.kind !== "accept" && decideAt >= 0 && i > decideAt) problems.push({ stepId: s.id, problem: "only-deliver-after-decide" });
    if (s.kind === "co-handle" && opts.assistingCount === 0) problems.push({ stepId: s.id, problem: "co-handle-without-assisting-departments" });
    if (s.kind === "push" && !s.departmentId) problems.push({ stepId: s.id, problem: "push-without-department" });
    if (!Number.isInteger(s.workingDays) || s.workingDays < 0) problems.push({ stepId: s.id, problem: "working-days" });
  });
  if (new Set(steps.map((s) => s.id)).size !== steps.length) problems.push({ problem: "duplicate-step-ids" });
  const counted = steps.filter((s) => !s.clockStops).reduce((n, s) => n + s.workingDays, 0);
  if (counted > opts.promisedDays) problems.push({ problem: "steps-exceed-promised-days" });
  return problems;
}
