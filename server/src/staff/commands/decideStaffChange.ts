import type { Role } from "@cq/contracts";
import { hashPassword } from "../../identity/passwords.ts";
import { insertUser, setPassword } from "../../identity/repository.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { queueMessage, notifyUser } from "../../platform/notify.ts";
import { allowDecideStaffChange, allowReadStaff, allowWithdrawStaffChange, enforce, type StaffPlace } from "../../policy/index.ts";
import {
  decideStaffChangeRow, deleteRoleAssignment, deleteSessionsOf, findRoleAssignment, findStaff, findStaffChange, insertRoleAssignment,
  lockStaff, regionGrantsOf, roleAssignmentsOf, staffConflicts, updateStaffDetails, type StaffChangeRow,
} from "../repository.ts";
import { maskedPayload, placeOf } from "../rules.ts";
import { assertNewStaffIsUnique, resolveGrant } from "./requestStaffChange.ts";
import { randomInt } from "node:crypto";
import { requireStaff } from "../../platform/actor.ts";
import { personalDataOf } from "../../platform/personalData.ts";

type CreatePayload = { staff: { username: string; name: string; phone: string; idNumber: string; departmentId: string; roles: Role[] } };
type UpdatePayload = { changes: { name?: string; phone?: string; disabled?: boolean } };
type GrantPayload = { grant: { role: Role; departmentId: string | null; regionCode: string | null } };
type RevokePayload = { roleAssignmentId: string; role: Role };

/** The place and the role a change concerns, for the approval rule. */
async function subjectOf(ctx: Ctx, change: StaffChangeRow): Promise<{ place: StaffPlace; role?: Role }> {
  const payload = change.payload as Record<string, unknown>;
  const role = change.kind === "grant-role" ? (payload as GrantPayload).grant.role : change.kind === "revoke-role" ? (payload as RevokePayload).role : undefined;
  const region = change.staff_id ? (await regionGrantsOf(ctx.trx, [change.staff_id])).get(change.staff_id) : undefined;
  const place = placeOf({ department_id: change.department_id, department_region: change.department_region }, region);
  return role ? { place, role } : { place };
}

/** A change request, if the actor may see it (requested it, may decide it, or reads the staff member): else 404. */
async function visibleChange(ctx: Ctx, id: string) {
  const change = await findStaffChange(ctx.trx, personalDataOf(ctx.deps.config), id, { lock: true });
  if (!change) throw new AppError("STAFF_CHANGE_NOT_FOUND");
  const subject = await subjectOf(ctx, change);
  const mine = ctx.actor.kind === "staff" && ctx.actor.id === change.requested_by;
  if (!mine && !allowReadStaff(ctx.actor, subject.place)) throw new AppError("STAFF_CHANGE_NOT_FOUND");
  return { change, subject };
}

/** A pending change the actor may decide; the requester and the staff member concerned are told why not. */
async function decidableChange(ctx: Ctx, id: string): Promise<StaffChangeRow> {
  const { change, subject } = await visibleChange(ctx, id);
  if (change.status !== "pending") throw new AppError("STAFF_CHANGE_DECIDED", { status: change.status });
  if (ctx.actor.kind === "staff" && (ctx.actor.id === change.requested_by || ctx.actor.id === change.staff_id)) throw new AppError("SAME_PERSON_APPROVAL");
  enforce(ctx.actor, allowDecideStaffChange(ctx.actor, { requestedBy: change.requested_by, staffId: change.staff_id, ...subject }));
  return change;
}

/**
 * The responsible person approves a change (R16): it takes effect in the same transaction, with the
 * R17 and uniqueness checks run again on the staff member as they are now.
 */
export async function approveStaffChange(ctx: Ctx, id: string, note: string | undefined): Promise<{ id: string }> {
  const change = await decidableChange(ctx, id);
  const deciderId = requireStaff(ctx.actor).id;
  const staffId = await applyChange(ctx, change);
  if (!(await decideStaffChangeRow(ctx.trx, id, { status: "approved", decidedBy: deciderId, at: ctx.now, note: note ?? null, staffId }))) {
    throw new AppError("STAFF_CHANGE_DECIDED");
  }
  await ctx.audit({ action: "staff.change.approve", objectType: "staff-change", objectId: id, newValues: { staffId, note: note ?? null } });
  await notifyUser(ctx, change.requested_by, { title: "人员变更已批准", text: `您提交的人员变更（${change.staff_name ?? "新增工作人员"}）已由 ${ctx.actor.kind === "staff" ? ctx.actor.name : ""} 批准并生效。` });
  return { id };
}

export async function rejectStaffChange(ctx: Ctx, id: string, reason: string): Promise<{ id: string }> {
  const change = await decidableChange(ctx, id);
  await decideStaffChangeRow(ctx.trx, id, { status: "rejected", decidedBy: requireStaff(ctx.actor).id, at: ctx.now, note: reason });
  await ctx.audit({ action: "staff.change.reject", objectType: "staff-change", objectId: id, newValues: { reason } });
  await notifyUser(ctx, change.requested_by, { title: "人员变更被驳回", text: `您提交的人员变更（${change.staff_name ?? "新增工作人员"}）被驳回：${reason}` });
  return { id };
}

export async function withdrawStaffChange(ctx: Ctx, id: string): Promise<{ id: string }> {
  const { change } = await visibleChange(ctx, id);
  enforce(ctx.actor, allowWithdrawStaffChange(ctx.actor, change.requested_by));
  if (change.status !== "pending") throw new AppError("STAFF_CHANGE_DECIDED", { status: change.status });
  await decideStaffChangeRow(ctx.trx, id, { status: "withdrawn", decidedBy: null, at: ctx.now, note: null });
  await ctx.audit({ action: "staff.change.withdraw", objectType: "staff-change", objectId: id });
  return { id };
}

/** Makes the change on the staff member; returns the staff member's id (new for "create"). */
async function applyChange(ctx: Ctx, change: StaffChangeRow): Promise<string> {
  const payload = change.payload as Record<string, unknown>;
  if (change.kind === "create") {
    const s = (payload as CreatePayload).staff;
    await assertNewStaffIsUnique(ctx, s, change.id);
    const userId = newId();
    const initialPassword = makeInitialPassword();
    await insertUser(ctx.trx, personalDataOf(ctx.deps.config), {
      id: userId, kind: "staff", applicant_type: null, name: s.name, username: s.username, phone: s.phone, id_number: s.idNumber,
      credit_code: null, legal_rep_name: null, legal_rep_id_number: null, password_hash: await hashPassword(initialPassword),
      department_id: s.departmentId, hall_id: null, trained_at: null, locked_until: null, created_at: ctx.now, must_change_password: true,
    });
    for (const role of s.roles) await insertRoleAssignment(ctx.trx, { id: newId(), userId, role, departmentId: s.departmentId, regionCode: null, at: ctx.now });
    await queueMessage(ctx, {
      to: s.phone, channel: "sms", at: ctx.now,
      text: `【重庆市网上行政审批平台】您的工作人员账号 ${s.username} 已开通，初始密码 ${initialPassword}，请登录业务办理系统后及时修改。`,
    });
    await ctx.audit({ action: "staff.create", objectType: "user", objectId: userId, newValues: { ...maskedPayload(payload), changeId: change.id } });
    return userId;
  }
  const staffId = change.staff_id as string;
  await lockStaff(ctx.trx, staffId);
  const staff = await findStaff(ctx.trx, personalDataOf(ctx.deps.config), staffId);
  if (!staff) throw new AppError("STAFF_NOT_FOUND");
  if (change.kind === "update") {
    const changes = (payload as UpdatePayload).changes;
    if (changes.phone && changes.phone !== staff.phone && (await staffConflicts(ctx.trx, personalDataOf(ctx.deps.config), { phone: changes.phone }, staffId)).length) throw new AppError("PHONE_TAKEN");
    const old = { name: staff.name, phone: staff.phone, disabled: staff.disabled };
    await updateStaffDetails(ctx.trx, personalDataOf(ctx.deps.config), staffId, changes);
    if (changes.disabled) await deleteSessionsOf(ctx.trx, staffId);
    await ctx.audit({
      action: "staff.update", objectType: "user", objectId: staffId,
      oldValues: maskedPayload({ changes: Object.fromEntries(Object.keys(changes).map((k) => [k, old[k as keyof typeof old]])) }).changes as Record<string, unknown>,
      newValues: { ...(maskedPayload({ changes }).changes as Record<string, unknown>), changeId: change.id },
    });
  } else if (change.kind === "reset-password") {
    // A forgotten staff password: a new initial password by SMS, to be changed at the next login.
    const initialPassword = makeInitialPassword();
    await setPassword(ctx.trx, staffId, await hashPassword(initialPassword), { mustChange: true });
    await deleteSessionsOf(ctx.trx, staffId);
    await queueMessage(ctx, {
      to: staff.phone ?? "", channel: "sms", at: ctx.now,
      text: `【重庆市网上行政审批平台】您的工作人员账号 ${staff.username ?? ""} 的密码已重置，新的初始密码 ${initialPassword}，请登录后立即修改。`,
    });
    await ctx.audit({ action: "user.password-reset", objectType: "user", objectId: staffId, newValues: { changeId: change.id, mustChangePassword: true } });
  } else if (change.kind === "grant-role") {
    const grant = await resolveGrant(ctx, staff, toOptional((payload as GrantPayload).grant));
    const raId = newId();
    await insertRoleAssignment(ctx.trx, { id: raId, userId: staffId, ...grant, at: ctx.now });
    await ctx.audit({ action: "staff.role.grant", objectType: "user", objectId: staffId, newValues: { roleAssignmentId: raId, ...grant, changeId: change.id } });
  } else {
    const { roleAssignmentId } = payload as RevokePayload;
    const ra = await findRoleAssignment(ctx.trx, roleAssignmentId);
    if (!ra || ra.user_id !== staffId) throw new AppError("NOT_FOUND", { field: "roleAssignmentId" });
    await deleteRoleAssignment(ctx.trx, ra.id);
    const left = await roleAssignmentsOf(ctx.trx, [staffId]);
    await ctx.audit({
      action: "staff.role.revoke", objectType: "user", objectId: staffId,
      oldValues: { roleAssignmentId: ra.id, role: ra.role, departmentId: ra.department_id, regionCode: ra.region_code }, newValues: { rolesLeft: left.map((l) => l.role), changeId: change.id },
    });
  }
  return staffId;
}

function toOptional(g: GrantPayload["grant"]): { role: Role; departmentId?: string; regionCode?: string } {
  return { role: g.role, ...(g.departmentId ? { departmentId: g.departmentId } : {}), ...(g.regionCode ? { regionCode: g.regionCode } : {}) };
}

/** 12 characters from an alphabet without look-alikes, with letters and digits (meets the password rule). */
function makeInitialPassword(): string {
  const letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ";
  const digits = "23456789";
  const all = letters + digits;
  const chars = [letters[randomInt(letters.length)], digits[randomInt(digits.length)], ...Array.from({ length: 10 }, () => all[randomInt(all.length)])];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}
