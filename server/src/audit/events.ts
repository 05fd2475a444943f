/** Every kind of state change the platform records. One name per command. */
export type AuditAction =
  | "user.registered"
  | "user.login"
  | "user.login-failed"
  | "user.locked"
  | "user.logout"
  | "user.created"
  | "sms.sent"
  | "case.created"
  | "case.form-updated"
  | "case.material-added"
  | "case.material-removed"
  | "case.submitted"
  | "case.accepted"
  | "case.not-accepted"
  | "document.issued"
  | "task.claimed"
  | "task.completed"
  | "task.attachment-added"
  | "case.decided"
  | "case.result-recorded"
  | "case.delivered"
  | "case.supplement-requested"
  | "case.supplemented"
  | "case.withdrawn"
  | "case.verified"
  | "case.third-party-recorded"
  | "handover.registered"
  | "handover.received"
  | "certificate.issued"
  | "certificate.revoked"
  | "applicant.registered-at-hall"
  | "process.draft-saved"
  | "process.draft-submitted"
  | "process.agreement"
  | "process.published"
  | "calendar.day-set"
  | "calendar.year-maintained"
  | "case.suspended"
  | "case.resumed"
  | "case.extended"
  | "case.explained"
  | "case.deemed-accepted"
  | "escalation.created"
  | "escalation.answered"
  | "flag.raised"
  | "certificate.registered"
  | "clock.set"
  | "seed.demo";

export interface AuditEntry {
  action: AuditAction;
  objectType: string;
  objectId: string | null;
  caseId?: string | null;
  oldValues?: Record<string, unknown> | null;
  newValues?: Record<string, unknown> | null;
}
