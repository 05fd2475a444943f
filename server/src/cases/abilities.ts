import type { Actor } from "../platform/actor.ts";
import type { CaseRow } from "../platform/schema.ts";
import { allowCase, allowEvaluate, allowIssueFor, type CaseResource } from "../policy/index.ts";
import { canTransition, isDeliveryChoiceOpen, isEditable, isExplainable, isExtendable } from "./workflow.ts";

/** What the caller may do with the case now: policy and state together. The web app shows only these. */
export function abilitiesOf(
  actor: Actor,
  c: CaseRow,
  r: CaseResource,
  extra: { decideTaskOpen: boolean; deliverable: boolean; noticeThisRound: boolean; hasDeadline?: boolean; pendingResultDepartmentIds?: string[]; evaluated?: boolean; deliveryChosen?: boolean },
) {
  const canEdit = allowCase(actor, "edit", r) && isEditable(c.status);
  return {
    editForm: canEdit,
    uploadMaterial: canEdit,
    submit: allowCase(actor, "edit", r) && canTransition(c.status, "submit"),
    supplement: allowCase(actor, "edit", r) && c.status === "supplement_requested",
    withdraw: allowCase(actor, "withdraw", r) && canTransition(c.status, "withdraw"),
    accept: allowCase(actor, "accept", r) && canTransition(c.status, "accept"),
    notAccept: allowCase(actor, "not-accept", r) && canTransition(c.status, "not-accept"),
    requestSupplement:
      allowCase(actor, "request-supplement", r) && (c.status === "submitted" || c.status === "in_progress") && !extra.noticeThisRound,
    decide: allowCase(actor, "decide", r) && c.status === "in_progress" && extra.decideTaskOpen,
    deliver: allowCase(actor, "deliver", r) && c.status === "decided" && extra.deliverable,
    record: allowCase(actor, "record", r) && ["accepted", "in_progress", "suspended", "decided"].includes(c.status),
    handover: allowCase(actor, "handover", r) && c.supervision_code !== null,
    // The clock (R35, R36): what the policy allows in a state where the command can succeed.
    suspend: allowCase(actor, "suspend", r) && canTransition(c.status, "suspend"),
    resume: allowCase(actor, "suspend", r) && canTransition(c.status, "resume"),
    extend: allowCase(actor, "extend", r) && isExtendable(c.status),
    explain: allowCase(actor, "explain", r) && !!extra.hasDeadline && isExplainable(c.status),
    // 好差评 (R37): the applicant, once, after the case is closed.
    evaluate: allowEvaluate(actor, r) && c.status === "closed" && !extra.evaluated,
    chooseDelivery: allowCase(actor, "choose-delivery", r) && isDeliveryChoiceOpen(c.status, !!extra.deliveryChosen),
    // Departments whose own result (R31) this person may record now.
    resultFor:
      allowCase(actor, "record", r) && ["in_progress", "decided"].includes(c.status)
        ? (extra.pendingResultDepartmentIds ?? []).filter((d) => allowIssueFor(actor, d, { deciderOnly: true }))
        : [],
  };
}
