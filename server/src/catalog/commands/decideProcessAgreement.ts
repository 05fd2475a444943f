import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { allowAgreeForDepartment, enforce } from "../../policy/index.ts";
import { agreementsOfDraft, decideAgreement, findDraft } from "../processRepository.ts";
import { requireStaff } from "../../platform/actor.ts";

/** An involved department agrees to (or rejects) another department's process change (R10). */
export async function decideProcessAgreement(
  ctx: Ctx,
  draftId: string,
  input: { departmentId: string; decision: "agreed" | "rejected"; note?: string },
): Promise<{ draftId: string; departmentId: string; status: string }> {
  const draft = await findDraft(ctx.trx, draftId);
  if (!draft) throw new AppError("NOT_FOUND");
  const agreement = (await agreementsOfDraft(ctx.trx, draftId)).find((a) => a.department_id === input.departmentId);
  if (!agreement) throw new AppError("NOT_FOUND");
  enforce(ctx.actor, allowAgreeForDepartment(ctx.actor, input.departmentId));
  if (draft.status !== "awaiting-agreement" || agreement.status !== "pending") throw new AppError("DRAFT_STATE_CONFLICT", { status: agreement.status });
  await decideAgreement(ctx.trx, draftId, input.departmentId, { status: input.decision, by: requireStaff(ctx.actor).id, at: ctx.now, note: input.note ?? null });
  await ctx.audit({ action: "process.agreement", objectType: "process-draft", objectId: draftId, newValues: { departmentId: input.departmentId, decision: input.decision, note: input.note ?? null } });
  return { draftId, departmentId: input.departmentId, status: input.decision };
}
