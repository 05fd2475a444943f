/** Pure helpers of the process editor: editing the step list and reading the server's objections. */
import { isApiError } from "../../common/api/errors.ts";
import type { ProcessDef, ProcessProblem, ProcessStep, StepKind } from "../../common/data/processes.ts";

export const STEP_ID = /^[a-z0-9-]+$/;

/** A step id not yet used in the list, derived from the kind: `review`, `review-2`, … */
export function freshStepId(steps: readonly ProcessStep[], kind: StepKind): string {
  const used = new Set(steps.map((s) => s.id));
  if (!used.has(kind)) return kind;
  for (let n = 2; ; n++) if (!used.has(`${kind}-${n}`)) return `${kind}-${n}`;
}

/** A new step of `kind`, acted on by `role` (the server's usual role for the kind). */
export function newStep(steps: readonly ProcessStep[], kind: StepKind, name: string, role: ProcessStep["role"]): ProcessStep {
  return { id: freshStepId(steps, kind), name, kind, departmentId: null, role, workingDays: 1, staffId: null, clockStops: false };
}

/** Moves the step at `index` by `delta` places (−1 up, +1 down); out of range leaves the list as it is. */
export function moveStep<T>(steps: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= steps.length || to < 0 || to >= steps.length) return [...steps];
  const next = [...steps];
  const [moved] = next.splice(index, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/** Inserts a step after `index` (−1: at the start). */
export function insertAfter<T>(steps: readonly T[], index: number, step: T): T[] {
  const next = [...steps];
  next.splice(index + 1, 0, step);
  return next;
}

export function removeAt<T>(steps: readonly T[], index: number): T[] {
  return steps.filter((_, i) => i !== index);
}

/** The body the admin API takes: only the fields it knows, whole working days, no empty staff id. */
export function toBody(def: ProcessDef): ProcessDef {
  return {
    steps: def.steps.map((s) => ({
      id: s.id.trim(),
      name: s.name.trim(),
      kind: s.kind,
      departmentId: s.departmentId || null,
      role: s.role,
      workingDays: Math.max(0, Math.round(Number(s.workingDays) || 0)),
      staffId: s.staffId?.trim() ? s.staffId.trim() : null,
      clockStops: Boolean(s.clockStops),
    })),
    assistingDepartmentIds: [...def.assistingDepartmentIds],
  };
}

export function sameProcess(a: ProcessDef, b: ProcessDef): boolean {
  return JSON.stringify(toBody(a)) === JSON.stringify(toBody(b));
}

/** Problems found before asking the server: what the request schema would refuse outright. */
export function localProblems(def: ProcessDef): ProcessProblem[] {
  const problems: ProcessProblem[] = [];
  if (!def.steps.length) problems.push({ problem: "empty" });
  const seen = new Set<string>();
  for (const s of def.steps) {
    const id = s.id.trim();
    if (!id || id.length > 40 || !STEP_ID.test(id)) problems.push({ stepId: s.id, problem: "bad-step-id" });
    else if (seen.has(id)) problems.push({ stepId: s.id, problem: "duplicate-step-ids" });
    seen.add(id);
    if (!s.name.trim()) problems.push({ stepId: s.id, problem: "name-required" });
    if (!Number.isInteger(s.workingDays) || s.workingDays < 0 || s.workingDays > 120) problems.push({ stepId: s.id, problem: "working-days" });
  }
  return problems;
}

/** The problems a 422 names: PROCESS_INVALID lists them; UNTRAINED_STAFF names one step. */
export function problemsOf(error: unknown): ProcessProblem[] {
  if (!isApiError(error)) return [];
  if (error.code === "PROCESS_INVALID") {
    const list = error.details?.problems;
    if (!Array.isArray(list)) return [{ problem: "invalid" }];
    return list.flatMap((p: unknown) => {
      if (typeof p !== "object" || p === null) return [];
      const r = p as Record<string, unknown>;
      if (typeof r.problem !== "string") return [];
      return [typeof r.stepId === "string" ? { stepId: r.stepId, problem: r.problem } : { problem: r.problem }];
    });
  }
  if (error.code === "UNTRAINED_STAFF") {
    const stepId = error.details?.stepId;
    return [typeof stepId === "string" ? { stepId, problem: "untrained-staff" } : { problem: "untrained-staff" }];
  }
  return [];
}

/** Splits problems into those of a step (by id) and those of the whole process. */
export function groupProblems(problems: readonly ProcessProblem[]): { byStep: Map<string, string[]>; general: string[] } {
  const byStep = new Map<string, string[]>();
  const general: string[] = [];
  for (const p of problems) {
    if (p.stepId) byStep.set(p.stepId, [...(byStep.get(p.stepId) ?? []), p.problem]);
    else general.push(p.problem);
  }
  return { byStep, general };
}

/** Departments other than the lead that must agree to a process (mirrors the server's rule, R10). */
export function involvedDepartments(def: ProcessDef, leadId: string): string[] {
  const named = def.steps.map((s) => s.departmentId).filter((d): d is string => !!d && d !== leadId);
  const coHandle = def.steps.some((s) => s.kind === "co-handle") ? def.assistingDepartmentIds : [];
  return [...new Set([...coHandle, ...named])].filter((d) => d !== leadId);
}

/** Working days the steps count against the promised limit (steps that stop the clock do not). */
export const countedDays = (steps: readonly ProcessStep[]) => steps.filter((s) => !s.clockStops).reduce((n, s) => n + (Number(s.workingDays) || 0), 0);
