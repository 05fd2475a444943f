import type { Actor } from "../platform/actor.ts";
import { hasRole, platformSupervisor } from "./rules.ts";

export type AuditAction = "read" | "verify";

/** The audit trail is for the supervising office (a platform-wide supervisor) and the platform admins (R40). */
export function allowAudit(actor: Actor, _action: AuditAction): boolean {
  return platformSupervisor(actor) || hasRole(actor, "platform-admin");
}
