import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { findUpload, markUploadRemoved } from "../repository.ts";
import { findNoticeOfRound } from "../supplementRepository.ts";
import { isRemovableUpload, noticeMaterialIds } from "../supersession.ts";
import { isEditable } from "../workflow.ts";

/**
 * Withdraws an upload from a case still being prepared, or — while a supplement notice is answered —
 * a file of a material the notice names; the file and its record stay for the audit.
 */
export async function removeMaterial(ctx: Ctx, caseId: string, uploadId: string): Promise<void> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "edit", true);
  if (!isEditable(c.status)) throw new AppError("CASE_STATE_CONFLICT", { status: c.status });
  const upload = await findUpload(ctx.trx, c.id, uploadId);
  if (!upload || upload.removed_at) throw new AppError("NOT_FOUND");
  // The notice answered now was issued in the previous round.
  const named = c.status === "supplement_requested" ? noticeMaterialIds(await findNoticeOfRound(ctx.trx, c.id, c.round - 1)) : new Set<string>();
  // Other materials of an earlier round were already reviewed: they stay.
  if (!isRemovableUpload(upload, c, named)) throw new AppError("CASE_STATE_CONFLICT", { reason: "earlier-round" });
  await markUploadRemoved(ctx.trx, upload.id, ctx.now);
  await ctx.audit({ action: "case.material-removed", objectType: "case-material", objectId: upload.id, caseId: c.id, oldValues: { materialId: upload.material_id, sha256: upload.file_sha256 } });
}
