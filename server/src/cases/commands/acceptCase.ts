import { printedDay } from "../../documents/templates/render.ts";
import { tellApplicant } from "../../platform/applicantNotices.ts";
import { shanghaiDay, shanghaiYear } from "../../platform/clock.ts";
import type { Ctx } from "../../audit/command.ts";
import type { CaseRow } from "../../platform/schema.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { updateCase } from "../repository.ts";
import { generateSupervisionCode } from "../../caseRecord/supervisionCode.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { transition } from "../workflow.ts";
import { openStepTasks, recordAcceptTask, stepsOf } from "../engine.ts";
import { stepAfterAccept } from "../routing.ts";
import { caseDeadline, refreshCaseClock } from "../../clock/caseClock.ts";
import { issueCaseDocument, noticeFacts } from "../noticeFacts.ts";

/** Accepts a submitted case (R23): issues its supervision code and the acceptance notice. */
export async function acceptCase(ctx: Ctx, caseId: string): Promise<{ status: "accepted" | "in_progress"; supervisionCode: string; documentId: string }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "accept", true);
  return performAcceptance(ctx, c, { deemed: false });
}

/**
 * The acceptance itself, by a clerk or — when nobody answered within five working days — by the
 * platform (deemed acceptance, Art. 32), dated the day the application was received.
 */
export async function performAcceptance(ctx: Ctx, c: CaseRow, opts: { deemed: boolean }): Promise<{ status: "accepted" | "in_progress"; supervisionCode: string; documentId: string }> {
  const to = transition(c.status, "accept");
  const acceptedAt = opts.deemed ? (c.received_at ?? ctx.now) : ctx.now;
  const code = await freshSupervisionCode(ctx, c.region_code);
  const facts = await noticeFacts(ctx, c);
  const { version, applicant, item } = facts;

  // The first step after acceptance opens at once, and the case is in progress (API.md): one write of the row.
  const steps = stepsOf(version);
  const next = stepAfterAccept(steps);
  const status = next === null ? "accepted" : (transition(to, "start") as "in_progress");
  await updateCase(ctx.trx, c.id, {
    status, supervision_code: code, accepted_at: acceptedAt, deemed_accepted: opts.deemed, updated_at: ctx.now,
    ...(next === null ? {} : { current_step_id: steps[next]!.id }),
  });
  // Why it is accepted: the materials were complete, or the department let five working days pass (deemed).
  const grounds = opts.deemed
    ? `本机关未在五个工作日内告知需要补正的内容，根据《中华人民共和国行政许可法》第三十二条的规定，自收到申请材料之日（${printedDay(shanghaiDay(c.received_at ?? ctx.now))}）起即为受理`
    : "申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定予以受理";
  const documentId = await issueCaseDocument(ctx, { ...c, supervision_code: code, accepted_at: acceptedAt }, facts, "acceptance-notice", {
    values: { 受理情形: grounds },
  });
  await recordTimeline(ctx, c.id, opts.deemed ? "deemed-accepted" : "accepted", { public: true, departmentId: c.lead_department_id, data: { supervisionCode: code, documentId } });
  ctx.event({ type: "case.accepted", caseId: c.id, data: { deemed: opts.deemed, acceptedAt: acceptedAt.toISOString() } });
  const accepted = { ...c, status: to, supervision_code: code, accepted_at: acceptedAt };
  await recordAcceptTask(ctx, accepted, version);
  if (next !== null) await openStepTasks(ctx, { ...accepted, status }, version, next);
  await refreshCaseClock(ctx, c.id);
  const due = (await caseDeadline(ctx.trx, c.id, ctx.now))?.dueDate ?? "";
  await tellApplicant(ctx, applicant, "case.accepted", { item: item.name, code, due }, c.id);
  await ctx.audit({
    action: opts.deemed ? "case.deemed-accepted" : "case.accepted",
    objectType: "case",
    objectId: c.id,
    caseId: c.id,
    oldValues: { status: c.status },
    newValues: { status, supervisionCode: code, documentId, deemed: opts.deemed, acceptedAt: acceptedAt.toISOString() },
  });
  return { status, supervisionCode: code, documentId };
}

/**
 * A supervision code no case holds yet. Nine random symbols a region and year: at millions of
 * cases a year in one region two draws meet now and then (the benchmark's generator met one at 4.5M),
 * so a taken code is drawn again, as the reference number is.
 */
async function freshSupervisionCode(ctx: Ctx, regionCode: string): Promise<string> {
  for (;;) {
    const candidate = generateSupervisionCode(regionCode, shanghaiYear(ctx.now));
    const taken = await ctx.trx.selectFrom("cases").select("id").where("supervision_code", "=", candidate).executeTakeFirst();
    if (!taken) return candidate;
  }
}
