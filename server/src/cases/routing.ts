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
