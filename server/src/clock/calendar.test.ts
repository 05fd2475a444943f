import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DayException, isWeekend, parseDay, WorkCalendar } from "./calendar.ts";

/**
 * The calendar answers by table (prefix sums of working days). These properties hold it to the
 * definitions, counted day by day here with the Date object, independently of the table.
 */
const DAY = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);
const referenceWorkday = (exceptions: Map<string, boolean>, day: string) => {
  const e = exceptions.get(day);
  if (e !== undefined) return e;
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
};

const from = Date.UTC(2019, 0, 1);
const arbDay = fc.integer({ min: 0, max: 365 * 12 }).map((i) => dayOf(from + i * DAY));
const arbExceptions = fc.uniqueArray(fc.record({ date: arbDay, workday: fc.boolean() }), { selector: (e) => e.date, maxLength: 80 });

function build(list: { date: string; workday: boolean }[]) {
  const exceptions: DayException[] = list.map((e) => ({ ...e, kind: e.workday ? "makeup-workday" : "holiday", note: null }));
  return { cal: new WorkCalendar(exceptions), map: new Map(list.map((e) => [e.date, e.workday])) };
}

describe("WorkCalendar by table", () => {
  it("counts working days in (from, to] as a day-by-day count does", () => {
    fc.assert(
      fc.property(arbExceptions, arbDay, arbDay, (list, a, b) => {
        const { cal, map } = build(list);
        let n = 0;
        for (let t = parseDay(a) + DAY; t <= parseDay(b); t += DAY) if (referenceWorkday(map, dayOf(t))) n++;
        expect(cal.workingDaysBetween(a, b)).toBe(n);
      }),
    );
  });

  it("finds the n-th working day after and before a day as stepping day by day does", () => {
    fc.assert(
      fc.property(arbExceptions, arbDay, fc.integer({ min: 0, max: 90 }), (list, day, n) => {
        const { cal, map } = build(list);
        let t = parseDay(day);
        for (let left = n; left > 0; ) if (referenceWorkday(map, dayOf((t += DAY)))) left--;
        expect(cal.addWorkingDays(day, n)).toBe(dayOf(t));
        t = parseDay(day);
        for (let left = n; left > 0; ) if (referenceWorkday(map, dayOf((t -= DAY)))) left--;
        expect(cal.subtractWorkingDays(day, n)).toBe(dayOf(t));
      }),
    );
  });

  it("still answers outside its table, day by day", () => {
    const cal = new WorkCalendar([]);
    expect(cal.addWorkingDays("2199-12-30", 3)).toBe("2200-01-02"); // Wed 30, Thu 31, then Wed 1 and Thu 2 of 2200
    expect(cal.workingDaysBetween("1989-12-29", "1990-01-02")).toBe(2);
    expect(cal.subtractWorkingDays("1990-01-02", 2)).toBe("1989-12-29");
  });

  it("reads only real days", () => {
    for (const bad of ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "20260101", "0050-01-01", "2026-01-0x", "2026-04-31"]) {
      expect(() => parseDay(bad), bad).toThrow(RangeError);
    }
    expect(parseDay("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
    expect(isWeekend("1969-12-27")).toBe(true); // a Saturday before the epoch
    expect(isWeekend("1969-12-29")).toBe(false);
  });
});
