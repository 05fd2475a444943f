import { caseStatuses } from "@cq/contracts";
import { describe, expect, it } from "vitest";
import { nextActionOf } from "./nextAction.ts";

describe("nextActionOf", () => {
  it("asks the applicant to act only where the applicant can", () => {
    expect(nextActionOf("draft", false)).toBe("complete-and-submit");
    expect(nextActionOf("supplement_requested", false)).toBe("supplement");
    expect(nextActionOf("decided", false)).toBe("collect-result");
  });

  it("says to wait while the department holds the case, suspended included", () => {
    for (const s of ["accepted", "in_progress", "suspended"] as const) expect(nextActionOf(s, false)).toBe("wait-for-decision");
    expect(nextActionOf("submitted", false)).toBe("wait-for-acceptance");
  });

  it("asks for an evaluation of a closed case once", () => {
    expect(nextActionOf("closed", false)).toBe("evaluate");
    expect(nextActionOf("closed", true)).toBeNull();
  });

  it("has nothing to ask of a case that ended without a decision", () => {
    for (const s of caseStatuses.filter((x) => x === "not_accepted" || x === "withdrawn")) expect(nextActionOf(s, false)).toBeNull();
  });
});
