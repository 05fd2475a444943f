import type { Executor } from "../platform/db.ts";
import { WorkCalendar } from "./calendar.ts";
import { calendarStamp, loadExceptions } from "./repository.ts";

let cached: { version: number; calendar: WorkCalendar } | undefined;

/** The calendar as stored now; reloaded only when a day was added or edited since the last call. */
export async function currentCalendar(db: Executor): Promise<WorkCalendar> {
  return calendarAtVersion(db, await calendarStamp(db));
}

/**
 * The calendar at a version the caller has just read (e.g. in the same statement as its case): the
 * copy in memory when it is that version, else loaded once.
 */
export async function calendarAtVersion(db: Executor, version: number): Promise<WorkCalendar> {
  if (cached?.version === version) return cached.calendar;
  const calendar = new WorkCalendar(await loadExceptions(db));
  cached = { version, calendar };
  return calendar;
}
