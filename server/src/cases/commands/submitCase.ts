import { findItemName, findVersion, materialsOfVersion } from "../../catalog/repository.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import type { FormField } from "../../platform/schema.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { missingFields, missingMaterials } from "../completeness.ts";
import { activeUploads, moveUploads, updateCase } from "../repository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { transition } from "../workflow.ts";

/** Submits a complete application; the day of receipt starts the Art. 32 five-day window. */
export async function submitCase(ctx: Ctx, caseId: string): Promise<{ status: "submitted" }> {
  const loaded = await loadCaseFor(ctx.trx, ctx.actor, caseId, "edit", true);
  const to = transition(loaded.status, "submit");
  const c = loaded.status === "draft" ? { ...loaded, item_version_id: await moveDraftToCurrentVersion(ctx, loaded) } : loaded;
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

/**
 * A draft is submitted under the guide in effect (R11): when a new version took effect after it was
 * started, the draft moves to it, its uploads following their materials by key; uploads for a
 * material the new guide no longer asks for are set aside.
 */
async function moveDraftToCurrentVersion(ctx: Ctx, c: { id: string; item_id: string; item_version_id: string }): Promise<string> {
  const item = await findItemName(ctx.trx, c.item_id);
  const current = item.current_version_id;
  if (!current || current === c.item_version_id) return c.item_version_id;
  const [before, after] = await Promise.all([materialsOfVersion(ctx.trx, c.item_version_id), materialsOfVersion(ctx.trx, current)]);
  const byKey = new Map(after.map((m) => [m.key, m.id]));
  for (const m of before) {
    const target = byKey.get(m.key);
    await moveUploads(ctx.trx, c.id, m.id, target ?? null, ctx.now);
  }
  await updateCase(ctx.trx, c.id, { item_version_id: current, updated_at: ctx.now });
  await ctx.audit({ action: "case.version-moved", objectType: "case", objectId: c.id, caseId: c.id, oldValues: { itemVersionId: c.item_version_id }, newValues: { itemVersionId: current } });
  return current;
}
