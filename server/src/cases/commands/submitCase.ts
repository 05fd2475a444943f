import { findVersion, materialsOfVersion } from "../../catalog/repository.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import type { FormField } from "../../platform/schema.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { missingFields, missingMaterials } from "../completeness.ts";
import { activeUploads, updateCase } from "../repository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { transition } from "../workflow.ts";

/** Submits a complete application; the day of receipt starts the Art. 32 five-day window. */
export async function submitCase(ctx: Ctx, caseId: string): Promise<{ status: "submitted" }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "edit", true);
  const to = transition(c.status, "submit");
  const version = await findVersion(ctx.trx, c.item_version_id);
  const fields = missingFields(version.form_fields as unknown as FormField[], c.form_data as Record<string, unknown>);
  const missing = missingMaterials(await materialsOfVersion(ctx.trx, c.item_version_id), await activeUploads(ctx.trx, c.id));
  if (missing.length) throw new AppError("MATERIALS_MISSING", { missing, ...(fields.length ? { fields } : {}) });
  if (fields.length) throw new AppError("FORM_INCOMPLETE", { fields });

  await updateCase(ctx.trx, c.id, { status: to, submitted_at: ctx.now, received_at: ctx.now, updated_at: ctx.now });
  await recordTimeline(ctx, c.id, "submitted", { public: true, departmentId: c.lead_department_id });
  await ctx.audit({ action: "case.submitted", objectType: "case", objectId: c.id, caseId: c.id, oldValues: { status: c.status }, newValues: { status: to } });
  return { status: "submitted" };
}

