import { isApprovingRole, type Role, type StaffChangeRequest } from "@cq/contracts";
import { isValidIdNumber } from "../../identity/checkCharacters.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowReadStaff, allowRequestStaffChange, enforce, type StaffPlace } from "../../policy/index.ts";
import {
  departmentById, findRoleAssignment, findStaff, insertStaffChange, lockStaff, pendingChangeOf, pendingCreatesClashing, regionExists,
  regionGrantsOf, roleAssignmentsOf, staffConflicts, type StaffRow,
} from "../repository.ts";
import { maskedPayload, placeOf } from "../rules.ts";
import { notifyDepartment } from "../../platform/notify.ts";
import { personalDataOf } from "../../platform/personalData.ts";

/**
 * Files a change to a staff member's details or roles, or a new staff member (R16). Nothing changes
 * on the staff member yet: a responsible person other than the requester approves it first.
 * The R17 and uniqueness checks run here, so that a request that could never be approved is
 * refused at once, and run again at approval.
 */
export async function requestStaffChange(ctx: Ctx, input: StaffChangeRequest): Promise<{ id: string }> {
  if (ctx.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
  if (ctx.actor.kind !== "staff") throw new AppError("FORBIDDEN");
  const id = newId();
  let staffId: string | null = null;
  let place: StaffPlace;
  let payload: Record<string, unknown>;

  if (input.kind === "create") {
    const s = input.staff;
    const dept = await departmentById(ctx.trx, s.departmentId);
    if (!dept) throw new AppError("ROLE_SCOPE_INVALID", { field: "departmentId" });
    place = { departmentId: dept.id, regionCode: dept.region_code };
    enforce(ctx.actor, allowRequestStaffChange(ctx.actor, place));
    const idNumber = s.idNumber.toUpperCase();
    if (!isValidIdNumber(idNumber, ctx.now)) throw new AppError("INVALID_ID_NUMBER", { field: "idNumber" });
    const untrained = s.roles.filter(isApprovingRole);
    if (untrained.length) throw new AppError("UNTRAINED_STAFF", { roles: untrained });
    await assertNewStaffIsUnique(ctx, { username: s.username, phone: s.phone, idNumber });
    payload = { staff: { ...s, idNumber, roles: [...new Set(s.roles)] } };
  } else {
    await lockStaff(ctx.trx, input.staffId);
    const staff = await findStaff(ctx.trx, personalDataOf(ctx.deps.config), input.staffId);
    const region = staff ? (await regionGrantsOf(ctx.trx, [staff.id])).get(staff.id) : undefined;
    if (!staff || !allowReadStaff(ctx.actor, placeOf(staff, region))) throw new AppError("STAFF_NOT_FOUND");
    staffId = staff.id;
    place = placeOf(staff, region);
    if (input.kind === "update") {
      enforce(ctx.actor, allowRequestStaffChange(ctx.actor, place));
      if (input.changes.phone && input.changes.phone !== staff.phone) {
        if ((await staffConflicts(ctx.trx, personalDataOf(ctx.deps.config), { phone: input.changes.phone }, staff.id)).length) throw new AppError("PHONE_TAKEN");
      }
      payload = { changes: input.changes };
    } else if (input.kind === "reset-password") {
      enforce(ctx.actor, allowRequestStaffChange(ctx.actor, place));
      if (!staff.phone) throw new AppError("INVALID_PHONE");
      payload = {};
    } else if (input.kind === "grant-role") {
      const grant = await resolveGrant(ctx, staff, input.grant);
      enforce(ctx.actor, allowRequestStaffChange(ctx.actor, place, grant.role));
      payload = { grant };
    } else {
      const ra = await findRoleAssignment(ctx.trx, input.roleAssignmentId);
      if (!ra || ra.user_id !== staff.id) throw new AppError("NOT_FOUND", { field: "roleAssignmentId" });
      enforce(ctx.actor, allowRequestStaffChange(ctx.actor, place, ra.role as Role));
      const dept = ra.department_id ? await departmentById(ctx.trx, ra.department_id) : undefined;
      payload = { roleAssignmentId: ra.id, role: ra.role, departmentId: ra.department_id, departmentName: dept?.name ?? null, regionCode: ra.region_code };
    }
    if (await pendingChangeOf(ctx.trx, staff.id)) throw new AppError("STAFF_CHANGE_PENDING");
  }

  await insertStaffChange(ctx.trx, personalDataOf(ctx.deps.config), {
    id, kind: input.kind, status: "pending", staff_id: staffId, department_id: place.departmentId, payload,
    reason: input.reason, requested_by: ctx.actor.id, requested_at: ctx.now, decided_by: null, decided_at: null, decision_note: null,
  });
  await ctx.audit({ action: "staff.change.request", objectType: "staff-change", objectId: id, newValues: { kind: input.kind, staffId, reason: input.reason, ...maskedPayload(payload) } });
  // The department head (who approves) hears of it in the workbench inbox.
  if (place.departmentId) {
    await notifyDepartment(ctx, place.departmentId, "department-head", { title: "人员变更待审批", text: `${ctx.actor.name} 提交了一项人员变更申请，请在“人员与角色”中审批。` });
  }
  return { id };
}

/** Where a role grant applies: department roles in the member's own department, region admin in a region. */
export async function resolveGrant(
  ctx: Ctx,
  staff: StaffRow,
  grant: { role: Role; departmentId?: string | undefined; regionCode?: string | undefined },
): Promise<{ role: Role; departmentId: string | null; regionCode: string | null }> {
  let resolved: { role: Role; departmentId: string | null; regionCode: string | null };
  if (grant.role === "region-admin") {
    if (!grant.regionCode || grant.departmentId || !(await regionExists(ctx.trx, grant.regionCode))) throw new AppError("ROLE_SCOPE_INVALID", { field: "regionCode" });
    resolved = { role: grant.role, departmentId: null, regionCode: grant.regionCode };
  } else if (grant.role === "supervisor" || grant.role === "platform-admin") {
    // Platform-wide unless a supervisor is granted for one named department.
    if (grant.regionCode || (grant.role === "platform-admin" && grant.departmentId)) throw new AppError("ROLE_SCOPE_INVALID", { field: "departmentId" });
    if (grant.departmentId && !(await departmentById(ctx.trx, grant.departmentId))) throw new AppError("ROLE_SCOPE_INVALID", { field: "departmentId" });
    resolved = { role: grant.role, departmentId: grant.departmentId ?? null, regionCode: null };
  } else {
    const departmentId = grant.departmentId ?? staff.department_id;
    if (grant.regionCode || departmentId !== staff.department_id || !departmentId) {
      throw new AppError("ROLE_SCOPE_INVALID", { field: "departmentId" });
    }
    resolved = { role: grant.role, departmentId, regionCode: null };
  }
  const held = await roleAssignmentsOf(ctx.trx, [staff.id]);
  if (held.some((h) => h.role === resolved.role && h.department_id === resolved.departmentId && h.region_code === resolved.regionCode)) {
    throw new AppError("ROLE_ALREADY_HELD");
  }
  if (isApprovingRole(resolved.role) && !staff.trained_at) throw new AppError("UNTRAINED_STAFF", { staffId: staff.id, role: resolved.role });
  return resolved;
}

export async function assertNewStaffIsUnique(ctx: Ctx, by: { username: string; phone: string; idNumber: string }, exceptChangeId?: string): Promise<void> {
  const clash = await staffConflicts(ctx.trx, personalDataOf(ctx.deps.config), by);
  const pending = (await pendingCreatesClashing(ctx.trx, personalDataOf(ctx.deps.config), by)).filter((p) => p.id !== exceptChangeId).map((p) => (p.payload as { staff: typeof by }).staff);
  const all = [...clash.map((c) => ({ username: c.username, phone: c.phone, idNumber: c.id_number })), ...pending];
  if (all.some((c) => c.username === by.username)) throw new AppError("USERNAME_TAKEN");
  if (all.some((c) => c.phone === by.phone)) throw new AppError("PHONE_TAKEN");
  if (all.some((c) => c.idNumber === by.idNumber)) throw new AppError("ID_NUMBER_TAKEN");
}
