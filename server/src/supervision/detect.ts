import { currentCalendar } from "../clock/calendarCache.ts";
import { shanghaiDay } from "../platform/clock.ts";
import type { Ctx } from "../audit/command.ts";
import { newId } from "../platform/ids.ts";
import type { CaseRow, TaskRow } from "../platform/schema.ts";
import { insertFlag } from "./repository.ts";

/** Steps whose work is the review before a decision. */
const REVIEW_KINDS = new Set(["review", "offline", "third-party", "co-handle", "push"]);
/** All review steps recorded within this window count as one burst. */
const BURST_MINUTES = 30;
/** A burst this many working days or more after acceptance looks like back-filling. */
const BURST_AFTER_WORKING_DAYS = 3;

export interface DecisionEvidence {
  acceptedDay: string;
  reviewTasks: { name: string; completedAt: string | null; completedBy: string | null }[];
  deciderId: string;
}

/**
 * Signs of off-platform handling (体外循环, R38) visible when a decision is recorded: every review
 * step recorded in one burst long after acceptance, or no review by anyone but the decider.
 * Pure: returns the flags to raise.
 */
export function decisionFlags(e: DecisionEvidence, workingDaysSinceAcceptance: (day: string) => number) {
  const flags: { kind: "burst-after-acceptance" | "decision-without-review"; evidence: Record<string, unknown> }[] = [];
  const byOthers = e.reviewTasks.filter((t) => t.completedBy && t.completedBy !== e.deciderId);
  if (byOthers.length === 0) {
    flags.push({ kind: "decision-without-review", evidence: { reviewSteps: e.reviewTasks.length, reason: e.reviewTasks.length ? "all-by-decider" : "no-review-step" } });
  }
  const times = e.reviewTasks.map((t) => t.completedAt).filter((x): x is string => !!x).sort();
  if (times.length >= 2) {
    const first = new Date(times[0]!).getTime();
    const last = new Date(times[times.length - 1]!).getTime();
    const lag = workingDaysSinceAcceptance(times[0]!);
    if (last - first <= BURST_MINUTES * 60_000 && lag >= BURST_AFTER_WORKING_DAYS) {
      flags.push({ kind: "burst-after-acceptance", evidence: { steps: times.length, firstRecordedAt: times[0], lastRecordedAt: times[times.length - 1], workingDaysAfterAcceptance: lag } });
    }
  }
  return flags;
}

/** Raises the decision-time flags of a case, from its tasks as they stand, inside the decision's transaction. */
export async function flagDecision(ctx: Ctx, c: CaseRow, deciderId: string, caseTasks: TaskRow[]): Promise<void> {
  if (!c.accepted_at) return;
  const calendar = await currentCalendar(ctx.trx);
  const acceptedDay = shanghaiDay(c.accepted_at);
  const tasks = caseTasks.filter((t) => REVIEW_KINDS.has(t.kind) && t.status === "done");
  const flags = decisionFlags(
    {
      acceptedDay,
      deciderId,
      reviewTasks: tasks.map((t) => ({ name: t.name, completedAt: t.completed_at?.toISOString() ?? null, completedBy: t.completed_by })),
    },
    (iso) => calendar.workingDaysBetween(acceptedDay, shanghaiDay(new Date(iso))),
  );
  for (const f of flags) {
    await insertFlag(ctx.trx, { id: newId(), case_id: c.id, certificate_no: null, department_id: c.lead_department_id, kind: f.kind, evidence: JSON.stringify(f.evidence), created_at: ctx.now });
    await ctx.audit({ action: "flag.raised", objectType: "case", objectId: c.id, caseId: c.id, newValues: { kind: f.kind, ...f.evidence } });
  }
}
