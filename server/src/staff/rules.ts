import { approvingRoles } from "../cases/routing.ts";
import type { StaffPlace } from "../policy/staff.ts";

/** Roles whose holders must be recorded as trained (R17): the same list the task policy uses. */
export const isApprovingRole = (role: string): boolean => approvingRoles.includes(role);

/** A staff member's place: their department and its region, or, for a region admin, the region. */
export function placeOf(staff: { department_id: string | null; department_region: string | null }, regionGrant?: string): StaffPlace {
  return { departmentId: staff.department_id, regionCode: staff.department_region ?? regionGrant ?? null };
}
