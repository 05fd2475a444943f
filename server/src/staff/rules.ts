import type { StaffPlace } from "../policy/staff.ts";

/** A staff member's place: their department and its region, or, for a region admin, the region. */
export function placeOf(staff: { department_id: string | null; department_region: string | null }, regionGrant?: string): StaffPlace {
  return { departmentId: staff.department_id, regionCode: staff.department_region ?? regionGrant ?? null };
}
