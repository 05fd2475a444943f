import type { ProcessStep } from "../platform/schema.ts";

/** A step of a test process, and a process with one step of each kind (for the routing and validation tests). */
export const step = (id: string, kind: ProcessStep["kind"], extra: Partial<ProcessStep> = {}): ProcessStep => ({
  id, name: id, kind, departmentId: null, role: kind === "accept" || kind === "deliver" ? "clerk" : kind === "decide" ? "decider" : "handler", workingDays: 2, ...extra,
});
export const sampleSteps: ProcessStep[] = [
  step("accept", "accept", { workingDays: 1 }),
  step("review", "review"),
  step("co", "co-handle", { workingDays: 3 }),
  step("push", "push", { departmentId: "city" }),
  step("site", "offline", { clockStops: true }),
  step("decide", "decide"),
  step("deliver", "deliver", { workingDays: 1 }),
];
