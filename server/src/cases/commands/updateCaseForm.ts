import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { updateCase } from "../repository.ts";
import { isEditable } from "../workflow.ts";
import { findVersion } from "../../catalog/repository.ts";
import { personalDataOf } from "../../platform/personalData.ts";
import type { FormField } from "../../platform/schema.ts";
import { maskedForm, sealForm } from "../formData.ts";

/** Saves the application form of a case that is still being prepared or supplemented. */
export async function updateCaseForm(ctx: Ctx, caseId: string, formData: Record<string, unknown>): Promise<void> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "edit", true);
  if (!isEditable(c.status)) throw new AppError("CASE_STATE_CONFLICT", { status: c.status });
  const pd = personalDataOf(ctx.deps.config);
  const fields = (await findVersion(ctx.trx, c.item_version_id)).form_fields as unknown as FormField[];
  await updateCase(ctx.trx, c.id, { form_data: JSON.stringify(sealForm(pd, fields, formData, ctx.now)), updated_at: ctx.now });
  await ctx.audit({
    action: "case.form-updated",
    objectType: "case",
    objectId: c.id,
    caseId: c.id,
    oldValues: { formData: maskedForm(pd, fields, c.form_data as Record<string, unknown>) },
    newValues: { formData: maskedForm(pd, fields, formData) },
  });
}
