import { describe, expect, it } from "vitest";
import { byUrgency, dimensionsState, evaluationFigures, evaluationRequest, levels, needsComment, replyTiming, sumSatisfaction, wholePercent } from "./model.ts";
import type { Complaint } from "@cq/contracts";

describe("evaluations", () => {
  it("offers the five levels best first", () => {
    expect(levels).toEqual([5, 4, 3, 2, 1]);
  });

  it("asks a reason for 不满意 and 非常不满意 only", () => {
    expect([5, 4, 3, 2, 1].map(needsComment)).toEqual([false, false, false, true, true]);
    expect(needsComment(undefined)).toBe(false);
  });

  it("takes the detailed ratings all three or none", () => {
    expect(dimensionsState({})).toBe("none");
    expect(dimensionsState({ efficiency: 4 })).toBe("some");
    expect(dimensionsState({ efficiency: 4, attitude: 5, quality: 3 })).toBe("all");
  });

  it("builds the request: dimensions only when complete, the comment trimmed and left out when empty", () => {
    expect(evaluationRequest({ level: 5, efficiency: 5, comment: "  " })).toEqual({ level: 5 });
    expect(evaluationRequest({ level: 2, efficiency: 2, attitude: 3, quality: 1, comment: " 等了很久 " })).toEqual({
      level: 2,
      dimensions: { efficiency: 2, attitude: 3, quality: 1 },
      comment: "等了很久",
    });
  });
});

describe("complaints", () => {
  const c = (id: string, f: Partial<Complaint>): Complaint => ({
    id,
    kind: "complaint",
    subject: id,
    text: "…",
    department: { id: "d", name: "D" },
    applicant: { name: "A" },
    createdAt: "2026-03-01T02:00:00.000Z",
    replyDueDate: "2026-03-10",
    status: "open",
    overdue: false,
    canReply: false,
    ...f,
  });

  it("tags the reply date like a light", () => {
    expect(replyTiming({ status: "open", overdue: false })).toBe("on-time");
    expect(replyTiming({ status: "open", overdue: true })).toBe("overdue");
    expect(replyTiming({ status: "replied", overdue: false })).toBe("replied-on-time");
    expect(replyTiming({ status: "replied", overdue: true })).toBe("replied-late");
  });

  it("puts the overdue first, then the nearest reply date", () => {
    const list = [c("later", { replyDueDate: "2026-03-12" }), c("late", { overdue: true, replyDueDate: "2026-03-02" }), c("sooner", { replyDueDate: "2026-03-09" })];
    expect([...list].sort(byUrgency).map((x) => x.id)).toEqual(["late", "sooner", "later"]);
  });
});

describe("satisfaction", () => {
  it("reads what the server sends, old shapes included", () => {
    expect(evaluationFigures({ count: 14, averageLevel: 4.3, satisfactionRate: 0.857, dissatisfied: 1 })).toEqual({ count: 14, averageLevel: 4.3, satisfactionRate: 0.857, dissatisfied: 1 });
    expect(evaluationFigures({ count: 0, averageLevel: null, satisfactionRate: null, dissatisfied: 0 }).satisfactionRate).toBeNull();
    expect(evaluationFigures(null)).toEqual({ count: 0, averageLevel: null, satisfactionRate: null, dissatisfied: 0 });
    expect(evaluationFigures(3).count).toBe(3);
  });

  it("weights the rate by the number of evaluations", () => {
    const total = sumSatisfaction([
      { evaluationCount: 10, satisfactionRate: 0.9 },
      { evaluationCount: 30, satisfactionRate: 0.5 },
      { evaluationCount: 0, satisfactionRate: null },
    ]);
    expect(total.evaluationCount).toBe(40);
    expect(total.satisfactionRate).toBeCloseTo(0.6);
    expect(sumSatisfaction([{ evaluationCount: 0, satisfactionRate: null }]).satisfactionRate).toBeNull();
  });

  it("shows a whole percentage", () => {
    expect(wholePercent(0.857)).toBe("86%");
    expect(wholePercent(1)).toBe("100%");
    expect(wholePercent(null)).toBeNull();
  });
});
