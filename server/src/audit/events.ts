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
