import type { Executor } from "../platform/db.ts";
import { WorkCalendar } from "./calendar.ts";
import { calendarStamp, loadExceptions } from "./repository.ts";

let cached: { stamp: string; calendar: WorkCalendar } | undefined;

/** The calendar as stored now; reloaded only when a day was added or edited since the last call. */
export async function currentCalendar(db: Executor): Promise<WorkCalendar> {
  const stamp = await calendarStamp(db);
  if (cached?.stamp === stamp) return cached.calendar;
  const calendar = new WorkCalendar(await loadExceptions(db));
  cached = { stamp, calendar };
  return calendar;
}
