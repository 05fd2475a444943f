import type { DeliveryMethod } from "@cq/contracts";
import { tellApplicant } from "../../platform/applicantNotices.ts";
import { findItemName, findVersion } from "../../catalog/repository.ts";
import { resultsOfCase } from "../../certificates/repository.ts";
import { findUserById } from "../../identity/repository.ts";
import { caseDeadline, refreshCaseClock } from "../../clock/caseClock.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { notifyDepartment } from "../../platform/notify.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { insertCaseCopy, insertDelivery, updateCase } from "../repository.ts";
import { completeTaskRow, tasksOfCase } from "../taskRepository.ts";
import { maskAddress, missingResults } from "../deliveryChoice.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { transition } from "../workflow.ts";
import { requireStaff } from "../../platform/actor.ts";
import { personalDataOf } from "../../platform/personalData.ts";

export interface DeliverInput {
  method: DeliveryMethod;
  trackingNo?: string;
  address?: string;
  recipientName?: string;
  idChecked?: boolean;
}

/**
 * Hands the results over (送达) and closes the case: only when every department's result is in,
 * all at once (R31); then copies the case to the departments that supervise what follows (R32).
 */
export async function deliverCase(ctx: Ctx, caseId: string, input: DeliverInput): Promise<{ status: "closed" }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "deliver", true);
  const to = transition(c.status, "close");
  const version = await findVersion(ctx.trx, c.item_version_id);
  const results = await resultsOfCase(ctx.trx, c.id);
  const missing = await missingResults(ctx.trx, c, version);
  if (missing.length) throw new AppError("RESULTS_PENDING", { departments: missing });
  if (input.method === "pickup" && !input.idChecked) throw new AppError("ID_CHECK_REQUIRED");
  if (input.method === "mail" && (!input.address?.trim() || !input.trackingNo?.trim())) throw new AppError("MAIL_DETAILS_REQUIRED");

  const me = requireStaff(ctx.actor).id;
  // The address is personal data: sealed in the delivery row, masked in the task's record and the audit.
  const masked = { ...input, ...(input.address ? { address: maskAddress(input.address) } : {}) };
  const deliverTask = (await tasksOfCase(ctx.trx, c.id)).find((t) => t.kind === "deliver" && (t.status === "open" || t.status === "claimed"));
  if (deliverTask) {
    await completeTaskRow(ctx, c.id, deliverTask.id, me, { outcome: "pass", opinion: `送达方式：${input.method}`, attachments: "[]", record: JSON.stringify(masked), at: ctx.now });
  }
  await insertDelivery(ctx.trx, {
    id: newId(), case_id: c.id, method: input.method, tracking_no: input.trackingNo ?? null, address: personalDataOf(ctx.deps.config).sealOrNull(input.address),
    recipient_name: input.recipientName ?? null, id_checked: input.idChecked ?? false, delivered_by: me, delivered_at: ctx.now,
  });
  // The record the on-time rate and average duration are computed from.
  const d = await caseDeadline(ctx.trx, c.id, ctx.now);
  await updateCase(ctx.trx, c.id, {
    status: to, closed_at: ctx.now, updated_at: ctx.now, light: null,
    ...(d ? { used_working_days: d.usedWorkingDays, on_time: !d.overdue } : {}),
  });
  await recordTimeline(ctx, c.id, "delivered", { public: true, departmentId: c.lead_department_id, data: { method: input.method, results: results.length } });
  ctx.event({ type: "case.closed", caseId: c.id, data: { delivery: { method: input.method, results: results.length } } });

  const item = await findItemName(ctx.trx, c.item_id);
  const applicant = await findUserById(ctx.trx, personalDataOf(ctx.deps.config), c.applicant_id);
  const told = { item: item.name, code: c.supervision_code ?? "" };
  if (input.method === "mail") await tellApplicant(ctx, applicant, "case.mailed", { ...told, trackingNo: input.trackingNo ?? "" }, c.id);
  else await tellApplicant(ctx, applicant, input.method === "electronic" ? "case.delivered-electronically" : "case.collected", told, c.id);
  for (const deptId of version.cc_department_ids) {
    await insertCaseCopy(ctx.trx, { id: newId(), case_id: c.id, department_id: deptId, created_at: ctx.now });
    await notifyDepartment(ctx, deptId, null, { title: `抄告：${item.name}`, text: `办件${c.supervision_code ?? ""}已办结，请依职责做好事中事后监管。`, caseId: c.id });
  }
  if (version.cc_department_ids.length) {
    await recordTimeline(ctx, c.id, "copied", { public: false, departmentId: c.lead_department_id, data: { departments: version.cc_department_ids } });
  }
  await ctx.audit({ action: "case.delivered", objectType: "case", objectId: c.id, caseId: c.id, oldValues: { status: c.status }, newValues: { status: to, ...masked, copiedTo: version.cc_department_ids } });
  await refreshCaseClock(ctx, c.id);
  return { status: "closed" };
}
