import type { CaseStatus } from "@cq/contracts";
import { AppError } from "../platform/errors.ts";

/** What can happen to a case; each command names exactly one of these. */
export type CaseTransition =
  | "submit"
  | "request-supplement"
  | "resubmit"
  | "accept"
  | "not-accept"
  | "start"
  | "suspend"
  | "resume"
  | "decide"
  | "close"
  | "withdraw";

// The life of a case (API.md "Cases"). Anything not listed is refused.
const table: Record<CaseStatus, Partial<Record<CaseTransition, CaseStatus>>> = {
  draft: { submit: "submitted", withdraw: "withdrawn" },
  submitted: { "request-supplement": "supplement_requested", accept: "accepted", "not-accept": "not_accepted", withdraw: "withdrawn" },
  supplement_requested: { resubmit: "submitted" },
  accepted: { start: "in_progress" },
  in_progress: { suspend: "suspended", decide: "decided" },
  suspended: { resume: "in_progress" },
  decided: { close: "closed" },
  not_accepted: {},
  closed: {},
  withdrawn: {},
};

export function nextStatus(from: CaseStatus, transition: CaseTransition): CaseStatus | null {
  return table[from][transition] ?? null;
}

export function canTransition(from: CaseStatus, transition: CaseTransition): boolean {
  return nextStatus(from, transition) !== null;
}

/** The next status, or a 409 naming the state that refused it. */
export function transition(from: CaseStatus, t: CaseTransition): CaseStatus {
  const to = nextStatus(from, t);
  if (!to) throw new AppError("CASE_STATE_CONFLICT", { status: from, transition: t });
  return to;
}

/** Statuses in which the application's form and materials may still change. */
export const editableStatuses: readonly CaseStatus[] = ["draft", "supplement_requested"];
export const isEditable = (s: CaseStatus): boolean => editableStatuses.includes(s);

export const allTransitions: readonly CaseTransition[] = [
  "submit", "request-supplement", "resubmit", "accept", "not-accept", "start", "suspend", "resume", "decide", "close", "withdraw",
];

/** States in which the lead department can still extend the limit or explain a delay (R35, R36). */
const clockRunningStates = ["accepted", "in_progress", "suspended"];
const explainableStates = [...clockRunningStates, "supplement_requested", "decided"];
export const isExplainable = (status: string): boolean => explainableStates.includes(status);
export const isExtendable = (status: string): boolean => clockRunningStates.includes(status);

/** The applicant may choose how to receive the result until the decision, and choose once after it if they had not. */
const choiceChangeableStates: readonly CaseStatus[] = ["draft", "submitted", "supplement_requested", "accepted", "in_progress", "suspended"];
export const isDeliveryChoiceOpen = (status: CaseStatus, chosen: boolean): boolean =>
  choiceChangeableStates.includes(status) || (status === "decided" && !chosen);
