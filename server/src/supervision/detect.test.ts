import { describe, expect, it } from "vitest";
import { decisionFlags } from "./detect.ts";

const at = (iso: string) => iso;
const days = (map: Record<string, number>) => (iso: string) => map[iso.slice(0, 10)] ?? 0;

describe("off-platform detection at decision time", () => {
  it("a normal case raises nothing", () => {
    const flags = decisionFlags(
      {
        acceptedDay: "2026-11-27",
        deciderId: "d",
        reviewTasks: [
          { name: "承办审查", completedAt: at("2026-11-30T02:00:00Z"), completedBy: "h" },
          { name: "审核", completedAt: at("2026-12-02T06:00:00Z"), completedBy: "r" },
        ],
      },
      days({ "2026-11-30": 1, "2026-12-02": 3 }),
    );
    expect(flags).toEqual([]);
  });

  it("every review step recorded within minutes, days after acceptance: a burst", () => {
    const flags = decisionFlags(
      {
        acceptedDay: "2026-11-27",
        deciderId: "d",
        reviewTasks: [
          { name: "承办审查", completedAt: at("2026-12-07T02:00:00Z"), completedBy: "h" },
          { name: "现场核查", completedAt: at("2026-12-07T02:05:00Z"), completedBy: "h" },
          { name: "审核", completedAt: at("2026-12-07T02:09:00Z"), completedBy: "r" },
        ],
      },
      days({ "2026-12-07": 6 }),
    );
    expect(flags.map((f) => f.kind)).toEqual(["burst-after-acceptance"]);
    expect(flags[0]!.evidence).toMatchObject({ steps: 3, workingDaysAfterAcceptance: 6 });
  });

  it("a burst on the day of acceptance is ordinary fast work", () => {
    const flags = decisionFlags(
      {
        acceptedDay: "2026-11-27",
        deciderId: "d",
        reviewTasks: [
          { name: "a", completedAt: at("2026-11-27T02:00:00Z"), completedBy: "h" },
          { name: "b", completedAt: at("2026-11-27T02:01:00Z"), completedBy: "r" },
        ],
      },
      days({}),
    );
    expect(flags).toEqual([]);
  });

  it("a decision with no review by anyone but the decider", () => {
    expect(decisionFlags({ acceptedDay: "2026-11-27", deciderId: "d", reviewTasks: [] }, days({})).map((f) => f.kind)).toEqual(["decision-without-review"]);
    const own = decisionFlags({ acceptedDay: "2026-11-27", deciderId: "d", reviewTasks: [{ name: "审查", completedAt: at("2026-11-30T02:00:00Z"), completedBy: "d" }] }, days({ "2026-11-30": 1 }));
    expect(own.map((f) => f.kind)).toEqual(["decision-without-review"]);
    expect(own[0]!.evidence).toMatchObject({ reason: "all-by-decider" });
  });
});
