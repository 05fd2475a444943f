import type { ConsultationRequest } from "@cq/contracts";
import { currentCalendar } from "../../clock/calendarCache.ts";
import { consultationDeadline } from "../../clock/replyDeadline.ts";
import { findDepartment, findItemWithVersion } from "../../catalog/repository.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import type { Ctx } from "../../audit/command.ts";
import { requireApplicant } from "../../platform/actor.ts";
import { shanghaiDay } from "../../platform/clock.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowAsk, enforce } from "../../policy/index.ts";
import { insertConsultation, leastLoadedStaff } from "../consultationRepository.ts";
import { tellAssignee } from "./tellAssignee.ts";

/** The department that answers: the case's lead department, else the item's, else the one chosen. */
async function answeringDepartment(ctx: Ctx, input: ConsultationRequest): Promise<{ departmentId: string; itemId: string | null; caseId: string | null }> {
  if (input.caseId) {
    const c = await loadCaseFor(ctx.trx, ctx.actor, input.caseId, "read");
    return { departmentId: c.lead_department_id, itemId: c.item_id, caseId: c.id };
  }
  if (input.itemId) {
    const item = await findItemWithVersion(ctx.trx, input.itemId);
    if (!item) throw new AppError("NOT_FOUND", { field: "itemId" });
    return { departmentId: item.department_id, itemId: item.item_id, caseId: null };
  }
  if (!input.departmentId) throw new AppError("CONSULTATION_TARGET_REQUIRED");
  const dept = await findDepartment(ctx.trx, input.departmentId);
  if (!dept || dept.disabled_at) throw new AppError("NOT_FOUND", { field: "departmentId" });
  return { departmentId: dept.id, itemId: null, caseId: null };
}

/**
 * An applicant asks a question (咨询) or makes a suggestion (建议); it is due in the kind's working
 * days and goes to a named staff member of the answering department (R33).
 */
export async function askConsultation(ctx: Ctx, input: ConsultationRequest): Promise<{ id: string; replyDueDate: string; assignee: { name: string } }> {
  enforce(ctx.actor, allowAsk(ctx.actor));
  const applicantId = requireApplicant(ctx.actor).id;
  const target = await answeringDepartment(ctx, input);
  const assignee = await leastLoadedStaff(ctx.trx, target.departmentId);
  if (!assignee) throw new AppError("CONSULTATION_NO_STAFF");
  const { dueDate, yellowFrom } = consultationDeadline(await currentCalendar(ctx.trx), shanghaiDay(ctx.now), input.kind);
  const id = newId();
  await insertConsultation(ctx.trx, {
    id, kind: input.kind, applicant_id: applicantId, item_id: target.itemId, case_id: target.caseId, department_id: target.departmentId,
    subject: input.subject, text: input.text, created_at: ctx.now, reply_due_date: dueDate, yellow_from: yellowFrom, assignee_id: assignee.id,
    status: "open", reply_text: null, replied_by: null, replied_at: null,
  });
  await tellAssignee(ctx, assignee.id, { kind: input.kind, subject: input.subject, dueDate, caseId: target.caseId });
  await ctx.audit({
    action: "consultation.asked", objectType: "consultation", objectId: id, caseId: target.caseId,
    newValues: { kind: input.kind, departmentId: target.departmentId, itemId: target.itemId, subject: input.subject, replyDueDate: dueDate, assigneeId: assignee.id },
  });
  return { id, replyDueDate: dueDate, assignee: { name: assignee.name } };
}
