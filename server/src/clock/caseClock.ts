import { shanghaiDay } from "../platform/clock.ts";
import type { Ctx } from "../audit/command.ts";
import type { Executor } from "../platform/db.ts";
import { currentCalendar } from "./calendarCache.ts";
import { clockEventsOf, OPEN_CASE_STATUSES, openTasksOfCase, storeCaseClock, storeTaskClock } from "./clockRepository.ts";
import { computeDeadline, type Deadline } from "./deadline.ts";

const TASK_YELLOW_DAYS = 1;

/** The deadline of a case as of `now`, from its stored clock events, or null before acceptance. */
export async function caseDeadline(db: Executor, caseId: string, now: Date): Promise<Deadline | null> {
  const c = await clockEventsOf(db, caseId);
  if (!c?.accepted_at) return null;
  const calendar = await currentCalendar(db);
  // A closed case's clock stopped on the day it closed.
  const today = shanghaiDay(c.closed_at && c.closed_at < now ? c.closed_at : now);
  return computeDeadline({
    startDay: shanghaiDay(c.accepted_at),
    limitDays: c.promised_days,
    extensionDays: c.extension_days,
    suspensions: c.suspensions.map((s) => ({ startDay: s.start_day, endDay: s.end_day })),
    yellowDays: c.yellow_days,
    today,
    calendar,
  });
}

/**
 * Stores the due dates and lights of a case and its open tasks, so that "all red cases of
 * department X" is an indexed query. Called on every clock event of the case.
 */
export async function refreshCaseClock(ctx: Ctx, caseId: string): Promise<Deadline | null> {
  const c = await clockEventsOf(ctx.trx, caseId);
  if (!c) return null;
  const d = await caseDeadline(ctx.trx, caseId, ctx.now);
  const open = (OPEN_CASE_STATUSES as readonly string[]).includes(c.status);
  // The light and suspension feed the supervision counters, also when no audit entry names the case.
  ctx.caseChanged(caseId);
  await storeCaseClock(ctx.trx, caseId, {
    due: d?.dueDate ?? null,
    yellowFrom: d?.yellowFrom ?? null,
    light: d && open ? d.light : null,
    suspended: d?.suspended ?? false,
  });
  const calendar = await currentCalendar(ctx.trx);
  const today = shanghaiDay(ctx.now);
  for (const t of await openTasksOfCase(ctx.trx, caseId)) {
    const opened = shanghaiDay(t.opened_at);
    // Case suspensions after the task opened move its due date too; its own Art. 45 step keeps it off the lights.
    const suspensions = c.suspensions.filter((s) => (s.end_day ?? today) > opened).map((s) => ({ startDay: s.start_day < opened ? opened : s.start_day, endDay: s.end_day }));
    const td = computeDeadline({ startDay: opened, limitDays: t.working_days, suspensions, yellowDays: TASK_YELLOW_DAYS, today, calendar });
    await storeTaskClock(ctx.trx, t.id, { due: td.dueDate, yellowFrom: td.yellowFrom, light: t.clock_stopped || c.status === "suspended" || td.suspended ? null : td.light });
  }
  return d;
}
