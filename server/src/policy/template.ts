import type { Actor } from "../platform/actor.ts";
import type { DepartmentPlace, RegionPath } from "./organization.ts";
import { grantsOf, hasRegionRole, hasRole, hasRoleIn } from "./rules.ts";
import { administeredDepartments } from "./item.ts";

// Document templates (R12): the platform defaults belong to the platform admins; a department's own
// versions to its department admin, a region admin of its region or above, and the platform admins.

const regionAdminOver = (actor: Actor, path: RegionPath) => path.some((code) => hasRegionRole(actor, "region-admin", code));

/** Edits the platform's default templates. */
export function allowEditPlatformTemplates(actor: Actor): boolean {
  return hasRole(actor, "platform-admin");
}

/** Reads and edits a department's own templates. */
export function allowEditDepartmentTemplates(actor: Actor, place: DepartmentPlace): boolean {
  return hasRole(actor, "platform-admin") || regionAdminOver(actor, place.regionPath) || hasRoleIn(actor, "department-admin", place.id);
}

/** The departments whose templates one edits as their department admin (region and platform admins pick any in scope). */
export function templateDepartments(actor: Actor): string[] {
  return administeredDepartments(actor);
}

/** Opens 文书模板: platform admins, region admins, department admins. */
export function mayOpenTemplates(actor: Actor): boolean {
  return allowEditPlatformTemplates(actor) || grantsOf(actor, "region-admin").length > 0 || templateDepartments(actor).length > 0;
}
