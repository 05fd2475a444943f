import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { isStaffOf } from "../../policy/index.ts";
import { loadCase } from "../../caseRecord/access.ts";
import { findHandover, insertHandover, markHandoverReceived } from "../recordRepository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { notifyDepartment } from "../../platform/notify.ts";
import { requireStaff } from "../../platform/actor.ts";

/**
 * Registers a hand-over of paper originals between departments (R28): what, from, to, when, labelled
 * with the case's supervision code. The receiving department confirms receipt.
 */
export async function registerHandover(
  ctx: Ctx,
  caseId: string,
  input: { items: string[]; fromDepartmentId: string; toDepartmentId: string; note?: string },
): Promise<{ id: string; label: string }> {
  const { row: c, resource } = await loadCase(ctx.trx, ctx.actor, caseId, "handover", true);
  if (!c.supervision_code) throw new AppError("CASE_STATE_CONFLICT", { reason: "not-accepted" });
  if (!isStaffOf(ctx.actor, input.fromDepartmentId)) throw new AppError("FORBIDDEN");
  const involved = [resource.leadDepartmentId, ...resource.involvedDepartmentIds];
  if (!involved.includes(input.toDepartmentId) || input.toDepartmentId === input.fromDepartmentId) {
    throw new AppError("VALIDATION_FAILED", { field: "toDepartmentId" });
  }
  const id = newId();
  const me = requireStaff(ctx.actor).id;
  await insertHandover(ctx.trx, {
    id, case_id: c.id, supervision_code: c.supervision_code, items: JSON.stringify(input.items), from_department_id: input.fromDepartmentId,
    to_department_id: input.toDepartmentId, registered_by: me, registered_at: ctx.now, note: input.note ?? null, received_at: null, received_by: null,
  });
  await notifyDepartment(ctx, input.toDepartmentId, null, { title: "纸质材料移交待签收", text: `办件${c.supervision_code}的纸质材料（${input.items.join("、")}）已移交，请签收。`, caseId: c.id });
  await recordTimeline(ctx, c.id, "handover-registered", { public: false, departmentId: input.fromDepartmentId, data: { items: input.items } });
  await ctx.audit({ action: "handover.registered", objectType: "handover", objectId: id, caseId: c.id, newValues: { ...input, label: c.supervision_code } });
  return { id, label: c.supervision_code };
}

export async function receiveHandover(ctx: Ctx, handoverId: string): Promise<{ id: string; receivedAt: string }> {
  const h = await findHandover(ctx.trx, handoverId);
  if (!h) throw new AppError("HANDOVER_NOT_FOUND");
  await loadCase(ctx.trx, ctx.actor, h.case_id, "read", true);
  if (!isStaffOf(ctx.actor, h.to_department_id)) throw new AppError("FORBIDDEN");
  const me = requireStaff(ctx.actor).id;
  if (!(await markHandoverReceived(ctx.trx, h.id, me, ctx.now))) throw new AppError("CASE_STATE_CONFLICT", { reason: "already-received" });
  await recordTimeline(ctx, h.case_id, "handover-received", { public: false, departmentId: h.to_department_id });
  await ctx.audit({ action: "handover.received", objectType: "handover", objectId: h.id, caseId: h.case_id, newValues: { receivedAt: ctx.now.toISOString() } });
  return { id: h.id, receivedAt: ctx.now.toISOString() };
}
