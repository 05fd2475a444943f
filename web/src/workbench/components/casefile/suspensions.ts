import type { WorkflowCase } from "../../../common/api/workflowTypes.ts";

/** Art. 45 procedures (and the applicant's written request) that stop the clock. */
export const suspensionKinds = ["hearing", "tender", "auction", "inspection", "testing", "quarantine", "appraisal", "expert-review", "applicant-request"] as const;
export type SuspensionKind = (typeof suspensionKinds)[number];

const key = (caseId: string) => `cq.suspension.${caseId}`;

/**
 * The case file does not list suspensions yet, so the id that POST /suspensions returned is kept
 * in this browser to resume the clock later. Used only when the server does not send `suspensions`.
 */
export function rememberSuspension(caseId: string, id: string): void {
  try {
    globalThis.localStorage?.setItem(key(caseId), id);
  } catch {
    // storage blocked: resuming will need the server to list suspensions
  }
}

export function forgetSuspension(caseId: string): void {
  try {
    globalThis.localStorage?.removeItem(key(caseId));
  } catch {
    // nothing to forget
  }
}

/** The running manual suspension of the case: from the server when it lists them, else from this browser. */
export function runningSuspensionId(detail: WorkflowCase): string | null {
  const running = detail.suspensions?.filter((s) => !s.endDay && !s.automatic).at(-1);
  if (running) return running.id;
  if (detail.suspensions) return null;
  try {
    return globalThis.localStorage?.getItem(key(detail.id)) ?? null;
  } catch {
    return null;
  }
}
