import { shanghaiDay } from "../platform/clock.ts";
import type { Ctx } from "../platform/context.ts";
import type { Executor } from "../platform/db.ts";
import { currentCalendar } from "./calendarCache.ts";
import { computeDeadline, type Deadline } from "./deadline.ts";

const OPEN_CASE_STATUSES = ["accepted", "in_progress", "suspended", "supplement_requested"] as const;

/** The deadline of a case as of `now`, from its stored clock events, or null before acceptance. */
export async function caseDeadline(db: Executor, caseId: string, now: Date): Promise<Deadline | null> {
  const c = await db
    .selectFrom("cases")
    .innerJoin("item_versions as v", "v.id", "cases.item_version_id")
    .select(["cases.accepted_at", "cases.status", "v.promised_days", "v.yellow_days"])
    .where("cases.id", "=", caseId)
    .executeTakeFirst();
  if (!c?.accepted_at) return null;
  const calendar = await currentCalendar(db);
  return computeDeadline({
    startDay: shanghaiDay(c.accepted_at),
    limitDays: c.promised_days,
    yellowDays: c.yellow_days,
    today: shanghaiDay(now),
    calendar,
  });
}

/**
 * Stores the due dates and lights of a case and its open tasks, so that "all red cases of
 * department X" is an indexed query. Called on every clock event of the case.
 */
export async function refreshCaseClock(ctx: Ctx, caseId: string): Promise<void> {
  const today = shanghaiDay(ctx.now);
  const calendar = await currentCalendar(ctx.trx);
  const c = await ctx.trx
    .selectFrom("cases")
    .innerJoin("item_versions as v", "v.id", "cases.item_version_id")
    .select(["cases.status", "v.yellow_days"])
    .where("cases.id", "=", caseId)
    .executeTakeFirstOrThrow();
  const d = await caseDeadline(ctx.trx, caseId, ctx.now);
  const open = (OPEN_CASE_STATUSES as readonly string[]).includes(c.status);
  await ctx.trx
    .updateTable("cases")
    .set(d && open ? { due_date: d.dueDate, yellow_from: d.yellowFrom, light: d.light } : { light: null, ...(d ? { due_date: d.dueDate, yellow_from: d.yellowFrom } : {}) })
    .where("id", "=", caseId)
    .execute();
  const tasks = await ctx.trx.selectFrom("tasks").select(["id", "opened_at", "working_days"]).where("case_id", "=", caseId).where("status", "in", ["open", "claimed"]).execute();
  for (const t of tasks) {
    const td = computeDeadline({ startDay: shanghaiDay(t.opened_at), limitDays: t.working_days, yellowDays: Math.min(c.yellow_days, 1), today, calendar });
    await ctx.trx.updateTable("tasks").set({ due_date: td.dueDate, yellow_from: td.yellowFrom, light: c.status === "suspended" ? null : td.light }).where("id", "=", t.id).execute();
  }
}
