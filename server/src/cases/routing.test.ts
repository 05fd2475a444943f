import { describe, expect, it } from "vitest";
import { nextAfter, returnTarget, RoutingError, stepAfterAccept, tasksForStep } from "./routing.ts";
import { sampleSteps as steps, step } from "../catalog/processSteps.fixture.ts";

const ctx = { leadDepartmentId: "lead", assisting: [{ departmentId: "a1", workingDays: 3 }, { departmentId: "a2", workingDays: 5 }] };

describe("task routing", () => {
  it("a step opens one task at the lead department unless it names one", () => {
    expect(tasksForStep(steps, 1, ctx)).toEqual([
      { stepId: "review", stepIndex: 1, kind: "review", name: "review", departmentId: "lead", role: "handler", assigneeId: null, workingDays: 2 },
    ]);
    expect(tasksForStep(steps, 3, ctx)[0]!.departmentId).toBe("city");
  });

  it("co-handle opens one task per assisting department, each with its own limit", () => {
    const tasks = tasksForStep(steps, 2, ctx);
    expect(tasks.map((t) => [t.departmentId, t.workingDays])).toEqual([["a1", 3], ["a2", 5]]);
    expect(() => tasksForStep(steps, 2, { ...ctx, assisting: [] })).toThrow(RoutingError);
  });

  it("a named staff member becomes the assignee", () => {
    const named = [step("accept", "accept"), step("r", "review", { staffId: "u1" })];
    expect(tasksForStep(named, 1, ctx)[0]!.assigneeId).toBe("u1");
  });

  it("the step after acceptance", () => {
    expect(stepAfterAccept(steps)).toBe(1);
    expect(stepAfterAccept([step("accept", "accept")])).toBeNull();
  });

  it("waits while any task is open, then opens the next step, then finishes", () => {
    const done = { stepIndex: 2, round: 1, status: "done" as const, outcome: "pass" as const, departmentId: "a1" };
    const open = { ...done, status: "claimed" as const, outcome: null, departmentId: "a2" };
    expect(nextAfter(steps, 2, [done, open])).toEqual({ type: "wait" });
    expect(nextAfter(steps, 2, [done, { ...open, status: "done", outcome: "fail" }])).toEqual({ type: "open", index: 3 });
    expect(nextAfter(steps, 6, [])).toEqual({ type: "finished" });
  });

  it("returns to the nearest earlier returnable step, or a named one", () => {
    expect(returnTarget(steps, 5)).toBe(4);
    expect(returnTarget(steps, 4)).toBe(1); // skips push and co-handle
    expect(returnTarget(steps, 5, "review")).toBe(1);
    expect(() => returnTarget(steps, 1)).toThrow(RoutingError); // only acceptance before
    expect(() => returnTarget(steps, 5, "accept")).toThrow(RoutingError);
    expect(() => returnTarget(steps, 1, "decide")).toThrow(RoutingError); // not earlier
  });
});
