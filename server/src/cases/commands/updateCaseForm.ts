import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { updateCase } from "../repository.ts";
import { isEditable } from "../workflow.ts";

/** Saves the application form of a case that is still being prepared or supplemented. */
export async function updateCaseForm(ctx: Ctx, caseId: string, formData: Record<string, unknown>): Promise<void> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "edit", true);
  if (!isEditable(c.status)) throw new AppError("CASE_STATE_CONFLICT", { status: c.status });
  await updateCase(ctx.trx, c.id, { form_data: JSON.stringify(formData), updated_at: ctx.now });
  await ctx.audit({
    action: "case.form-updated",
    objectType: "case",
    objectId: c.id,
    caseId: c.id,
    oldValues: { formData: c.form_data },
    newValues: { formData },
  });
}
