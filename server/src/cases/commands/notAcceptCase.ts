import { findItemName, findDepartment } from "../../catalog/repository.ts";
import { issueDocument } from "../../documents/issueDocument.ts";
import { findUserById } from "../../identity/repository.ts";
import { shanghaiDay } from "../../platform/clock.ts";
import type { Ctx } from "../../audit/command.ts";
import { smsApplicant } from "../../platform/notify.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { updateCase } from "../repository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { transition } from "../workflow.ts";
import { personalDataOf } from "../../platform/personalData.ts";

/** Refuses a submitted case with its specific reasons (R24), in a non-acceptance decision. */
export async function notAcceptCase(ctx: Ctx, caseId: string, reasons: string[]): Promise<{ status: "not_accepted"; documentId: string }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "not-accept", true);
  const to = transition(c.status, "not-accept");
  const [department, applicant] = await Promise.all([findDepartment(ctx.trx, c.lead_department_id), findUserById(ctx.trx, personalDataOf(ctx.deps.config), c.applicant_id)]);
  const item = await findItemName(ctx.trx, c.item_id);

  await updateCase(ctx.trx, c.id, { status: to, not_accepted_reasons: JSON.stringify(reasons), updated_at: ctx.now, closed_at: ctx.now });
  const documentId = await issueDocument(ctx, {
    caseId: c.id,
    kind: "non-acceptance-decision",
    departmentId: c.lead_department_id,
    departmentShortName: department?.short_name ?? "",
    issuer: department?.name ?? "",
    recipient: applicant?.name ?? "",
    itemName: item.name,
    paragraphs: [
      `你（单位）于${shanghaiDay(c.submitted_at ?? ctx.now)}提出的“${item.name}”申请，经审查，存在下列情形，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定不予受理：`,
    ],
    table: { header: ["序号", "不予受理的理由"], rows: reasons.map((r, i) => [String(i + 1), r]) },
    footnote: "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。",
  });
  await smsApplicant(ctx, applicant, `【重庆市网上行政审批平台】您申请的“${item.name}”未予受理，理由详见不予受理决定书，请登录平台查看。`);
  await recordTimeline(ctx, c.id, "not-accepted", { public: true, departmentId: c.lead_department_id, data: { reasons, documentId } });
  await ctx.audit({ action: "case.not-accepted", objectType: "case", objectId: c.id, caseId: c.id, oldValues: { status: c.status }, newValues: { status: to, reasons, documentId } });
  return { status: "not_accepted", documentId };
}
