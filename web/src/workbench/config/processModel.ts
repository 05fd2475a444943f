/** Pure helpers of the step editor: editing the step list of a guide's process. */
import { type Guide, involvedDepartmentIds, type StepKind } from "../../common/data/catalogAdmin.ts";

/** A step of a guide being edited (as a version stores it). */
export type Step = Guide["process"]["steps"][number];

/** What the live flowchart is drawn from. */
export interface ProcessDef {
  steps: Step[];
  assistingDepartmentIds: string[];
}

/** A problem of a step (by its id) or of the whole process. */
export interface ProcessProblem {
  stepId?: string;
  problem: string;
}

export const STEP_ID = /^[a-z0-9-]+$/;

/** A step id not yet used in the list, derived from the kind: `review`, `review-2`, … */
export function freshStepId(steps: readonly Pick<Step, "id">[], kind: StepKind): string {
  const used = new Set(steps.map((s) => s.id));
  if (!used.has(kind)) return kind;
  for (let n = 2; ; n++) if (!used.has(`${kind}-${n}`)) return `${kind}-${n}`;
}

/** A new step of `kind` in the lead department, acted on by `role` (the server's usual role for the kind). */
export function newStep(steps: readonly Step[], kind: StepKind, name: string, role: Step["role"], leadDepartmentId: string): Step {
  return { id: freshStepId(steps, kind), name, kind, departmentId: kind === "co-handle" ? null : leadDepartmentId, role, workingDays: 1, staffId: null, clockStops: false };
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

/** A step as the API takes it: trimmed, whole working days, no empty staff id. */
export function cleanStep(s: Step): Step {
  return {
    id: s.id.trim(),
    name: s.name.trim(),
    kind: s.kind,
    departmentId: s.kind === "co-handle" ? null : s.departmentId || null,
    role: s.role,
    workingDays: Math.max(0, Math.round(Number(s.workingDays) || 0)),
    staffId: s.staffId?.trim() ? s.staffId.trim() : null,
    clockStops: Boolean(s.clockStops),
  };
}

/** The body the flowchart preview takes. */
export function toBody(def: ProcessDef): ProcessDef {
  return { steps: def.steps.map(cleanStep), assistingDepartmentIds: [...def.assistingDepartmentIds] };
}

/** Problems found before asking the server: what it would refuse outright, and the rules of a process's shape. */
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
    if (s.kind !== "co-handle" && !s.departmentId) problems.push({ stepId: s.id, problem: "step-without-department" });
  }
  return problems;
}

/** Departments other than the lead that must agree to a guide's process (the contract's rule, R10). */
export const involvedDepartments = (def: ProcessDef, leadId: string): string[] => involvedDepartmentIds({ process: { steps: def.steps }, assistingDepartmentIds: def.assistingDepartmentIds }, leadId);

/** Working days the steps count against the promised limit (steps that stop the clock do not). */
export const countedDays = (steps: readonly Step[]) => steps.filter((s) => !s.clockStops).reduce((n, s) => n + (Number(s.workingDays) || 0), 0);
