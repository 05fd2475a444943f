import type { IntegrationScope } from "@cq/contracts";
import type { Actor, IntegrationActor } from "../platform/actor.ts";
import { AppError } from "../platform/errors.ts";
import { grantsOf, hasRole, hasRoleIn } from "./rules.ts";

// Department systems (R5): a token acts for one department, within the scopes its client was given.

/** The calling department system, holding `scope`: 401 without a token, 403 for anyone else or a token lacking the scope. */
export function requireIntegrationScope(actor: Actor, scope: IntegrationScope): IntegrationActor {
  if (actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
  if (actor.kind !== "integration") throw new AppError("FORBIDDEN");
  if (!actor.scopes.includes(scope)) throw new AppError("INTEGRATION_SCOPE_MISSING", { scope });
  return actor;
}

/** Whether a department system may act on what belongs to `departmentId` (anything else it is told does not exist). */
export const integrationSees = (actor: IntegrationActor, departmentId: string | null | undefined): boolean => actor.departmentId === departmentId;

/** Creates, rotates and revokes a department's integration clients and their webhooks: that department's admin, or a platform admin. */
export function allowAdministerIntegrations(actor: Actor, departmentId: string): boolean {
  return hasRole(actor, "platform-admin") || hasRoleIn(actor, "department-admin", departmentId);
}

/** Whose integration clients the actor administers: every department's (platform admins), those of the departments it administers, or none (null). */
export function integrationAdminScope(actor: Actor): { all: boolean; departments: string[] } | null {
  if (hasRole(actor, "platform-admin")) return { all: true, departments: [] };
  const departments = [...new Set(grantsOf(actor, "department-admin").map((g) => g.departmentId).filter((d): d is string => !!d))];
  return departments.length ? { all: false, departments } : null;
}
