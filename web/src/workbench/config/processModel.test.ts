import { describe, expect, it } from "vitest";
import { countedDays, freshStepId, involvedDepartments, localProblems, moveStep, newStep, toBody, type Step } from "./processModel.ts";

const step = (id: string, kind: Step["kind"], extra: Partial<Step> = {}): Step => ({
  id, name: id, kind, departmentId: kind === "co-handle" ? null : "lead", role: "handler", workingDays: 1, staffId: null, clockStops: false, ...extra,
});

describe("step editor helpers", () => {
  it("moves steps up and down and leaves the ends alone", () => {
    expect(moveStep(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveStep(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveStep(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveStep(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });

  it("makes unused step ids from the kind, new steps in the lead department", () => {
    expect(freshStepId([step("review", "review")], "review")).toBe("review-2");
    expect(freshStepId([step("review", "review"), step("review-2", "review")], "review")).toBe("review-3");
    expect(freshStepId([], "decide")).toBe("decide");
    expect(newStep([], "review", "审查", "handler", "d1").departmentId).toBe("d1");
    expect(newStep([], "co-handle", "协办", "handler", "d1").departmentId).toBeNull();
  });

  it("finds what the server would refuse outright, and a step without a department", () => {
    const problems = localProblems({
      steps: [step("Bad Id", "accept"), step("x", "decide", { name: " " }), step("x", "deliver", { departmentId: null }), step("co", "co-handle")],
      assistingDepartmentIds: [],
    });
    expect(problems).toEqual([
      { stepId: "Bad Id", problem: "bad-step-id" },
      { stepId: "x", problem: "name-required" },
      { stepId: "x", problem: "duplicate-step-ids" },
      { stepId: "x", problem: "step-without-department" },
    ]);
  });

  it("names the departments that must agree, and counts working days", () => {
    const def = { steps: [step("a", "accept"), step("c", "co-handle"), step("p", "push", { departmentId: "d2", workingDays: 3, clockStops: true })], assistingDepartmentIds: ["d3", "lead"] };
    expect(involvedDepartments(def, "lead")).toEqual(["d3", "d2"]);
    expect(involvedDepartments({ ...def, steps: def.steps.filter((s) => s.kind !== "co-handle") }, "lead")).toEqual(["d2"]);
    expect(countedDays(def.steps)).toBe(2);
  });

  it("sends only what the API takes", () => {
    expect(toBody({ steps: [step(" a ", "accept", { workingDays: 1.6, staffId: " " })], assistingDepartmentIds: [] }).steps[0]).toEqual({
      id: "a", name: "a", kind: "accept", departmentId: "lead", role: "handler", workingDays: 2, staffId: null, clockStops: false,
    });
  });
});
