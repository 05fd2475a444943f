import { caseDeadline, refreshCaseClock } from "../../clock/caseClock.ts";
import { tellApplicant } from "../../platform/applicantNotices.ts";
import { updateCase } from "../repository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { transition } from "../workflow.ts";
import { shanghaiDay } from "../../platform/clock.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { issueCaseDocument, noticeFacts } from "../noticeFacts.ts";
import type { SuspensionKind } from "@cq/contracts";
import { suspensionKindNames, suspensionKindNamesEn } from "../../clock/suspensions.ts";
import { endSuspensionRow, findSuspension, insertSuspension } from "../../clock/suspensionRepository.ts";
import { requireStaff } from "../../platform/actor.ts";

/**
 * Stops the clock (中断, R35): the case is suspended from today, the applicant is told in writing
 * for what and how long, and the days until it resumes are not counted.
 */
export async function suspendCase(ctx: Ctx, caseId: string, input: { kind: SuspensionKind; reason: string; expectedWorkingDays: number }): Promise<{ id: string }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "suspend", true);
  const to = transition(c.status, "suspend");
  const facts = await noticeFacts(ctx, c);
  const { dept, applicant, item } = facts;
  const today = shanghaiDay(ctx.now);
  const what = suspensionKindNames[input.kind];
  const documentId = await issueCaseDocument(ctx, c, facts, "suspension-notice", {
    values: { 中止原因: `${what}（${input.reason}）`, 预计时长: `${input.expectedWorkingDays}个工作日` },
  });
  const id = newId();
  await insertSuspension(ctx.trx, {
    id, case_id: c.id, kind: input.kind, reason: input.reason, expected_working_days: input.expectedWorkingDays, automatic: false, task_id: null,
    start_day: today, started_at: ctx.now, started_by: requireStaff(ctx.actor).id, end_day: null, ended_at: null, ended_by: null, document_id: documentId,
  });
  await updateCase(ctx.trx, c.id, { status: to, updated_at: ctx.now });
  await tellApplicant(ctx, applicant, "case.suspended", {
    item: item.name, code: c.supervision_code ?? "", kind: { zh: what, en: suspensionKindNamesEn[input.kind] }, reason: input.reason,
    length: { zh: `${input.expectedWorkingDays}个工作日`, en: `${input.expectedWorkingDays} working day(s)` },
  }, c.id);
  await recordTimeline(ctx, c.id, "suspended", { public: true, departmentId: dept.id, data: { kind: input.kind, reason: input.reason, expectedWorkingDays: input.expectedWorkingDays } });
  ctx.event({ type: "case.suspended", caseId: c.id, data: { suspension: { id, kind: input.kind, expectedWorkingDays: input.expectedWorkingDays, automatic: false } } });
  await ctx.audit({ action: "case.suspended", objectType: "suspension", objectId: id, caseId: c.id, oldValues: { status: c.status }, newValues: { status: to, ...input, documentId } });
  await refreshCaseClock(ctx, c.id);
  return { id };
}

/** Resumes the clock: the resume day counts like a new start day. */
export async function endSuspension(ctx: Ctx, caseId: string, suspensionId: string): Promise<{ id: string; status: string }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "suspend", true);
  const s = await findSuspension(ctx.trx, c.id, suspensionId);
  if (!s || s.automatic) throw new AppError("NOT_FOUND");
  if (s.end_day) throw new AppError("CASE_STATE_CONFLICT", { reason: "already-ended" });
  const to = transition(c.status, "resume");
  await endSuspensionRow(ctx.trx, s.id, { endDay: shanghaiDay(ctx.now), at: ctx.now, by: requireStaff(ctx.actor).id });
  await updateCase(ctx.trx, c.id, { status: to, updated_at: ctx.now });
  const { applicant, item } = await noticeFacts(ctx, c);
  await recordTimeline(ctx, c.id, "resumed", { public: true, departmentId: c.lead_department_id, data: { kind: s.kind } });
  ctx.event({ type: "case.resumed", caseId: c.id, data: { suspension: { id: s.id, kind: s.kind, automatic: false } } });
  await ctx.audit({ action: "case.resumed", objectType: "suspension", objectId: s.id, caseId: c.id, oldValues: { status: c.status }, newValues: { status: to } });
  await refreshCaseClock(ctx, c.id);
  const due = (await caseDeadline(ctx.trx, c.id, ctx.now))?.dueDate ?? "";
  await tellApplicant(ctx, applicant, "case.resumed", { item: item.name, code: c.supervision_code ?? "", due }, c.id);
  return { id: s.id, status: to };
}
