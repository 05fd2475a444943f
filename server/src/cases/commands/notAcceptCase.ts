import type { Ctx } from "../../audit/command.ts";
import { tellApplicant } from "../../platform/applicantNotices.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { updateCase } from "../repository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { transition } from "../workflow.ts";
import { issueCaseDocument, noticeFacts } from "../noticeFacts.ts";

/** Refuses a submitted case with its specific reasons (R24), in a non-acceptance decision. */
export async function notAcceptCase(ctx: Ctx, caseId: string, reasons: string[]): Promise<{ status: "not_accepted"; documentId: string }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "not-accept", true);
  const to = transition(c.status, "not-accept");
  const facts = await noticeFacts(ctx, c);
  const { applicant, item } = facts;

  await updateCase(ctx.trx, c.id, { status: to, not_accepted_reasons: JSON.stringify(reasons), updated_at: ctx.now, closed_at: ctx.now });
  // Before acceptance: the decision is quoted by the reference number, its QR code opens the progress page by it.
  const documentId = await issueCaseDocument(ctx, c, facts, "non-acceptance-decision", {
    values: {},
    table: { header: ["序号", "不予受理的理由"], rows: reasons.map((r, i) => [String(i + 1), r]) },
  });
  await tellApplicant(ctx, applicant, "case.not-accepted", { item: item.name, ref: c.reference_no ?? "", reasons: reasons.join("；") }, c.id);
  await recordTimeline(ctx, c.id, "not-accepted", { public: true, departmentId: c.lead_department_id, data: { reasons, documentId } });
  ctx.event({ type: "case.not_accepted", caseId: c.id });
  await ctx.audit({ action: "case.not-accepted", objectType: "case", objectId: c.id, caseId: c.id, oldValues: { status: c.status }, newValues: { status: to, reasons, documentId } });
  return { status: "not_accepted", documentId };
}
