import { sql } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { DayException } from "./calendar.ts";

export function loadExceptions(db: Executor): Promise<DayException[]> {
  return db.selectFrom("calendar_days").select(["date", "workday", "kind", "note"]).execute();
}

/** The calendar's version: a cached copy is reused until a day is added or edited (it is raised in the same transaction). */
export async function calendarStamp(db: Executor): Promise<number> {
  const row = await db.selectFrom("calendar_version").select("version").where("id", "=", 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}

/** Every writer of calendar_days calls this in its transaction. */
async function raiseCalendarVersion(db: Executor) {
  await sql`update calendar_version set version = nextval('calendar_version_seq') where id = 1`.execute(db);
}

export async function insertPackageYear(db: Executor, year: number, days: DayException[], at: Date) {
  if (days.length) {
    await db
      .insertInto("calendar_days")
      .values(days.map((d) => ({ date: d.date, workday: d.workday, kind: d.kind, note: d.note, source: "chinese-days" as const, updated_at: at, updated_by: null })))
      .onConflict((oc) => oc.column("date").doNothing())
      .execute();
    await raiseCalendarVersion(db);
  }
  await db.insertInto("calendar_years").values({ year, source: "chinese-days", maintained_at: at, maintained_by: null }).onConflict((oc) => oc.column("year").doNothing()).execute();
}

export function findDay(db: Executor, date: string) {
  return db.selectFrom("calendar_days").selectAll().where("date", "=", date).executeTakeFirst();
}

export async function upsertDay(db: Executor, d: DayException & { at: Date; by: string }) {
  await db
    .insertInto("calendar_days")
    .values({ date: d.date, workday: d.workday, kind: d.kind, note: d.note, source: "admin", updated_at: d.at, updated_by: d.by })
    .onConflict((oc) => oc.column("date").doUpdateSet({ workday: d.workday, kind: d.kind, note: d.note, source: "admin", updated_at: d.at, updated_by: d.by }))
    .execute();
  await raiseCalendarVersion(db);
}

export async function markYearMaintained(db: Executor, year: number, at: Date, by: string) {
  await db
    .insertInto("calendar_years")
    .values({ year, source: "admin", maintained_at: at, maintained_by: by })
    .onConflict((oc) => oc.column("year").doUpdateSet({ source: "admin", maintained_at: at, maintained_by: by }))
    .execute();
}

export function maintainedYears(db: Executor) {
  return db.selectFrom("calendar_years").selectAll().orderBy("year").execute();
}

export function exceptionsInRange(db: Executor, from: string, to: string) {
  return db.selectFrom("calendar_days").selectAll().where("date", ">=", from).where("date", "<=", to).orderBy("date").execute();
}
