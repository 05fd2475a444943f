import { describe, expect, it } from "vitest";
import { evidenceLines } from "./flagEvidence.ts";

const time = (iso: string) => `T(${iso})`;

describe("off-platform flag evidence", () => {
  it("explains a burst of steps long after acceptance", () => {
    const out = evidenceLines("burst-after-acceptance", { steps: 3, firstRecordedAt: "a", lastRecordedAt: "b", workingDaysAfterAcceptance: 4 }, time);
    expect(out.lines).toEqual([{ key: "sv.flags.ev.burst", values: { steps: "3", first: "T(a)", last: "T(b)", days: "4" } }]);
    expect(out.rest).toEqual([]);
  });

  it("reads evidence sent as a JSON string", () => {
    const out = evidenceLines("deemed-acceptance", JSON.stringify({ receivedOn: "2026-11-02", lastDayToAnswer: "2026-11-09" }), time);
    expect(out.lines[0]).toEqual({ key: "sv.flags.ev.deemed", values: { received: "2026-11-02", last: "2026-11-09" } });
  });

  it("tells a missing review step from reviews done by the decider", () => {
    expect(evidenceLines("decision-without-review", { reviewSteps: 0, reason: "no-review-step" }, time).lines[0]?.key).toBe("sv.flags.ev.noReviewStep");
    expect(evidenceLines("decision-without-review", { reviewSteps: 2, reason: "all-by-decider" }, time).lines[0]?.key).toBe("sv.flags.ev.allByDecider");
  });

  it("lists what it does not know as key and value", () => {
    const out = evidenceLines("something-new", { a: 1, b: { c: 2 } }, time);
    expect(out.lines).toEqual([]);
    expect(out.rest).toEqual([["a", "1"], ["b", '{"c":2}']]);
  });
});
