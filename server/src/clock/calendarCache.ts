import type { Executor } from "../platform/db.ts";
import { WorkCalendar } from "./calendar.ts";
import { calendarStamp, loadExceptions } from "./repository.ts";

/**
 * One copy per database: keyed by the handle's adapter, which a Kysely instance makes once and its
 * transactions share, so two databases opened in one process (tests, a restore drill) never share a
 * calendar that only happens to carry the same version number.
 */
const cached = new WeakMap<object, { version: number; calendar: WorkCalendar }>();

/** The calendar as stored now; reloaded only when a day was added or edited since the last call. */
export async function currentCalendar(db: Executor): Promise<WorkCalendar> {
  return calendarAtVersion(db, await calendarStamp(db));
}

/**
 * The calendar at a version the caller has just read (e.g. in the same statement as its case): the
 * copy in memory when it is that version, else loaded once.
 */
export async function calendarAtVersion(db: Executor, version: number): Promise<WorkCalendar> {
  const key = db.getExecutor().adapter;
  const hit = cached.get(key);
  if (hit?.version === version) return hit.calendar;
  const calendar = new WorkCalendar(await loadExceptions(db));
  cached.set(key, { version, calendar });
  return calendar;
}
