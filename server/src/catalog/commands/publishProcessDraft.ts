import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowManageItem, enforce } from "../../policy/index.ts";
import { findItemName } from "../repository.ts";
import { agreementsOfDraft, findDraft, publishVersion, updateDraft } from "../processRepository.ts";
import { involvedDepartmentIds } from "../processRules.ts";
import type { ProcessStep } from "../../platform/schema.ts";

/**
 * Publishes a draft as the item's next version. Open cases keep the version they were filed under
 * (R9); new applications use this one. Refused while an involved department has not agreed.
 */
export async function publishProcessDraft(ctx: Ctx, draftId: string): Promise<{ id: string; status: "published"; version: number }> {
  const draft = await findDraft(ctx.trx, draftId);
  if (!draft) throw new AppError("NOT_FOUND");
  const item = await findItemName(ctx.trx, draft.item_id);
  enforce(ctx.actor, allowManageItem(ctx.actor, item.department_id), { visible: false });
  if (draft.status === "published" || draft.status === "discarded") throw new AppError("DRAFT_STATE_CONFLICT", { status: draft.status });
  const others = involvedDepartmentIds(draft.steps as unknown as ProcessStep[], draft.assisting_department_ids, item.department_id);
  const agreements = await agreementsOfDraft(ctx.trx, draftId);
  // Every involved department must have agreed to this very draft: a draft not yet submitted, or
  // edited since (back to "draft"), has no standing agreement.
  const waiting =
    draft.status === "draft" && others.length
      ? others.map((d) => ({ department_id: d, department_name: agreements.find((a) => a.department_id === d)?.department_name ?? d, status: "pending" }))
      : agreements.filter((a) => a.status !== "agreed");
  if (waiting.length) throw new AppError("AGREEMENT_PENDING", { departments: waiting.map((a) => ({ id: a.department_id, name: a.department_name, status: a.status })) });
  const versionId = newId();
  const version = await publishVersion(
    ctx.trx,
    { itemId: item.id, baseVersionId: draft.base_version_id, newVersionId: versionId, steps: JSON.stringify({ steps: draft.steps }), assistingDepartmentIds: draft.assisting_department_ids, at: ctx.now },
    newId,
  );
  await updateDraft(ctx.trx, draftId, { status: "published", published_version_id: versionId, updated_at: ctx.now });
  await ctx.audit({ action: "process.published", objectType: "item", objectId: item.id, newValues: { version, versionId, draftId } });
  return { id: draftId, status: "published", version };
}
