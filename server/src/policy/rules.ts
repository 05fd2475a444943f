import type { Role } from "@cq/contracts";
import type { Actor, RoleGrant } from "../platform/actor.ts";

/** A staff member's grants of one role (optionally limited to a department). */
export function grantsOf(actor: Actor, role: Role): RoleGrant[] {
  return actor.kind === "staff" ? actor.roles.filter((r) => r.role === role) : [];
}

export function hasRole(actor: Actor, role: Role): boolean {
  return grantsOf(actor, role).length > 0;
}

export function hasRoleIn(actor: Actor, role: Role, departmentId: string): boolean {
  return grantsOf(actor, role).some((g) => g.departmentId === departmentId);
}

/** Any role at all in the given department. */
export function isStaffOf(actor: Actor, departmentId: string): boolean {
  return actor.kind === "staff" && actor.roles.some((g) => g.departmentId === departmentId);
}

export function hasRegionRole(actor: Actor, role: Role, regionCode: string): boolean {
  return grantsOf(actor, role).some((g) => g.regionCode === regionCode);
}

/** The supervising office proper: a supervisor granted platform-wide (not for one department). */
export function platformSupervisor(actor: Actor): boolean {
  return grantsOf(actor, "supervisor").some((g) => !g.departmentId && !g.regionCode);
}

/** Platform-wide read access: the platform admins and the supervising office (R14, Roles). */
export function seesEverything(actor: Actor): boolean {
  return hasRole(actor, "platform-admin") || platformSupervisor(actor);
}
