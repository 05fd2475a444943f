/**
 * The working-day calendar (工作日 / 调休). Days are `YYYY-MM-DD` strings in Asia/Shanghai; only the
 * days that differ from "Monday to Friday work, weekends off" are stored as exceptions.
 */
import type { DayKind } from "@cq/contracts";

export type { DayKind };

export interface DayException {
  date: string;
  workday: boolean;
  kind: DayKind;
  note: string | null;
}

const DAY_MS = 86_400_000;

export function parseDay(day: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a date: ${day}`);
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  if (new Date(t).toISOString().slice(0, 10) !== day) throw new RangeError(`not a date: ${day}`);
  return t;
}

export const formatDay = (t: number): string => new Date(t).toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => formatDay(parseDay(day) + n * DAY_MS);
export const isWeekend = (day: string): boolean => {
  const dow = new Date(parseDay(day)).getUTCDay();
  return dow === 0 || dow === 6;
};

export class WorkCalendar {
  private readonly exceptions: Map<string, DayException>;

  constructor(exceptions: Iterable<DayException>) {
    this.exceptions = new Map([...exceptions].map((e) => [e.date, e]));
  }

  isWorkday(day: string): boolean {
    const e = this.exceptions.get(day);
    return e ? e.workday : !isWeekend(day);
  }

  describe(day: string): { date: string; workday: boolean; kind: DayKind; note?: string } {
    const e = this.exceptions.get(day);
    if (e) return { date: day, workday: e.workday, kind: e.kind, ...(e.note ? { note: e.note } : {}) };
    return isWeekend(day) ? { date: day, workday: false, kind: "weekend" } : { date: day, workday: true, kind: "workday" };
  }

  /** The n-th working day after `day` (the start day itself is not counted); n = 0 gives `day`. */
  addWorkingDays(day: string, n: number): string {
    if (n < 0) throw new RangeError("n must be >= 0");
    let d = day;
    for (let left = n; left > 0; ) {
      d = addDays(d, 1);
      if (this.isWorkday(d)) left--;
    }
    return d;
  }

  /** The n-th working day before `day` (not counting `day`). */
  subtractWorkingDays(day: string, n: number): string {
    let d = day;
    for (let left = n; left > 0; ) {
      d = addDays(d, -1);
      if (this.isWorkday(d)) left--;
    }
    return d;
  }

  /** Working days in the half-open range (from, to]; 0 when `to` is not after `from`. */
  workingDaysBetween(from: string, to: string): number {
    if (to <= from) return 0;
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkday(d)) n++;
    return n;
  }
}
