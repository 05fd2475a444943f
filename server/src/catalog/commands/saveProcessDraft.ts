import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import type { ProcessStep } from "../../platform/schema.ts";
import { allowManageItem, enforce } from "../../policy/index.ts";
import { findDraft, insertDraft, resetAgreements, updateDraft } from "../processRepository.ts";
import { checkProcess } from "../processRules.ts";
import { findItemWithVersion } from "../repository.ts";
import { requireStaff } from "../../platform/actor.ts";

export interface ProcessDraftInput {
  steps: ProcessStep[];
  assistingDepartmentIds: string[];
}

/** Saves a department admin's draft of an item's process (new, or an edit of an open draft). */
export async function saveProcessDraft(ctx: Ctx, itemId: string, draftId: string | null, input: ProcessDraftInput): Promise<{ id: string; status: "draft" }> {
  const item = await findItemWithVersion(ctx.trx, itemId);
  if (!item) throw new AppError("ITEM_NOT_FOUND");
  enforce(ctx.actor, allowManageItem(ctx.actor, item.department_id));
  await checkProcess(ctx.trx, input.steps, { promisedDays: item.promised_days, assisting: input.assistingDepartmentIds, leadId: item.department_id });
  const steps = JSON.stringify(input.steps);
  if (draftId) {
    const draft = await findDraft(ctx.trx, draftId);
    if (!draft || draft.item_id !== itemId) throw new AppError("NOT_FOUND");
    // Editing a draft that others were asked about puts it back to draft: they must agree again.
    if (draft.status !== "draft" && draft.status !== "awaiting-agreement") throw new AppError("DRAFT_STATE_CONFLICT", { status: draft.status });
    await updateDraft(ctx.trx, draftId, { steps, assisting_department_ids: input.assistingDepartmentIds, status: "draft", updated_at: ctx.now });
    await resetAgreements(ctx.trx, draftId);
    await ctx.audit({ action: "process.draft-saved", objectType: "process-draft", objectId: draftId, oldValues: { steps: draft.steps }, newValues: { steps: input.steps } });
    return { id: draftId, status: "draft" };
  }
  const id = newId();
  await insertDraft(ctx.trx, {
    id, item_id: itemId, base_version_id: item.version_id, steps, assisting_department_ids: input.assistingDepartmentIds, status: "draft",
    created_by: requireStaff(ctx.actor).id, created_at: ctx.now, updated_at: ctx.now, published_version_id: null,
  });
  await ctx.audit({ action: "process.draft-saved", objectType: "process-draft", objectId: id, newValues: { itemId, steps: input.steps } });
  return { id, status: "draft" };
}
