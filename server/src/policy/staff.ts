import { isPlatformRole, type Role } from "@cq/contracts";
import type { Actor } from "../platform/actor.ts";
import { grantsOf, hasRole, hasRegionRole, hasRoleIn } from "./rules.ts";

/** Where a staff member sits: their department (with its region), or a region for region admins. */
export interface StaffPlace {
  departmentId: string | null;
  regionCode: string | null;
}

/**
 * Tiered administration (R14): the platform admin administers everyone, a region admin the
 * departments of the region, a department admin its own department.
 */
export function administers(actor: Actor, place: StaffPlace): boolean {
  if (hasRole(actor, "platform-admin")) return true;
  if (place.regionCode && hasRegionRole(actor, "region-admin", place.regionCode)) return true;
  return !!place.departmentId && hasRoleIn(actor, "department-admin", place.departmentId);
}

/** Reading staff records: the admins over them, and the head of their department (who approves changes). */
export function allowReadStaff(actor: Actor, place: StaffPlace): boolean {
  return administers(actor, place) || (!!place.departmentId && hasRoleIn(actor, "department-head", place.departmentId));
}

/** Anyone who administers or heads some department may open the staff pages. */
export function mayOpenStaffAdmin(actor: Actor): boolean {
  return (["platform-admin", "region-admin", "department-admin", "department-head"] as const).some((r) => grantsOf(actor, r).length > 0);
}

/** Filing a change request: an admin over the staff member's place; platform roles only by a platform admin. */
export function allowRequestStaffChange(actor: Actor, place: StaffPlace, role?: Role): boolean {
  if (role && isPlatformRole(role)) return hasRole(actor, "platform-admin");
  return administers(actor, place);
}

/**
 * The responsible person who approves (R16): never the requester nor the staff member concerned;
 * the head of the staff member's department, a region admin of its region, or a platform admin.
 */
export function allowDecideStaffChange(
  actor: Actor,
  change: { requestedBy: string; staffId: string | null; place: StaffPlace; role?: Role },
): boolean {
  if (actor.kind !== "staff" || actor.id === change.requestedBy || actor.id === change.staffId) return false;
  if (hasRole(actor, "platform-admin")) return true;
  if (change.role && isPlatformRole(change.role)) return false;
  if (change.place.regionCode && hasRegionRole(actor, "region-admin", change.place.regionCode)) return true;
  return !!change.place.departmentId && hasRoleIn(actor, "department-head", change.place.departmentId);
}

/** Withdrawing a pending request is its requester's. */
export function allowWithdrawStaffChange(actor: Actor, requestedBy: string): boolean {
  return actor.kind === "staff" && actor.id === requestedBy;
}

/** Which staff the actor's lists may hold, as a filter: everyone, some regions, some departments. */
export function staffListScope(actor: Actor): { all: true } | { all: false; regionCodes: string[]; departmentIds: string[] } {
  if (hasRole(actor, "platform-admin")) return { all: true };
  const regionCodes = grantsOf(actor, "region-admin").map((g) => g.regionCode).filter((r): r is string => !!r);
  const departmentIds = [...grantsOf(actor, "department-admin"), ...grantsOf(actor, "department-head")]
    .map((g) => g.departmentId)
    .filter((d): d is string => !!d);
  return { all: false, regionCodes, departmentIds };
}
