import type { Actor } from "../platform/actor.ts";
import type { DepartmentPlace, OrganizationScope, RegionPath } from "./organization.ts";
import { grantsOf, hasRegionRole, hasRole, hasRoleIn } from "./rules.ts";

// The catalog (R8–R11): an item belongs to its implementing department and that department's region.
// Its department admin, a region admin of the region or above and a platform admin write its versions;
// a second person — the department's head, such a region admin or a platform admin — approves them.

const regionAdminOver = (actor: Actor, path: RegionPath) => path.some((code) => hasRegionRole(actor, "region-admin", code));
const aboveDepartment = (actor: Actor, place: DepartmentPlace) => hasRole(actor, "platform-admin") || regionAdminOver(actor, place.regionPath);

/** Creates items for the department, writes and submits their versions, renames and cancels them. */
export function allowManageItem(actor: Actor, place: DepartmentPlace): boolean {
  return aboveDepartment(actor, place) || hasRoleIn(actor, "department-admin", place.id);
}

/** Approves or rejects a submitted version (never one's own submission: the command checks the person). */
export function allowApproveVersion(actor: Actor, place: DepartmentPlace): boolean {
  return aboveDepartment(actor, place) || hasRoleIn(actor, "department-head", place.id);
}

/** Who wrote a version: its creator, its last editor and its submitter. None of them may approve it (two-person rule). */
export interface VersionAuthors {
  created_by: string | null;
  updated_by: string | null;
  submitted_by: string | null;
}
export const isVersionAuthor = (actor: Actor, v: VersionAuthors): boolean =>
  actor.kind === "staff" && [v.created_by, v.updated_by, v.submitted_by].includes(actor.id);

/** Reads an item's versions: who manages or approves them. */
export function allowReadItemAdmin(actor: Actor, place: DepartmentPlace): boolean {
  return allowManageItem(actor, place) || allowApproveVersion(actor, place);
}

/** An involved department agrees (or not) to a version through its own admin or head (R10). */
export function allowAgreeForDepartment(actor: Actor, departmentId: string): boolean {
  return hasRoleIn(actor, "department-admin", departmentId) || hasRoleIn(actor, "department-head", departmentId);
}

/** Departments whose items the actor administers through a department grant. */
export function administeredDepartments(actor: Actor): string[] {
  if (actor.kind !== "staff") return [];
  return actor.roles.filter((r) => r.role === "department-admin" && r.departmentId).map((r) => r.departmentId as string);
}

/** What the item lists hold: everything, or the regions below a region admin's and the departments one administers or heads. */
export function catalogScope(actor: Actor): OrganizationScope {
  if (hasRole(actor, "platform-admin")) return { all: true };
  const regionRoots = grantsOf(actor, "region-admin").map((g) => g.regionCode).filter((c): c is string => !!c);
  const departmentIds = [...grantsOf(actor, "department-admin"), ...grantsOf(actor, "department-head")]
    .map((g) => g.departmentId)
    .filter((d): d is string => !!d);
  return { all: false, regionRoots, departmentIds: [...new Set(departmentIds)] };
}

/** Opens 事项管理: anyone with items in scope. */
export const mayOpenCatalogAdmin = (actor: Actor): boolean => {
  const s = catalogScope(actor);
  return s.all || s.regionRoots.length > 0 || s.departmentIds.length > 0;
};
