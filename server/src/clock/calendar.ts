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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (day: string, at: number): number => {
  const c = day.charCodeAt(at) - 48;
  if (c < 0 || c > 9) throw new RangeError(`not a date: ${day}`);
  return c;
};

/** Milliseconds since the epoch of a `YYYY-MM-DD` day at 00:00 UTC; a RangeError for anything else. */
export function parseDay(day: string): number {
  if (day.length !== 10 || day[4] !== "-" || day[7] !== "-") throw new RangeError(`not a date: ${day}`);
  const y = digit(day, 0) * 1000 + digit(day, 1) * 100 + digit(day, 2) * 10 + digit(day, 3);
  const m = digit(day, 5) * 10 + digit(day, 6);
  const d = digit(day, 8) * 10 + digit(day, 9);
  // Date.UTC reads years below 100 as 19xx.
  if (y < 100) throw new RangeError(`not a date: ${day}`);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (m < 1 || m > 12 || d < 1 || d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)) throw new RangeError(`not a date: ${day}`);
  return Date.UTC(y, m - 1, d);
}

export const formatDay = (t: number): string => new Date(t).toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => formatDay(parseDay(day) + n * DAY_MS);
export const isWeekend = (day: string): boolean => {
  const dow = (((parseDay(day) / DAY_MS + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return dow === 0 || dow === 6;
};

/** The days the calendar answers by table lookup; outside them (never in practice) it counts day by day. */
const TABLE_FROM = parseDay("1990-01-01") / DAY_MS;
const TABLE_DAYS = parseDay("2200-01-01") / DAY_MS - TABLE_FROM;

export class WorkCalendar {
  private readonly exceptions: Map<string, DayException>;
  /**
   * `workdaysUpTo[i]`: working days from the table's first day through day i. Built once per calendar
   * version (a few ms), it makes every count a subtraction and every "n-th working day" a binary search:
   * the deadline of every public progress request is computed with it.
   */
  private readonly workdaysUpTo: Int32Array;

  constructor(exceptions: Iterable<DayException>) {
    this.exceptions = new Map([...exceptions].map((e) => [e.date, e]));
    const workday = new Uint8Array(TABLE_DAYS);
    for (let i = 0; i < TABLE_DAYS; i++) {
      const dow = (TABLE_FROM + i + 4) % 7; // 1970-01-01 was a Thursday (4)
      workday[i] = dow !== 0 && dow !== 6 ? 1 : 0;
    }
    for (const e of this.exceptions.values()) {
      const i = parseDay(e.date) / DAY_MS - TABLE_FROM;
      if (i >= 0 && i < TABLE_DAYS) workday[i] = e.workday ? 1 : 0;
    }
    this.workdaysUpTo = new Int32Array(TABLE_DAYS);
    for (let i = 0, n = 0; i < TABLE_DAYS; i++) this.workdaysUpTo[i] = n += workday[i]!;
  }

  /** The table index of a day, or -1 outside the table. */
  private indexOf(day: string): number {
    const i = parseDay(day) / DAY_MS - TABLE_FROM;
    return i >= 1 && i < TABLE_DAYS ? i : -1;
  }

  /** The first table index after `from` whose running count reaches `target`. */
  private firstReaching(target: number, from: number): number {
    let lo = from + 1;
    let hi = TABLE_DAYS - 1;
    if (this.workdaysUpTo[hi]! < target) return -1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.workdaysUpTo[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
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
    if (n === 0) return day;
    const i = this.indexOf(day);
    const j = i < 0 ? -1 : this.firstReaching(this.workdaysUpTo[i]! + n, i);
    if (j >= 0) return formatDay((TABLE_FROM + j) * DAY_MS);
    let d = day;
    for (let left = n; left > 0; ) {
      d = addDays(d, 1);
      if (this.isWorkday(d)) left--;
    }
    return d;
  }

  /** The n-th working day before `day` (not counting `day`). */
  subtractWorkingDays(day: string, n: number): string {
    if (n <= 0) return day;
    const i = this.indexOf(day);
    // Working days strictly before `day`, minus n, plus one: the running count the answer reaches.
    const target = i < 0 ? 0 : this.workdaysUpTo[i - 1]! - n + 1;
    if (i >= 0 && target >= 1) {
      const j = this.firstReaching(target, 0);
      if (j >= 1) return formatDay((TABLE_FROM + j) * DAY_MS);
    }
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
    const i = this.indexOf(from);
    const j = this.indexOf(to);
    if (i >= 0 && j >= 0) return this.workdaysUpTo[j]! - this.workdaysUpTo[i]!;
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkday(d)) n++;
    return n;
  }
}
