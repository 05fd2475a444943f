import type { Actor } from "../platform/actor.ts";
import { hasRole } from "./rules.ts";

export type AuditAction = "read" | "verify";

/** The audit trail is for the supervising office and the platform admins (R40). */
export function allowAudit(actor: Actor, _action: AuditAction): boolean {
  return hasRole(actor, "supervisor") || hasRole(actor, "platform-admin");
}
