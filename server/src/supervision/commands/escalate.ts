import { currentCalendar } from "../../clock/calendarCache.ts";
import { escalationDeadline } from "../../clock/replyDeadline.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { shanghaiDay } from "../../platform/clock.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowAnswerEscalation, allowCase, allowEscalate, allowSeeEscalation, enforce } from "../../policy/index.ts";
import { caseResource } from "../../caseRecord/access.ts";
import { answerEscalation, findEscalation, insertEscalation } from "../repository.ts";
import { notifyDepartment } from "../../platform/notify.ts";
import { unsafeFindCaseForUpdate, involvedDepartments } from "../../caseRecord/repository.ts";
import { requireStaff } from "../../platform/actor.ts";

/**
 * Opens an escalation (挂号督办) on a case: by a supervisor, or automatically by the sweep. The
 * department must answer within the configured working days; the escalation has its own light.
 */
export async function escalateCase(ctx: Ctx, caseId: string, input: { note?: string; automatic: boolean }): Promise<{ id: string; responseDueDate: string } | null> {
  const c = await unsafeFindCaseForUpdate(ctx.trx, caseId);
  if (!c) throw new AppError("CASE_NOT_FOUND");
  if (!input.automatic) {
    const visible = allowCase(ctx.actor, "read", caseResource(c, await involvedDepartments(ctx.trx, c.id)));
    enforce(ctx.actor, visible, { visible: false, notFound: "CASE_NOT_FOUND" });
    enforce(ctx.actor, allowEscalate(ctx.actor));
  }
  if (!["accepted", "in_progress", "suspended", "supplement_requested", "decided"].includes(c.status)) throw new AppError("CASE_STATE_CONFLICT", { status: c.status });
  const calendar = await currentCalendar(ctx.trx);
  const today = shanghaiDay(ctx.now);
  const { dueDate: due, yellowFrom } = escalationDeadline(calendar, today, ctx.deps.config.escalationResponseDays);
  const id = newId();
  const inserted = await insertEscalation(ctx.trx, {
    id, case_id: c.id, department_id: c.lead_department_id, automatic: input.automatic, note: input.note ?? null,
    created_by: input.automatic ? null : requireStaff(ctx.actor).id, created_at: ctx.now, response_due_date: due, response_yellow_from: yellowFrom,
    light: today >= yellowFrom ? "yellow" : "green", status: "open", response_text: null, responded_by: null, responded_at: null,
  });
  if (!inserted) return null;
  await notifyDepartment(ctx, c.lead_department_id, null, {
    title: input.automatic ? "挂号督办：办件超期未说明" : "挂号督办",
    text: `办件${c.supervision_code ?? ""}已被督办，请于${due}前回复。${input.note ? `督办意见：${input.note}` : ""}`,
    caseId: c.id,
  });
  await recordTimeline(ctx, c.id, "escalated", { public: false, departmentId: c.lead_department_id, data: { automatic: input.automatic } });
  await ctx.audit({ action: "escalation.created", objectType: "escalation", objectId: id, caseId: c.id, newValues: { automatic: input.automatic, note: input.note ?? null, responseDueDate: due } });
  return { id, responseDueDate: due };
}

/** The department's answer to an escalation. */
export async function respondToEscalation(ctx: Ctx, escalationId: string, text: string): Promise<{ id: string; status: "answered" }> {
  const e = await findEscalation(ctx.trx, escalationId);
  if (!e || !allowSeeEscalation(ctx.actor, e.department_id)) {
    throw new AppError(ctx.actor.kind === "anonymous" ? "NOT_LOGGED_IN" : "ESCALATION_NOT_FOUND");
  }
  enforce(ctx.actor, allowAnswerEscalation(ctx.actor, e.department_id));
  if (e.status === "answered") throw new AppError("ESCALATION_ANSWERED");
  await answerEscalation(ctx.trx, e.id, { text, by: requireStaff(ctx.actor).id, at: ctx.now });
  await recordTimeline(ctx, e.case_id, "escalation-answered", { public: false, departmentId: e.department_id });
  await ctx.audit({ action: "escalation.answered", objectType: "escalation", objectId: e.id, caseId: e.case_id, oldValues: { status: "open" }, newValues: { status: "answered", text } });
  return { id: e.id, status: "answered" };
}
