import type { CaseResult } from "@cq/contracts";
import { tellApplicant } from "../../platform/applicantNotices.ts";
import { issueCertificate } from "../../certificates/issueCertificate.ts";
import { certificateDraft } from "../certificateDraft.ts";
import { particularsToStore, resolveParticulars, validUntilOf } from "../../certificates/particulars.ts";
import { insertCaseResult } from "../../certificates/repository.ts";
import { caseValues, issueCaseDocument, noticeFacts } from "../noticeFacts.ts";
import { printedDay } from "../../documents/templates/render.ts";
import { shanghaiDay } from "../../platform/clock.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { refreshCaseClock } from "../../clock/caseClock.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { advance } from "../engine.ts";
import { updateCase } from "../repository.ts";
import { deliveryWords, pickupPlaceOf, tellIfReadyForPickup } from "../deliveryChoice.ts";
import { deliveryChoiceOfCase } from "../deliveryChoiceRepository.ts";
import { completeTaskRow, tasksOfCase } from "../taskRepository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { transition } from "../workflow.ts";
import { flagDecision } from "../../supervision/detect.ts";
import { requireStaff } from "../../platform/actor.ts";
import { personalDataOf } from "../../platform/personalData.ts";

/**
 * The decision (审批决定) of the lead department's decider, once every earlier step is done: approval
 * issues the certificate into the library with its particulars (the draft pre-filled from the case,
 * overridden by those the decider gives; `certificates/particulars.ts`), denial states its reasons
 * and the applicant's rights.
 */
export async function decideCase(
  ctx: Ctx,
  caseId: string,
  input: { result: CaseResult; reasons?: string; particulars?: Record<string, string> },
): Promise<{ status: "decided"; documentId: string; certificates: { certificateNo: string }[] }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "decide", true);
  const to = transition(c.status, "decide");
  const tasks = await tasksOfCase(ctx.trx, c.id);
  const me = requireStaff(ctx.actor).id;
  const decideTask = tasks.find((t) => t.kind === "decide" && (t.status === "open" || (t.status === "claimed" && t.claimed_by === me)));
  const othersOpen = tasks.some((t) => t.kind !== "decide" && (t.status === "open" || t.status === "claimed"));
  if (!decideTask || othersOpen) throw new AppError("DECISION_NOT_READY");
  if (input.result === "denied" && !input.reasons?.trim()) throw new AppError("VALIDATION_FAILED", { field: "reasons" });

  const facts = await noticeFacts(ctx, c);
  const { version, dept, applicant, item } = facts;
  const pd = personalDataOf(ctx.deps.config);
  const draft = input.result === "approved" ? await certificateDraft(ctx.trx, pd, c, requireStaff(ctx.actor).name, ctx.now) : null;
  if (!draft && input.particulars && Object.keys(input.particulars).length) {
    throw new AppError("CERTIFICATE_PARTICULARS_INVALID", { fields: Object.keys(input.particulars) });
  }
  const resolved = draft ? resolveParticulars(draft.definition, draft.values, input.particulars) : null;
  if (resolved?.invalid.length) throw new AppError("CERTIFICATE_PARTICULARS_INVALID", { fields: resolved.invalid });
  await completeTaskRow(ctx, c.id, decideTask.id, me, {
    outcome: input.result === "approved" ? "pass" : "fail",
    opinion: input.reasons ?? "准予许可",
    attachments: "[]",
    record: null,
    at: ctx.now,
  });
  await updateCase(ctx.trx, c.id, { status: to, result: input.result, decided_at: ctx.now, updated_at: ctx.now });

  const code = c.supervision_code ?? "";
  const certificates: { certificateNo: string }[] = [];
  let certificateNo: string | null = null;
  if (draft && resolved) {
    const cert = await issueCertificate(ctx, {
      caseId: c.id,
      type: draft.type,
      name: draft.name,
      holder: { id: applicant.id, name: applicant.name, code: applicant.credit_code ?? applicant.id_number ?? "" },
      department: { id: dept.id, name: dept.name, shortName: dept.short_name, regionCode: dept.region_code },
      supervisionCode: code,
      validYears: draft.validYears,
      itemName: item.name,
      licence: { heading: draft.definition.layout.heading.zh, particulars: particularsToStore(draft.definition, resolved.values) },
      values: await caseValues(ctx, c, version),
    });
    certificateNo = cert.certificateNo;
    certificates.push({ certificateNo });
  }
  // Without a certificate or reasons, the paragraphs naming them are left out (`fillTemplate`).
  const documentId = await issueCaseDocument(ctx, c, facts, input.result === "approved" ? "approval-decision" : "denial-decision", {
    values: {
      审批结果: version.result,
      决定理由: input.reasons?.trim() ?? "",
      证照编号: certificateNo ?? "",
      证照名称: draft ? draft.definition.layout.heading.zh : "",
      有效期至: draft?.validYears ? printedDay(validUntilOf(shanghaiDay(ctx.now), draft.validYears)) : "",
    },
  });
  await insertCaseResult(ctx.trx, {
    id: newId(), case_id: c.id, department_id: dept.id, result: input.result, document_id: documentId, certificate_no: certificateNo,
    recorded_by: me, recorded_at: ctx.now,
  });
  // The notice says how the result will reach the applicant, as they chose (or asks them to choose).
  const choice = await deliveryChoiceOfCase(ctx.trx, c.id);
  const delivery = deliveryWords(choice?.method, choice?.method === "pickup" ? await pickupPlaceOf(ctx.trx, c) : undefined);
  await tellApplicant(ctx, applicant, input.result === "approved" ? "case.approved" : "case.denied", { item: item.name, code, delivery }, c.id);
  await recordTimeline(ctx, c.id, "decided", { public: true, departmentId: dept.id, data: { result: input.result, documentId } });
  ctx.event({ type: "case.decided", caseId: c.id, data: { decision: { result: input.result, certificateNos: certificates.map((x) => x.certificateNo) } } });
  await ctx.audit({
    action: "case.decided",
    objectType: "case",
    objectId: c.id,
    caseId: c.id,
    oldValues: { status: c.status },
    newValues: { status: to, result: input.result, reasons: input.reasons ?? null, documentId, certificates },
  });
  await flagDecision(ctx, c, me, await tasksOfCase(ctx.trx, c.id));
  const decided = { ...c, status: to, result: input.result };
  await tellIfReadyForPickup(ctx, decided);
  await advance(ctx, decided, version, decideTask.step_index);
  await refreshCaseClock(ctx, c.id);
  return { status: "decided", documentId, certificates };
}
