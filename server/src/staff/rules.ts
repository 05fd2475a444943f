import { maskIdNumber, maskPhone } from "../identity/checkCharacters.ts";
import type { StaffPlace } from "../policy/staff.ts";

/** A staff member's place: their department and its region, or, for a region admin, the region. */
export function placeOf(staff: { department_id: string | null; department_region: string | null }, regionGrant?: string): StaffPlace {
  return { departmentId: staff.department_id, regionCode: staff.department_region ?? regionGrant ?? null };
}

/** What was asked for, with the ID number and phone masked: the audit and the screens keep no personal data in full. */
export function maskedPayload(payload: Record<string, unknown>): Record<string, unknown> {
  const staff = payload.staff as { idNumber?: string; phone?: string } | undefined;
  const changes = payload.changes as { phone?: string } | undefined;
  return {
    ...payload,
    ...(staff ? { staff: { ...staff, ...(staff.idNumber ? { idNumber: maskIdNumber(staff.idNumber) } : {}), ...(staff.phone ? { phone: maskPhone(staff.phone) } : {}) } } : {}),
    ...(changes?.phone ? { changes: { ...changes, phone: maskPhone(changes.phone) } } : {}),
  };
}
