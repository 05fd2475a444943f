import { describe, expect, it } from "vitest";
import { sampleSteps as steps, step } from "./processSteps.fixture.ts";
import { validateProcess } from "./processValidation.ts";

describe("process validation", () => {
  it("accepts a sound process", () => {
    expect(validateProcess(steps, { promisedDays: 20, assistingCount: 2 })).toEqual([]);
  });
  it("names each problem", () => {
    const bad = [step("r", "review", { workingDays: 30 }), step("co", "co-handle"), step("d", "deliver"), step("x", "decide"), step("r", "review")];
    const problems = validateProcess(bad, { promisedDays: 10, assistingCount: 0 }).map((p) => p.problem);
    expect(problems).toEqual(
      expect.arrayContaining([
        "first-step-must-be-accept", "exactly-one-accept", "deliver-before-decide", "only-deliver-after-decide",
        "co-handle-without-assisting-departments", "duplicate-step-ids", "steps-exceed-promised-days",
      ]),
    );
  });
  it("does not count Art. 45 steps against the promised limit", () => {
    expect(validateProcess(steps, { promisedDays: 11, assistingCount: 2 })).toEqual([]);
    expect(validateProcess(steps, { promisedDays: 10, assistingCount: 2 }).map((p) => p.problem)).toEqual(["steps-exceed-promised-days"]);
  });
});
