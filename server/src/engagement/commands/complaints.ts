import { currentCalendar } from "../../clock/calendarCache.ts";
import { findDepartment } from "../../catalog/repository.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { findUserById } from "../../identity/repository.ts";
import { shanghaiDay } from "../../platform/clock.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { smsApplicant, notifyDepartment, notifyUser } from "../../platform/notify.ts";
import { allowComplain, allowReplyComplaint, allowSeeComplaint, enforce } from "../../policy/index.ts";
import { findComplaint, insertComplaint, replyToComplaint } from "../complaintRepository.ts";
import { requireApplicant, requireStaff } from "../../platform/actor.ts";
import { personalDataOf } from "../../platform/personalData.ts";

/** The day by which the department must reply: the configured working days after today. */
export async function replyDueDate(ctx: Ctx): Promise<string> {
  const calendar = await currentCalendar(ctx.trx);
  return calendar.addWorkingDays(shanghaiDay(ctx.now), ctx.deps.config.complaintReplyDays);
}

/** Opens a complaint (or, from a bad evaluation, a work order) for a department to answer in time. */
export async function openComplaint(
  ctx: Ctx,
  c: { kind: "complaint" | "evaluation"; applicantId: string; caseId: string | null; departmentId: string; subject: string; text: string },
): Promise<{ id: string; replyDueDate: string }> {
  const id = newId();
  const due = await replyDueDate(ctx);
  await insertComplaint(ctx.trx, {
    id, kind: c.kind, applicant_id: c.applicantId, case_id: c.caseId, department_id: c.departmentId, subject: c.subject, text: c.text,
    created_at: ctx.now, reply_due_date: due, status: "open", reply_text: null, replied_by: null, replied_at: null,
  });
  await notifyDepartment(ctx, c.departmentId, "department-head", {
    title: c.kind === "evaluation" ? `差评整改：${c.subject}` : `投诉待答复：${c.subject}`,
    text: `请于${due}前答复。${c.text}`,
    ...(c.caseId ? { caseId: c.caseId } : {}),
  });
  return { id, replyDueDate: due };
}

/** An applicant complains about a case of theirs or about a department (R33). */
export async function fileComplaint(
  ctx: Ctx,
  input: { subject: string; text: string; caseId?: string | undefined; departmentId?: string | undefined },
): Promise<{ id: string; replyDueDate: string }> {
  enforce(ctx.actor, allowComplain(ctx.actor));
  const applicantId = requireApplicant(ctx.actor).id;
  let departmentId = input.departmentId ?? null;
  if (input.caseId) {
    const c = await loadCaseFor(ctx.trx, ctx.actor, input.caseId, "read");
    departmentId ??= c.lead_department_id;
  }
  if (!departmentId) throw new AppError("COMPLAINT_TARGET_REQUIRED");
  if (!(await findDepartment(ctx.trx, departmentId))) throw new AppError("NOT_FOUND", { field: "departmentId" });
  const out = await openComplaint(ctx, { kind: "complaint", applicantId, caseId: input.caseId ?? null, departmentId, subject: input.subject, text: input.text });
  await ctx.audit({ action: "complaint.filed", objectType: "complaint", objectId: out.id, caseId: input.caseId ?? null, newValues: { departmentId, subject: input.subject, replyDueDate: out.replyDueDate } });
  return out;
}

/** The department's head or admin answers, under their own name; the applicant is told (R33). */
export async function replyComplaint(ctx: Ctx, id: string, text: string): Promise<{ id: string }> {
  const c = await findComplaint(ctx.trx, id, { lock: true });
  if (!c || !allowSeeComplaint(ctx.actor, { applicantId: c.applicant_id, departmentId: c.department_id })) {
    throw new AppError(ctx.actor.kind === "anonymous" ? "NOT_LOGGED_IN" : "COMPLAINT_NOT_FOUND");
  }
  enforce(ctx.actor, allowReplyComplaint(ctx.actor, c.department_id));
  if (c.status !== "open" || !(await replyToComplaint(ctx.trx, id, { text, by: requireStaff(ctx.actor).id, at: ctx.now }))) {
    throw new AppError("COMPLAINT_REPLIED");
  }
  const late = shanghaiDay(ctx.now) > c.reply_due_date;
  await ctx.audit({ action: "complaint.replied", objectType: "complaint", objectId: id, caseId: c.case_id, newValues: { text, late } });
  await notifyUser(ctx, c.applicant_id, { title: `您的${c.kind === "evaluation" ? "评价" : "投诉"}已答复：${c.subject}`, text, ...(c.case_id ? { caseId: c.case_id } : {}) });
  await smsApplicant(ctx, await findUserById(ctx.trx, personalDataOf(ctx.deps.config), c.applicant_id), `【重庆市网上行政审批平台】${c.department_name}已答复您的${c.kind === "evaluation" ? "评价" : "投诉"}“${c.subject}”，请登录平台查看。`);
  return { id };
}
