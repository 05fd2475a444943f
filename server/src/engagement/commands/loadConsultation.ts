import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { allowSeeConsultation } from "../../policy/index.ts";
import { type ConsultationRow, findConsultation } from "../consultationRepository.ts";

/** A question locked for a change, if the caller may know of it (else 404, or 401 when not logged in). */
export async function loadConsultation(ctx: Ctx, id: string): Promise<ConsultationRow> {
  const c = await findConsultation(ctx.trx, id, { lock: true });
  if (!c || !allowSeeConsultation(ctx.actor, { applicantId: c.applicant_id, departmentId: c.department_id })) {
    throw new AppError(ctx.actor.kind === "anonymous" ? "NOT_LOGGED_IN" : "CONSULTATION_NOT_FOUND");
  }
  return c;
}
