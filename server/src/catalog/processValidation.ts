import type { ProcessStep } from "../platform/schema.ts";

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
