import { sql } from "kysely";
import type { Executor } from "../platform/db.ts";

export const OPEN_CASE_STATUSES = ["accepted", "in_progress", "suspended", "supplement_requested"] as const;

/** Everything the deadline of one case is derived from: its clock events and its version's limits. */
export async function clockEventsOf(db: Executor, caseId: string) {
  const c = await db
    .selectFrom("cases")
    .innerJoin("item_versions as v", "v.id", "cases.item_version_id")
    .select([
      "cases.id", "cases.status", "cases.accepted_at", "cases.received_at", "cases.closed_at", "cases.extension_days",
      "v.promised_days", "v.statutory_days", "v.statutory_extension_days", "v.yellow_days",
    ])
    .where("cases.id", "=", caseId)
    .executeTakeFirst();
  if (!c) return undefined;
  const suspensions = await db.selectFrom("suspensions").select(["start_day", "end_day", "task_id", "automatic"]).where("case_id", "=", caseId).orderBy("started_at").execute();
  return { ...c, suspensions };
}

export async function storeCaseClock(db: Executor, caseId: string, v: { due: string | null; yellowFrom: string | null; light: string | null; suspended: boolean }) {
  await db
    .updateTable("cases")
    .set({ due_date: v.due, yellow_from: v.yellowFrom, light: v.light as never, suspended: v.suspended })
    .where("id", "=", caseId)
    .execute();
}

export function openTasksOfCase(db: Executor, caseId: string) {
  return db.selectFrom("tasks").select(["id", "opened_at", "working_days", "clock_stopped"]).where("case_id", "=", caseId).where("status", "in", ["open", "claimed"]).execute();
}

export async function storeTaskClock(db: Executor, taskId: string, v: { due: string; yellowFrom: string; light: string | null }) {
  await db.updateTable("tasks").set({ due_date: v.due, yellow_from: v.yellowFrom, light: v.light as never }).where("id", "=", taskId).execute();
}

/** How many cases, tasks and escalations a lights pass changed. */
export interface LightCounts {
  cases: number;
  tasks: number;
  escalations: number;
}

export interface LightsRefreshed extends LightCounts {
  /** The cases whose light changed: what is kept of them follows (cases/sweep.ts). */
  caseIds: string[];
}

/**
 * The lights of every open case, task and escalation as of `today`, from their stored dates, one
 * set-based statement each. With `since` (the last day refreshed, not after today) only rows whose
 * yellow or due date fell in (since, today] can change: a narrow range on the partial indexes, so
 * a quiet day costs next to nothing. Without it (first run, or the clock was set back) every open
 * row is checked. Rows without a light yet get theirs from refreshCaseClock.
 */
export async function refreshLights(db: Executor, today: string, since?: string, limit?: number): Promise<LightsRefreshed> {
  const light = sql`(case when due_date < ${today} then 'red' when yellow_from <= ${today} then 'yellow' else 'green' end)`;
  const changing =
    since && since <= today
      ? sql`((light = 'green' and yellow_from > ${since} and yellow_from <= ${today})
          or (light in ('green', 'yellow') and due_date >= ${since} and due_date < ${today}))`
      : sql`light is distinct from ${light}`;
  // With a limit, at most that many rows of each: a changed row no longer matches, so the next call takes the next ones.
  const some = (table: "cases" | "tasks", open: ReturnType<typeof sql>) =>
    limit === undefined ? sql`${changing} and ${open}` : sql`id in (select id from ${sql.table(table)} where ${changing} and ${open} limit ${sql.lit(limit)})`;
  const cases = await sql<{ id: string }>`
    update cases set light = ${light}
    where ${some("cases", sql`status in ('accepted', 'in_progress', 'supplement_requested') and not suspended and due_date is not null`)}
    returning id`.execute(db);
  const tasks = await sql`
    update tasks set light = ${light}
    where ${some("tasks", sql`status in ('open', 'claimed') and not clock_stopped and due_date is not null`)}`.execute(db);
  const escalations = await sql`
    update escalations set light = (case when response_due_date < ${today} then 'red' when response_yellow_from <= ${today} then 'yellow' else 'green' end)
    where status = 'open'
      and light is distinct from (case when response_due_date < ${today} then 'red' when response_yellow_from <= ${today} then 'yellow' else 'green' end)`.execute(db);
  return { cases: cases.rows.length, caseIds: cases.rows.map((r) => r.id), tasks: Number(tasks.numAffectedRows ?? 0), escalations: Number(escalations.numAffectedRows ?? 0) };
}

const REFRESHED_SETTING = "lights_refreshed_through";

export async function lightsRefreshedThrough(db: Executor): Promise<string | undefined> {
  const row = await db.selectFrom("platform_settings").select("value").where("key", "=", REFRESHED_SETTING).executeTakeFirst();
  return (row?.value as unknown as string | undefined) ?? undefined;
}

export async function setLightsRefreshedThrough(db: Executor, day: string) {
  await db
    .insertInto("platform_settings")
    .values({ key: REFRESHED_SETTING, value: JSON.stringify(day) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(day) }))
    .execute();
}

/** Open cases with a deadline: all of them need their due dates recomputed after a calendar change. */
export function openCaseIds(db: Executor, afterId: string | null, limit: number) {
  let q = db.selectFrom("cases").select("id").where("status", "in", [...OPEN_CASE_STATUSES]).where("accepted_at", "is not", null).orderBy("id").limit(limit);
  if (afterId) q = q.where("id", ">", afterId);
  return q.execute();
}
