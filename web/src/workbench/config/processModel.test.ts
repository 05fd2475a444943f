import { describe, expect, it } from "vitest";
import { ApiError } from "../../common/api/errors.ts";
import type { GuideStep } from "@cq/contracts";
import type { ProcessStep } from "../../common/data/processes.ts";
import { countedDays, freshStepId, groupProblems, involvedDepartments, localProblems, moveStep, problemsOf, toBody } from "./processModel.ts";

const step = (id: string, kind: ProcessStep["kind"], extra: Partial<ProcessStep> = {}): ProcessStep => ({ id, name: id, kind, departmentId: null, role: "handler", workingDays: 1, ...extra });

describe("process editor helpers", () => {
  it("moves steps up and down and leaves the ends alone", () => {
    expect(moveStep(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveStep(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveStep(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveStep(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });

  it("makes unused step ids from the kind", () => {
    expect(freshStepId([step("review", "review")], "review")).toBe("review-2");
    expect(freshStepId([step("review", "review"), step("review-2", "review")], "review")).toBe("review-3");
    expect(freshStepId([], "decide")).toBe("decide");
  });

  it("finds what the server would refuse outright", () => {
    const problems = localProblems({ steps: [step("Bad Id", "accept"), step("x", "decide", { name: " " }), step("x", "deliver")], assistingDepartmentIds: [] });
    expect(problems).toEqual([
      { stepId: "Bad Id", problem: "bad-step-id" },
      { stepId: "x", problem: "name-required" },
      { stepId: "x", problem: "duplicate-step-ids" },
    ]);
  });

  it("reads PROCESS_INVALID and UNTRAINED_STAFF", () => {
    const invalid = new ApiError(422, "PROCESS_INVALID", "x", { problems: [{ problem: "exactly-one-decide" }, { stepId: "co", problem: "co-handle-without-assisting-departments" }] });
    const grouped = groupProblems(problemsOf(invalid));
    expect(grouped.general).toEqual(["exactly-one-decide"]);
    expect(grouped.byStep.get("co")).toEqual(["co-handle-without-assisting-departments"]);
    expect(problemsOf(new ApiError(422, "UNTRAINED_STAFF", "x", { stepId: "review", staffId: "u1" }))).toEqual([{ stepId: "review", problem: "untrained-staff" }]);
    expect(problemsOf(new ApiError(409, "DRAFT_STATE_CONFLICT", "x"))).toEqual([]);
  });

  it("names the departments that must agree, and counts working days", () => {
    const def = { steps: [step("a", "accept"), step("c", "co-handle"), step("p", "push", { departmentId: "d2", workingDays: 3, clockStops: true })], assistingDepartmentIds: ["d3", "lead"] };
    expect(involvedDepartments(def, "lead")).toEqual(["d3", "d2"]);
    expect(involvedDepartments({ ...def, steps: def.steps.filter((s) => s.kind !== "co-handle") }, "lead")).toEqual(["d2"]);
    expect(countedDays(def.steps)).toBe(2);
  });

  it("sends only what the API takes", () => {
    expect(toBody({ steps: [step(" a ", "accept", { workingDays: 1.6, staffId: " " })], assistingDepartmentIds: [] }).steps[0]).toEqual({
      id: "a", name: "a", kind: "accept", departmentId: null, role: "handler", workingDays: 2, staffId: null, clockStops: false,
    });
  });
});

describe("proposal against the published process", () => {
  it("marks added, changed and removed steps", async () => {
    const { diffSteps } = await import("./processDiff.ts");
    const current = [
      { id: "accept", name: "受理", kind: "accept", department: { id: "lead", name: "L" }, role: "clerk", workingDays: 1 },
      { id: "review", name: "审查", kind: "review", department: { id: "lead", name: "L" }, role: "handler", workingDays: 2 },
      { id: "site", name: "踏勘", kind: "offline", department: null, role: "handler", workingDays: 1 },
    ] satisfies GuideStep[];
    const proposed = [step("accept", "accept", { name: "受理", role: "clerk" }), step("review", "review", { name: "审查", workingDays: 1 }), step("decide", "decide")];
    const { changes, removed } = diffSteps(proposed, current, "lead");
    expect([...changes]).toEqual([["accept", "same"], ["review", "changed"], ["decide", "added"]]);
    expect(removed.map((r) => r.id)).toEqual(["site"]);
  });
});
