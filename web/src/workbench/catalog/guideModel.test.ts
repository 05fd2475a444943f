import { describe, expect, it } from "vitest";
import { blankGuide, countBySection, diffList, indexOfPath, localGuideProblems, sectionOfPath, toGuideInput } from "./guideModel.ts";

const names = { accept: "受理", review: "审查", decide: "决定", deliver: "送达" };

describe("guide editor helpers", () => {
  it("puts each problem path in its section", () => {
    expect(sectionOfPath("process.steps[1].departmentId")).toBe("process");
    expect(sectionOfPath("materials[0].blankFormFile")).toBe("materials");
    expect(sectionOfPath("promisedDays")).toBe("limits");
    expect(sectionOfPath("ccDepartmentIds[0]")).toBe("cc");
    expect(sectionOfPath("assistingDays.d1")).toBe("process");
    expect(sectionOfPath("something-else")).toBe("basics");
    expect(indexOfPath("process.steps[12].name")).toBe(12);
    expect(countBySection([{ path: "fees", problem: "required" }, { path: "promisedDays", problem: "x" }]).get("limits")).toBe(2);
  });

  it("finds what the server would refuse in a blank guide, and nothing once it is filled in", () => {
    const g = blankGuide("d1", names, () => "handler");
    const problems = localGuideProblems({ ...g, promisedDays: 30, statutoryDays: 20 });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "legalBasis", problem: "required" },
        { path: "promisedDays", problem: "promised-above-statutory" },
        { path: "materials", problem: "no-material" },
      ]),
    );
    const filled = {
      ...g, legalBasis: "《行政许可法》", conditions: "条件", fees: "不收费", result: "许可证", responsibilities: "审查", accountability: "追责",
      consultationPhone: "023-1", complaintPhone: "023-2",
      materials: [{ key: "m1", name: "申请书", required: true, description: null, hasForm: false, blankFormFile: null, sampleFile: null, certificateType: null }],
    };
    expect(localGuideProblems(filled)).toEqual([]);
    const noDept = { ...filled, process: { steps: filled.process.steps.map((s, i) => (i === 1 ? { ...s, departmentId: null } : s)) } };
    expect(localGuideProblems(noDept)).toEqual([{ path: "process.steps[1].departmentId", problem: "step-without-department" }]);
  });

  it("drops assisting data of departments that no longer assist", () => {
    const g = { ...blankGuide("d1", names, () => "handler"), assistingDepartmentIds: ["d2"], assistingDays: { d2: 3, d3: 4 }, resultDepartmentIds: ["d2", "d3"] };
    const input = toGuideInput(g);
    expect(input.assistingDays).toEqual({ d2: 3 });
    expect(input.resultDepartmentIds).toEqual(["d2"]);
  });

  it("compares lists by key", () => {
    const rows = diffList([{ k: "a", v: 1 }, { k: "b", v: 2 }], [{ k: "b", v: 3 }, { k: "c", v: 1 }], (x) => x.k);
    expect(rows.map((r) => [r.key, r.change])).toEqual([["b", "changed"], ["c", "added"], ["a", "removed"]]);
  });
});
