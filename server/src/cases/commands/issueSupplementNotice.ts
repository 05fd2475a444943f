import { materialsOfVersion } from "../../catalog/repository.ts";
import { tellApplicant } from "../../platform/applicantNotices.ts";
import { refreshCaseClock } from "../../clock/caseClock.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { updateCase } from "../repository.ts";
import { findNoticeOfRound, insertNotice } from "../supplementRepository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { requireStaff } from "../../platform/actor.ts";
import { issueCaseDocument, noticeFacts } from "../noticeFacts.ts";

export interface SupplementItem {
  materialId?: string;
  reason: string;
}

/**
 * The one-time notice to supplement or correct (补齐补正一次性告知书, R22, Art. 32): every missing or
 * wrong material at once. A second notice in the same round is refused.
 */
export async function issueSupplementNotice(ctx: Ctx, caseId: string, items: SupplementItem[]): Promise<{ status: "supplement_requested"; documentId: string }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "request-supplement", true);
  // While the applicant answers a notice, or once this round had its notice, a second one is refused.
  if (c.status === "supplement_requested" || (await findNoticeOfRound(ctx.trx, c.id, c.round))) {
    throw new AppError("SUPPLEMENT_ALREADY_REQUESTED", { round: c.round });
  }
  if (c.status !== "submitted" && c.status !== "in_progress") throw new AppError("CASE_STATE_CONFLICT", { status: c.status });
  const materials = await materialsOfVersion(ctx.trx, c.item_version_id);
  const named = items.map((i) => {
    if (!i.materialId) return { reason: i.reason };
    const m = materials.find((x) => x.id === i.materialId);
    if (!m) throw new AppError("MATERIAL_NOT_FOUND", { materialId: i.materialId });
    return { materialId: m.id, name: m.name, reason: i.reason };
  });
  const facts = await noticeFacts(ctx, c);
  const { applicant, item } = facts;
  const documentId = await issueCaseDocument(ctx, c, facts, "supplement-notice", {
    values: { 补正项数: String(named.length) },
    table: { header: ["序号", "材料", "补齐补正要求"], rows: named.map((n, i) => [String(i + 1), n.name ?? "—", n.reason]) },
  });
  const me = requireStaff(ctx.actor).id;
  await insertNotice(ctx.trx, {
    id: newId(), case_id: c.id, round: c.round, department_id: c.lead_department_id, task_id: null, requested_by: me,
    items: JSON.stringify(named), document_id: documentId, created_at: ctx.now, answered_at: null, answered_by: null,
  });
  // Materials uploaded from now on belong to the supplement round.
  await updateCase(ctx.trx, c.id, { status: "supplement_requested", supplement_return_status: c.status, round: c.round + 1, updated_at: ctx.now });
  await tellApplicant(ctx, applicant, "case.supplement-requested", {
    item: item.name, ref: c.reference_no ?? c.supervision_code ?? "", count: String(named.length), list: named.map((n) => n.name ?? n.reason).join("、"),
  }, c.id);
  await recordTimeline(ctx, c.id, "supplement-requested", { public: true, departmentId: c.lead_department_id, data: { items: named.length, documentId } });
  ctx.event({ type: "case.supplement_requested", caseId: c.id, data: { supplement: { items: named.length } } });
  await ctx.audit({ action: "case.supplement-requested", objectType: "case", objectId: c.id, caseId: c.id, oldValues: { status: c.status }, newValues: { status: "supplement_requested", items: named, documentId } });
  await refreshCaseClock(ctx, c.id);
  return { status: "supplement_requested", documentId };
}
