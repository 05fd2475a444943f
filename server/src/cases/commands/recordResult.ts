import type { CaseResult } from "@cq/contracts";
import { caseValues } from "../noticeFacts.ts";
import { findDepartment, findItemName, findVersion } from "../../catalog/repository.ts";
import { issueCertificate } from "../../certificates/issueCertificate.ts";
import { certificateDraft } from "../certificateDraft.ts";
import { particularsToStore } from "../../certificates/particulars.ts";
import { insertCaseResult, resultsOfCase } from "../../certificates/repository.ts";
import { findUserById } from "../../identity/repository.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowIssueFor, enforce } from "../../policy/index.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { tellIfReadyForPickup } from "../deliveryChoice.ts";
import { notifyDepartment } from "../../platform/notify.ts";
import { requireStaff } from "../../platform/actor.ts";
import { personalDataOf } from "../../platform/personalData.ts";

/**
 * An assisting department issues its own result for a joint case (e.g. a licence of its own); the
 * lead department collects every result and delivers them together (R31).
 */
export async function recordResult(
  ctx: Ctx,
  caseId: string,
  input: { departmentId: string; result: CaseResult; certificateType?: string; certificateName?: string; validYears?: number },
): Promise<{ id: string; certificateNo: string | null }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "record", true);
  enforce(ctx.actor, allowIssueFor(ctx.actor, input.departmentId, { deciderOnly: true }));
  const version = await findVersion(ctx.trx, c.item_version_id);
  if (!version.result_department_ids.includes(input.departmentId)) throw new AppError("RESULT_NOT_EXPECTED");
  if (!["in_progress", "decided"].includes(c.status)) throw new AppError("CASE_STATE_CONFLICT", { status: c.status });
  if ((await resultsOfCase(ctx.trx, c.id)).some((r) => r.department_id === input.departmentId)) throw new AppError("RESULT_ALREADY_RECORDED");
  const [dept, applicant, item] = await Promise.all([findDepartment(ctx.trx, input.departmentId), findUserById(ctx.trx, personalDataOf(ctx.deps.config), c.applicant_id), findItemName(ctx.trx, c.item_id)]);
  if (!dept || !applicant) throw new Error("missing department or applicant");
  let certificateNo: string | null = null;
  let documentId: string | null = null;
  if (input.result === "approved" && input.certificateType) {
    // The department's own certificate states the particulars the case gives (pre-filled as for a decision).
    const name = input.certificateName ?? input.certificateType;
    const draft = await certificateDraft(ctx.trx, personalDataOf(ctx.deps.config), c, requireStaff(ctx.actor).name, ctx.now, {
      departmentId: dept.id, type: input.certificateType, name, validYears: input.validYears ?? null,
    });
    const cert = await issueCertificate(ctx, {
      caseId: c.id,
      type: input.certificateType,
      name,
      holder: { id: applicant.id, name: applicant.name, code: applicant.credit_code ?? applicant.id_number ?? "" },
      department: { id: dept.id, name: dept.name, shortName: dept.short_name, regionCode: dept.region_code },
      supervisionCode: c.supervision_code ?? "",
      validYears: draft?.validYears ?? input.validYears ?? null,
      itemName: item.name,
      ...(draft ? { licence: { heading: draft.definition.layout.heading.zh, particulars: particularsToStore(draft.definition, draft.values) } } : {}),
      values: await caseValues(ctx, c, version),
    });
    certificateNo = cert.certificateNo;
    documentId = cert.documentId;
  }
  const id = newId();
  const me = requireStaff(ctx.actor).id;
  await insertCaseResult(ctx.trx, { id, case_id: c.id, department_id: dept.id, result: input.result, document_id: documentId, certificate_no: certificateNo, recorded_by: me, recorded_at: ctx.now });
  await notifyDepartment(ctx, c.lead_department_id, "clerk", { title: "协办部门审批结果已出具", text: `${dept.name}已出具办件${c.supervision_code ?? ""}的审批结果。`, caseId: c.id });
  await recordTimeline(ctx, c.id, "result-recorded", { public: true, departmentId: dept.id, data: { result: input.result } });
  // The last result of a decided case: one who chose pick-up is told it is ready.
  await tellIfReadyForPickup(ctx, c);
  await ctx.audit({ action: "case.result-recorded", objectType: "case-result", objectId: id, caseId: c.id, newValues: { departmentId: dept.id, result: input.result, certificateNo } });
  return { id, certificateNo };
}
