import type { CaseStatus, NextAction } from "@cq/contracts";

/**
 * What the applicant is expected to do now, as a code the web app words: the one rule behind the
 * case page (`expectedOfApplicant`) and the list of my cases (`nextAction`).
 */
export function nextActionOf(status: CaseStatus, evaluated: boolean): NextAction | null {
  switch (status) {
    case "draft":
      return "complete-and-submit";
    case "submitted":
      return "wait-for-acceptance";
    case "supplement_requested":
      return "supplement";
    case "accepted":
    case "in_progress":
    case "suspended":
      return "wait-for-decision";
    case "decided":
      return "collect-result";
    case "closed":
      return evaluated ? null : "evaluate";
    default:
      return null;
  }
}
