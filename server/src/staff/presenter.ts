import { maskPhone } from "../identity/checkCharacters.ts";
import type { Actor } from "../platform/actor.ts";
import { allowDecideStaffChange, allowReadStaff, allowWithdrawStaffChange } from "../policy/index.ts";
import type { roleAssignmentsOf, StaffChangeRow, trainingRecordsOf } from "./repository.ts";
import { maskedPayload, placeOf } from "./rules.ts";
import type { Role } from "@cq/contracts";

type StaffListRow = {
  id: string; username: string | null; name: string; phone: string | null; department_id: string | null; trained_at: Date | null;
  disabled: boolean; department_name: string | null; department_region: string | null;
};
type RoleRow = Awaited<ReturnType<typeof roleAssignmentsOf>>[number];

export function presentStaff(s: StaffListRow, roles: RoleRow[], regionGrant: string | undefined, pendingChangeId: string | null) {
  return {
    id: s.id,
    username: s.username,
    name: s.name,
    phone: s.phone ? maskPhone(s.phone) : null,
    department: s.department_id ? { id: s.department_id, name: s.department_name ?? "" } : null,
    regionCode: placeOf(s, regionGrant).regionCode,
    roles: roles.map((r) => ({ id: r.id, role: r.role, departmentId: r.department_id, departmentName: r.department_name, regionCode: r.region_code })),
    trained: s.trained_at !== null,
    trainedAt: s.trained_at?.toISOString() ?? null,
    disabled: s.disabled,
    pendingChangeId,
  };
}

export function presentTraining(t: Awaited<ReturnType<typeof trainingRecordsOf>>[number]) {
  return {
    id: t.id, course: t.course, hours: t.hours, completedOn: t.completed_on, certificateNo: t.certificate_no,
    recordedBy: t.recorded_by_name, recordedAt: t.recorded_at.toISOString(),
  };
}

/** A change request as the caller sees it, with what the caller may do with it. */
export function presentStaffChange(actor: Actor, c: StaffChangeRow, regionGrant: string | undefined) {
  // The ID number and phone of a new staff member are shown masked: the approver compares the last digits with the paper file.
  const payload = maskedPayload(c.payload as Record<string, unknown>);
  const role = c.kind === "grant-role" ? (payload.grant as { role: Role }).role : c.kind === "revoke-role" ? (payload.role as Role) : undefined;
  const place = placeOf({ department_id: c.department_id, department_region: c.department_region }, regionGrant);
  const pending = c.status === "pending";
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    staffId: c.staff_id,
    staffName: c.staff_name ?? (payload.staff as { name?: string } | undefined)?.name ?? "",
    department: c.department_id ? { id: c.department_id, name: c.department_name ?? "" } : null,
    payload,
    reason: c.reason,
    requestedBy: { id: c.requested_by, name: c.requester_name },
    requestedAt: c.requested_at.toISOString(),
    decidedBy: c.decided_by ? { id: c.decided_by, name: c.decider_name ?? "" } : null,
    decidedAt: c.decided_at?.toISOString() ?? null,
    decisionNote: c.decision_note,
    canApprove: pending && allowDecideStaffChange(actor, { requestedBy: c.requested_by, staffId: c.staff_id, place, ...(role ? { role } : {}) }),
    canWithdraw: pending && allowWithdrawStaffChange(actor, c.requested_by),
  };
}

/** Whether a change request shows in the caller's lists: their own, or about staff they may read. */
export function changeVisibleTo(actor: Actor, c: StaffChangeRow, regionGrant: string | undefined): boolean {
  if (actor.kind === "staff" && actor.id === c.requested_by) return true;
  return allowReadStaff(actor, placeOf({ department_id: c.department_id, department_region: c.department_region }, regionGrant));
}
