import { caseStatuses, type CaseStatus } from "@cq/contracts";
import { describe, expect, it } from "vitest";
import { AppError } from "../platform/errors.ts";
import { allTransitions, canTransition, isEditable, nextStatus, transition } from "./workflow.ts";

// The legal moves, written out once more by hand: anything else must be refused.
const legal: [CaseStatus, string, CaseStatus][] = [
  ["draft", "submit", "submitted"],
  ["draft", "withdraw", "withdrawn"],
  ["submitted", "request-supplement", "supplement_requested"],
  ["submitted", "accept", "accepted"],
  ["submitted", "not-accept", "not_accepted"],
  ["submitted", "withdraw", "withdrawn"],
  ["supplement_requested", "resubmit", "submitted"],
  ["accepted", "start", "in_progress"],
  ["in_progress", "suspend", "suspended"],
  ["in_progress", "decide", "decided"],
  ["suspended", "resume", "in_progress"],
  ["decided", "close", "closed"],
];

describe("case state machine", () => {
  it.each(legal)("%s --%s--> %s", (from, t, to) => {
    expect(transition(from, t as never)).toBe(to);
  });

  it("refuses every other transition with a 409", () => {
    let refused = 0;
    for (const from of caseStatuses) {
      for (const t of allTransitions) {
        const expected = legal.find(([f, tt]) => f === from && tt === t)?.[2] ?? null;
        expect(nextStatus(from, t)).toBe(expected);
        expect(canTransition(from, t)).toBe(expected !== null);
        if (expected === null) {
          refused++;
          try {
            transition(from, t);
            expect.unreachable();
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
            expect((e as AppError).status).toBe(409);
            expect((e as AppError).code).toBe("CASE_STATE_CONFLICT");
          }
        }
      }
    }
    expect(refused).toBe(caseStatuses.length * allTransitions.length - legal.length);
  });

  it("final states allow nothing", () => {
    for (const s of ["not_accepted", "closed", "withdrawn"] as const) {
      expect(allTransitions.filter((t) => canTransition(s, t))).toEqual([]);
    }
  });

  it("only drafts and supplement rounds are editable", () => {
    expect(caseStatuses.filter(isEditable)).toEqual(["draft", "supplement_requested"]);
  });
});
