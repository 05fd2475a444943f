import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { allowAssignConsultation, enforce } from "../../policy/index.ts";
import { departmentStaff, setConsultationAssignee } from "../consultationRepository.ts";
import { loadConsultation } from "./loadConsultation.ts";
import { tellAssignee } from "./tellAssignee.ts";

/** The department's head or admin hands an open question to another staff member of the department, who is told (R33). */
export async function reassignConsultation(ctx: Ctx, id: string, assigneeId: string): Promise<{ id: string }> {
  const c = await loadConsultation(ctx, id);
  enforce(ctx.actor, allowAssignConsultation(ctx.actor, c.department_id));
  if (c.status !== "open") throw new AppError("CONSULTATION_ANSWERED");
  const staff = await departmentStaff(ctx.trx, c.department_id);
  if (!staff.some((s) => s.id === assigneeId)) throw new AppError("CONSULTATION_ASSIGNEE_INVALID");
  if (assigneeId === c.assignee_id) return { id };
  await setConsultationAssignee(ctx.trx, id, assigneeId);
  await tellAssignee(ctx, assigneeId, { kind: c.kind, subject: c.subject, dueDate: c.reply_due_date, caseId: c.case_id });
  await ctx.audit({ action: "consultation.assigned", objectType: "consultation", objectId: id, caseId: c.case_id, oldValues: { assigneeId: c.assignee_id }, newValues: { assigneeId } });
  return { id };
}
