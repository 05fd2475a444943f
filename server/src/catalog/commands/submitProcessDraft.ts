import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import type { ProcessStep } from "../../platform/schema.ts";
import { allowManageItem, enforce } from "../../policy/index.ts";
import { findDraft, insertAgreements, updateDraft } from "../processRepository.ts";
import { involvedDepartmentIds } from "../processRules.ts";
import { findItemName } from "../repository.ts";
import { publishProcessDraft } from "./publishProcessDraft.ts";
import { notifyDepartment } from "../../platform/notify.ts";

/**
 * Submits a draft: a process that involves other departments waits for each of them to agree (R10);
 * one that involves nobody else is published at once.
 */
export async function submitProcessDraft(ctx: Ctx, draftId: string): Promise<{ id: string; status: string; version?: number }> {
  const draft = await findDraft(ctx.trx, draftId);
  if (!draft) throw new AppError("NOT_FOUND");
  const item = await findItemName(ctx.trx, draft.item_id);
  enforce(ctx.actor, allowManageItem(ctx.actor, item.department_id), { visible: false });
  if (draft.status !== "draft") throw new AppError("DRAFT_STATE_CONFLICT", { status: draft.status });
  const others = involvedDepartmentIds(draft.steps as unknown as ProcessStep[], draft.assisting_department_ids, item.department_id);
  if (!others.length) return publishProcessDraft(ctx, draftId);
  await insertAgreements(ctx.trx, draftId, others, newId);
  await updateDraft(ctx.trx, draftId, { status: "awaiting-agreement", updated_at: ctx.now });
  const { name } = item;
  for (const d of others) {
    await notifyDepartment(ctx, d, "department-admin", { title: `流程调整征求意见：${name}`, text: `“${name}”的办理流程拟调整，涉及贵部门，请在工作台确认是否同意。` });
  }
  await ctx.audit({ action: "process.draft-submitted", objectType: "process-draft", objectId: draftId, newValues: { awaiting: others } });
  return { id: draftId, status: "awaiting-agreement" };
}
