import type { Ctx } from "../../audit/command.ts";
import { findUserById } from "../../identity/repository.ts";
import { requireStaff } from "../../platform/actor.ts";
import { tellApplicant } from "../../platform/applicantNotices.ts";
import { shanghaiDay } from "../../platform/clock.ts";
import { AppError } from "../../platform/errors.ts";
import { personalDataOf } from "../../platform/personalData.ts";
import { allowAnswerConsultation, enforce } from "../../policy/index.ts";
import { answerConsultationRow } from "../consultationRepository.ts";
import { loadConsultation } from "./loadConsultation.ts";

const KIND = { question: { zh: "咨询", en: "question" }, suggestion: { zh: "建议", en: "suggestion" } } as const;

/** The assignee (or the department's head or admin) answers under their own name; the asker is told in their language (R33). */
export async function answerConsultation(ctx: Ctx, id: string, text: string): Promise<{ id: string }> {
  const c = await loadConsultation(ctx, id);
  enforce(ctx.actor, allowAnswerConsultation(ctx.actor, { departmentId: c.department_id, assigneeId: c.assignee_id }));
  const staff = requireStaff(ctx.actor);
  if (c.status !== "open" || !(await answerConsultationRow(ctx.trx, id, { text, by: staff.id, at: ctx.now }))) throw new AppError("CONSULTATION_ANSWERED");
  const late = shanghaiDay(ctx.now) > c.reply_due_date;
  await ctx.audit({ action: "consultation.answered", objectType: "consultation", objectId: id, caseId: c.case_id, newValues: { text, late } });
  const applicant = await findUserById(ctx.trx, personalDataOf(ctx.deps.config), c.applicant_id);
  await tellApplicant(ctx, applicant, "consultation.answered", { department: c.department_name, kind: KIND[c.kind], subject: c.subject, answerer: staff.name }, c.case_id ?? undefined, {
    zh: `答复：${text}`,
    en: `Answer: ${text}`,
  });
  return { id };
}
