import type { Actor } from "../platform/actor.ts";
import { grantsOf, hasRegionRole, hasRole, hasRoleIn } from "./rules.ts";

// Administration of the organization (R14): a platform admin everywhere, a region admin in its
// region and the regions below it, a department admin on its own department. Deny by default.

/** A region as the rules see it: its code followed by its ancestors' codes, up to the city. */
export type RegionPath = readonly string[];

/** A department as the rules see it: its id and its region's path. */
export interface DepartmentPlace {
  id: string;
  regionPath: RegionPath;
}

const platformAdmin = (actor: Actor) => hasRole(actor, "platform-admin");
const regionAdminOver = (actor: Actor, path: RegionPath) => path.some((code) => hasRegionRole(actor, "region-admin", code));
const adminOver = (actor: Actor, path: RegionPath) => platformAdmin(actor) || regionAdminOver(actor, path);

/** Anyone with an administrative role opens the organization pages. */
export const mayOpenOrganization = (actor: Actor): boolean =>
  (["platform-admin", "region-admin", "department-admin"] as const).some((r) => grantsOf(actor, r).length > 0);

export const allowCreateCity = (actor: Actor): boolean => platformAdmin(actor);
export const allowCreateRegionUnder = (actor: Actor, parent: RegionPath): boolean => adminOver(actor, parent);
export const allowCreateDepartment = (actor: Actor, region: RegionPath): boolean => adminOver(actor, region);
export const allowCreateHall = (actor: Actor, region: RegionPath): boolean => adminOver(actor, region);
export const allowManageDepartment = (actor: Actor, d: DepartmentPlace): boolean => adminOver(actor, d.regionPath);
export const allowEditDepartmentContact = (actor: Actor, d: DepartmentPlace): boolean =>
  adminOver(actor, d.regionPath) || hasRoleIn(actor, "department-admin", d.id);
export const allowEditHall = (actor: Actor, region: RegionPath): boolean => adminOver(actor, region);
export const allowReadDepartment = (actor: Actor, d: DepartmentPlace): boolean => allowEditDepartmentContact(actor, d);
export const allowReadHall = (actor: Actor, region: RegionPath): boolean => adminOver(actor, region);

/**
 * What the organization lists hold, as a filter the repository turns into SQL: everything, or the
 * regions below some roots (region admins) and some departments (department admins, who also see
 * their department's region).
 */
export type OrganizationScope = { all: true } | { all: false; regionRoots: string[]; departmentIds: string[] };

export function organizationScope(actor: Actor): OrganizationScope {
  if (platformAdmin(actor)) return { all: true };
  const regionRoots = grantsOf(actor, "region-admin").map((g) => g.regionCode).filter((c): c is string => !!c);
  const departmentIds = grantsOf(actor, "department-admin").map((g) => g.departmentId).filter((d): d is string => !!d);
  return { all: false, regionRoots, departmentIds };
}
