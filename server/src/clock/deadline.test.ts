import { describe, expect, it } from "vitest";
import { WorkCalendar, type DayException } from "./calendar.ts";
import { computeDeadline, extensionCap, type Light, type Suspension } from "./deadline.ts";
import { packageExceptions } from "./seedCalendar.ts";

/**
 * Hand-checked deadline rows on the real State Council holiday notices:
 *   2025 — 国办发明电〔2024〕12号, 2026 — 国办发明电〔2025〕7号.
 * Every expected value below was counted by hand on a paper calendar (REQUIREMENTS.md, "Law the clock
 * follows" and "How the platform counts"); none is computed with the code under test. The start day of
 * a period is never counted; "(n)" in a comment marks the n-th counted working day.
 *
 * Weekdays used in the comments (Mon-first):
 *   2025-01: Fri 24, Sat 25, Sun 26 (make-up), Mon 27, Tue 28 … Tue Feb 4 off, Sat Feb 8 (make-up)
 *   2025-09/10: Fri Sep 26, Sun 28 (make-up), Tue 30, Wed Oct 1 … Wed Oct 8 off, Sat Oct 11 (make-up)
 *   2026-02: Fri 13, Sat 14 (make-up), Sun 15 … Mon 23 off, Tue 24, Sat 28 (make-up)
 *   2026-09/10: Sun Sep 20 (make-up), Thu 24, Fri 25 – Sun 27 off (中秋), Thu Oct 1 – Wed Oct 7 off, Sat Oct 10 (make-up)
 *   2026-11/12: Fri Nov 27, Mon Nov 30, Fri Dec 4; 2027-01: Fri Jan 1, Mon Jan 4
 */

const cal = new WorkCalendar([...packageExceptions(2025), ...packageExceptions(2026)]);

/** An exception added by an administrator for a year the package does not cover (after 2026). */
const ADMIN_2027: DayException = { date: "2027-01-04", workday: false, kind: "holiday", note: "管理员录入：元旦补假（测试）" };
const cal2027 = new WorkCalendar([...packageExceptions(2025), ...packageExceptions(2026), ADMIN_2027]);

// ---------------------------------------------------------------------------------------------------
// The facts from the two notices, written out by hand.
// ---------------------------------------------------------------------------------------------------

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

const NOTICE_DAYS_OFF: Record<string, string[]> = {
  "2025 元旦": ["2025-01-01"],
  "2025 春节": range("2025-01-28", "2025-02-04"),
  "2025 清明": range("2025-04-04", "2025-04-06"),
  "2025 劳动节": range("2025-05-01", "2025-05-05"),
  "2025 端午": range("2025-05-31", "2025-06-02"),
  "2025 国庆/中秋": range("2025-10-01", "2025-10-08"),
  "2026 元旦": range("2026-01-01", "2026-01-03"),
  "2026 春节": range("2026-02-15", "2026-02-23"),
  "2026 清明": range("2026-04-04", "2026-04-06"),
  "2026 劳动节": range("2026-05-01", "2026-05-05"),
  "2026 端午": range("2026-06-19", "2026-06-21"),
  "2026 中秋": range("2026-09-25", "2026-09-27"),
  "2026 国庆": range("2026-10-01", "2026-10-07"),
};

const NOTICE_MAKEUP_DAYS: Record<string, string> = {
  "2025-01-26": "Sun, 春节",
  "2025-02-08": "Sat, 春节",
  "2025-04-27": "Sun, 劳动节",
  "2025-09-28": "Sun, 国庆",
  "2025-10-11": "Sat, 国庆",
  "2026-01-04": "Sun, 元旦",
  "2026-02-14": "Sat, 春节",
  "2026-02-28": "Sat, 春节",
  "2026-05-09": "Sat, 劳动节",
  "2026-09-20": "Sun, 国庆",
  "2026-10-10": "Sat, 国庆",
};

describe("sanity: the package calendar matches the State Council notices for 2025 and 2026", () => {
  it.each(Object.entries(NOTICE_DAYS_OFF))("%s: every listed day is off", (_name, days) => {
    for (const d of days) expect(cal.isWorkday(d), d).toBe(false);
  });

  it.each(Object.entries(NOTICE_MAKEUP_DAYS))("make-up day %s (%s) is a working day", (day) => {
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    expect(dow === 0 || dow === 6, `${day} is a weekend day`).toBe(true);
    expect(cal.isWorkday(day)).toBe(true);
  });

  it("every other day of 2025 and 2026 follows Monday–Friday (no stray exceptions)", () => {
    const off = new Set(Object.values(NOTICE_DAYS_OFF).flat());
    for (const d of range("2025-01-01", "2026-12-31")) {
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      const expected = d in NOTICE_MAKEUP_DAYS ? true : off.has(d) ? false : dow !== 0 && dow !== 6;
      expect(cal.isWorkday(d), d).toBe(expected);
    }
  });

  it("years after 2026 follow Monday–Friday apart from the admin-edited exception", () => {
    expect(cal2027.isWorkday("2027-01-01")).toBe(true); // Friday; the package data stops at 2026
    expect(cal2027.isWorkday("2027-01-04")).toBe(false); // Monday, made a holiday by hand
    expect(cal2027.isWorkday("2027-01-05")).toBe(true); // ordinary Tuesday
    expect(cal.isWorkday("2027-01-04")).toBe(true); // the plain calendar keeps Mon 2027-01-04 a workday
  });
});

// ---------------------------------------------------------------------------------------------------
// Due dates
// ---------------------------------------------------------------------------------------------------

interface DueRow {
  start: string;
  days: number;
  due: string;
}

function dueOf(c: WorkCalendar, start: string, days: number, extra: { extensionDays?: number; suspensions?: Suspension[] } = {}) {
  return computeDeadline({ startDay: start, limitDays: days, ...extra, yellowDays: 2, today: start, calendar: c });
}

const checkDue = (c: WorkCalendar) => ({ start, days, due }: DueRow) => {
  expect(dueOf(c, start, days).dueDate).toBe(due);
};

describe("due date: plain weeks", () => {
  it.each<DueRow>([
    // README example: Mon 11-30 (1), Tue 12-01 (2), Wed (3), Thu (4), Fri 12-04 (5).
    { start: "2026-11-27", days: 5, due: "2026-12-04" },
    // Tue 03-03 … Fri 03-06 (4), Mon 03-09 (5); no holiday in March 2026.
    { start: "2026-03-02", days: 5, due: "2026-03-09" },
    // Four full weeks from Monday: Mar 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), Mon 03-30 (20).
    { start: "2026-03-02", days: 20, due: "2026-03-30" },
    // Wed → Thu: the next day is the first and only counted day.
    { start: "2025-03-05", days: 1, due: "2025-03-06" },
    // Fri 2025-03-07 + 1: Sat/Sun skipped, Mon 03-10 (1).
    { start: "2025-03-07", days: 1, due: "2025-03-10" },
    // A limit of 0 ends on the start day itself.
    { start: "2026-11-27", days: 0, due: "2026-11-27" },
  ])("$start + $days working days → $due", checkDue(cal));
});

describe("due date: 春节 (Spring Festival)", () => {
  it.each<DueRow>([
    // 2025: Sun 01-26 make-up (1), Mon 01-27 (2), Jan 28–Feb 4 off, Wed 02-05 (3), Thu (4), Fri 02-07 (5).
    { start: "2025-01-24", days: 5, due: "2025-02-07" },
    // 2025: as above, then Sat 02-08 make-up (6).
    { start: "2025-01-24", days: 6, due: "2025-02-08" },
    // 2025: Jan 26 (1), 27 (2), Feb 5–7 (5), Sat Feb 8 (6), Feb 10–14 (11), 17–21 (16), Mon 24 (17), 25 (18), 26 (19), Thu 02-27 (20).
    { start: "2025-01-24", days: 20, due: "2025-02-27" },
    // 2025: last working day before the holiday; next counted day is Wed 02-05.
    { start: "2025-01-27", days: 1, due: "2025-02-05" },
    // 2025: accepted on the make-up Sunday (not counted): Mon 01-27 (1), Wed 02-05 (2).
    { start: "2025-01-26", days: 2, due: "2025-02-05" },
    // 2026: Sat 02-14 is a make-up working day → counted as (1).
    { start: "2026-02-13", days: 1, due: "2026-02-14" },
    // 2026: Sat 02-14 (1), Feb 15–23 off, Tue 24 (2), Wed 25 (3), Thu 26 (4), Fri 02-27 (5).
    { start: "2026-02-13", days: 5, due: "2026-02-27" },
    // 2026: as above, then Sat 02-28 make-up (6).
    { start: "2026-02-13", days: 6, due: "2026-02-28" },
    // 2026: Fri 13 (1), Sat 14 (2), Feb 24–27 (6), Sat 28 (7), Mar 2–6 (12), 9–13 (17), Mon 16 (18), Tue 17 (19), Wed 03-18 (20).
    { start: "2026-02-12", days: 20, due: "2026-03-18" },
    // 2026: accepted on the make-up Saturday (not counted): next counted day is Tue 02-24.
    { start: "2026-02-14", days: 1, due: "2026-02-24" },
  ])("$start + $days working days → $due", checkDue(cal));
});

describe("due date: 国庆 (National Day) and 中秋", () => {
  it.each<DueRow>([
    // 2025: Sun 09-28 is a make-up working day → (1).
    { start: "2025-09-26", days: 1, due: "2025-09-28" },
    // 2025: Sun 28 (1), Mon 29 (2), Tue 30 (3), Oct 1–8 off (国庆 + 中秋), Thu 10-09 (4), Fri 10-10 (5).
    { start: "2025-09-26", days: 5, due: "2025-10-10" },
    // 2025: as above, then Sat 10-11 make-up (6).
    { start: "2025-09-26", days: 6, due: "2025-10-11" },
    // 2025: Oct 9 (1), 10 (2), Sat 11 (3), 13–17 (8), 20–24 (13), 27–31 (18), Mon 11-03 (19), Tue 11-04 (20).
    { start: "2025-09-30", days: 20, due: "2025-11-04" },
    // 2026: Sun 09-20 is a make-up working day → (1).
    { start: "2026-09-18", days: 1, due: "2026-09-20" },
    // 2026: Sun 20 (1), Mon 21 (2), Tue 22 (3), Wed 23 (4), Thu 09-24 (5); the 中秋 break starts the next day.
    { start: "2026-09-18", days: 5, due: "2026-09-24" },
    // 2026 中秋: Thu 24 (1), Fri 25–Sun 27 off, Mon 09-28 (2).
    { start: "2026-09-23", days: 2, due: "2026-09-28" },
    // 2026: Sep 25–27 off, Mon 28 (1), Tue 29 (2), Wed 30 (3), Oct 1–7 off, Thu 10-08 (4), Fri 10-09 (5).
    { start: "2026-09-24", days: 5, due: "2026-10-09" },
    // 2026: as above, then Sat 10-10 make-up (6).
    { start: "2026-09-24", days: 6, due: "2026-10-10" },
    // 2026: Oct 8 (1), 9 (2), Sat 10 (3), 12–16 (8), 19–23 (13), 26–30 (18), Mon 11-02 (19), Tue 11-03 (20).
    { start: "2026-09-30", days: 20, due: "2026-11-03" },
  ])("$start + $days working days → $due", checkDue(cal));
});

describe("due date: 劳动节, 元旦, 清明, 端午", () => {
  it.each<DueRow>([
    // 劳动节 2025: Sun 04-27 make-up (1).
    { start: "2025-04-25", days: 1, due: "2025-04-27" },
    // 劳动节 2025: Sun 27 (1), Mon 28 (2), Tue 29 (3), Wed 30 (4), May 1–5 off, Tue 05-06 (5).
    { start: "2025-04-25", days: 5, due: "2025-05-06" },
    // 劳动节 2025: May 1–5 off; Tue 6 (1), Wed 7 (2), Thu 05-08 (3).
    { start: "2025-04-30", days: 3, due: "2025-05-08" },
    // 劳动节 2026: May 1 (Fri)–5 (Tue) off; Wed 6 (1), Thu 7 (2), Fri 05-08 (3).
    { start: "2026-04-30", days: 3, due: "2026-05-08" },
    // 劳动节 2026: as above, then Sat 05-09 make-up (4).
    { start: "2026-04-30", days: 4, due: "2026-05-09" },
    // 元旦 2025: only Wed Jan 1 off; Thu 01-02 (1), Fri 01-03 (2). (Tue 2024-12-31 is the uncounted start.)
    { start: "2024-12-31", days: 2, due: "2025-01-03" },
    // 元旦 2026: Tue Dec 30 (1), Wed Dec 31 (2), Jan 1–3 off, Sun 01-04 make-up (3), Mon 5 (4), Tue 01-06 (5).
    { start: "2025-12-29", days: 5, due: "2026-01-06" },
    // 元旦 2026: the next working day after Wed Dec 31 is the make-up Sunday 01-04.
    { start: "2025-12-31", days: 1, due: "2026-01-04" },
    // 清明 2025: Fri Apr 4–Sun 6 off; Mon 04-07 (1).
    { start: "2025-04-03", days: 1, due: "2025-04-07" },
    // 清明 2025: Thu 3 (1), Apr 4–6 off, Mon 7 (2), Tue 04-08 (3).
    { start: "2025-04-02", days: 3, due: "2025-04-08" },
    // 清明 2026: Sat Apr 4–Mon 6 off (no make-up day); Tue 04-07 (1).
    { start: "2026-04-03", days: 1, due: "2026-04-07" },
    // 清明 2026: Fri 3 (1), Apr 4–6 off, Tue 7 (2), Wed 8 (3), Thu 9 (4), Fri 04-10 (5).
    { start: "2026-04-02", days: 5, due: "2026-04-10" },
    // 端午 2025: Sat May 31–Mon Jun 2 off; Tue 06-03 (1).
    { start: "2025-05-30", days: 1, due: "2025-06-03" },
    // 端午 2025: Fri 30 (1), May 31–Jun 2 off, Tue 3 (2), Wed 06-04 (3).
    { start: "2025-05-29", days: 3, due: "2025-06-04" },
    // 端午 2026: Fri Jun 19–Sun 21 off; Mon 06-22 (1).
    { start: "2026-06-18", days: 1, due: "2026-06-22" },
    // 端午 2026: Thu 18 (1), Jun 19–21 off, Mon 22 (2), Tue 23 (3), Wed 24 (4), Thu 06-25 (5).
    { start: "2026-06-17", days: 5, due: "2026-06-25" },
  ])("$start + $days working days → $due", checkDue(cal));
});

describe("due date: start on a weekend or a holiday (the start day is never counted)", () => {
  it.each<DueRow>([
    // Sat 11-28: Mon 30 (1), Dec 1 (2), 2 (3), 3 (4), Fri 12-04 (5) — same as a Friday start.
    { start: "2026-11-28", days: 5, due: "2026-12-04" },
    // Sun 03-08: Mon 03-09 (1).
    { start: "2026-03-08", days: 1, due: "2026-03-09" },
    // Wed 2025-01-29 (春节 holiday): Feb 5 (1), 6 (2), Fri 02-07 (3).
    { start: "2025-01-29", days: 3, due: "2025-02-07" },
    // Mon 2026-02-16 (春节 holiday): Tue 24 (1), Wed 25 (2), Thu 02-26 (3).
    { start: "2026-02-16", days: 3, due: "2026-02-26" },
    // Sat 2025-10-04 (国庆 holiday): Thu 10-09 (1), Fri 10-10 (2).
    { start: "2025-10-04", days: 2, due: "2025-10-10" },
    // Fri 2026-05-01 (劳动节): May 6 (1), 7 (2), 8 (3), Sat 9 make-up (4), Mon 05-11 (5).
    { start: "2026-05-01", days: 5, due: "2026-05-11" },
    // Thu 2026-01-01 (元旦): Sun 01-04 make-up (1), Mon 01-05 (2).
    { start: "2026-01-01", days: 2, due: "2026-01-05" },
    // Sun 2026-09-20 is a make-up workday, but as a start day it is not counted: Mon 21 (1), 22 (2), Wed 09-23 (3).
    { start: "2026-09-20", days: 3, due: "2026-09-23" },
  ])("$start + $days working days → $due", checkDue(cal));
});

describe("due date: 2027 with an admin-edited exception (Mon 2027-01-04 off)", () => {
  it.each<DueRow>([
    // No package data after 2026, so Fri 2027-01-01 is an ordinary weekday here → (1).
    { start: "2026-12-31", days: 1, due: "2027-01-01" },
    // Fri Jan 1 (1), weekend, Mon Jan 4 admin holiday, Tue 01-05 (2).
    { start: "2026-12-31", days: 2, due: "2027-01-05" },
    // Mon Jan 4 off; Tue 5 (1), 6 (2), 7 (3), Fri 8 (4), Mon 01-11 (5). (Plain Mon–Fri would give Fri 01-08.)
    { start: "2027-01-01", days: 5, due: "2027-01-11" },
    // Sat 2027-01-02: Mon 4 off, Tue 01-05 (1).
    { start: "2027-01-02", days: 1, due: "2027-01-05" },
  ])("$start + $days working days → $due", checkDue(cal2027));

  it("the same 2027 period without the exception ends one working day earlier", () => {
    // Fri Jan 1 start: Mon 4 (1), Tue 5 (2), Wed 6 (3), Thu 7 (4), Fri 01-08 (5).
    expect(dueOf(cal, "2027-01-01", 5).dueDate).toBe("2027-01-08");
  });
});

// ---------------------------------------------------------------------------------------------------
// Suspensions (Art. 45)
// ---------------------------------------------------------------------------------------------------

interface SuspensionRow {
  name: string;
  start: string;
  days: number;
  suspensions: Suspension[];
  today: string;
  stopped: number;
  due: string;
  suspended: boolean;
  light: Light | null;
  used: number;
}

describe("suspensions: the due date moves later by the working days in (S, R]", () => {
  it.each<SuspensionRow>([
    // Base due Mon 03-30 (see plain weeks). (Wed 03-11, Fri 03-13] = Thu 12, Fri 13 = 2 days → Tue 31 (1), Wed 04-01 (2).
    // Today Thu 03-19: used = Mar 3–6, 9–11 (7) + Mon 16–Thu 19 (4) = 11 of 20 → 9 left, green.
    {
      name: "two days in an ordinary week",
      start: "2026-03-02", days: 20, suspensions: [{ startDay: "2026-03-11", endDay: "2026-03-13" }], today: "2026-03-19",
      stopped: 2, due: "2026-04-01", suspended: false, light: "green", used: 11,
    },
    // Base (Thu 09-10 + 20): Fri 11 (1), Mon 14–Fri 18 (6), Sun 20 make-up (7), 21–24 (11), 中秋 Sep 25–27 off,
    // 28–30 (14), 国庆 Oct 1–7 off, Oct 8, 9 (16), Sat 10 make-up (17), Mon 12 (18), 13 (19), Wed 10-14 (20).
    // Suspension (Wed 09-23, Fri 10-09] = Thu 24, Mon 28, Tue 29, Wed 30, Thu Oct 8, Fri Oct 9 = 6 (中秋 and 国庆 skipped).
    // Oct 14 + 6: Thu 15 (1), Fri 16 (2), Mon 19 … Thu 10-22 (6). Cross-check: 10 used up to S (Sep 11, 14–18, 20–23);
    // 10 left from R: Sat 10 (1), 12–16 (6), 19–22 (10).
    // Today Mon 10-12: used = 10 + Sat 10, Mon 12 = 12.
    {
      name: "across 中秋 and 国庆 2026",
      start: "2026-09-10", days: 20, suspensions: [{ startDay: "2026-09-23", endDay: "2026-10-09" }], today: "2026-10-12",
      stopped: 6, due: "2026-10-22", suspended: false, light: "green", used: 12,
    },
    // Base (Fri 09-26-2025 + 5) = Fri 10-10. The suspension (Wed 10-01, Wed 10-08] lies inside the holiday → 0 days, due unchanged.
    // Today Thu 10-09: used = Sun 28, Mon 29, Tue 30, Thu Oct 9 = 4; remaining 1 ≤ 2 → yellow.
    {
      name: "entirely inside 国庆 2025 removes nothing",
      start: "2025-09-26", days: 5, suspensions: [{ startDay: "2025-10-01", endDay: "2025-10-08" }], today: "2025-10-09",
      stopped: 0, due: "2025-10-10", suspended: false, light: "yellow", used: 4,
    },
    // Base (Mon 2025-01-20 + 10): Tue 21–Fri 24 (4), Sun 26 (5), Mon 27 (6), Feb 5–7 (9), Sat 02-08 (10).
    // Suspension (Fri 01-24, Fri 02-07] = Sun 26, Mon 27, Feb 5, 6, 7 = 5 → Feb 8 + 5 = Mon 10 … Fri 02-14.
    // Today Mon 02-10: used = 4 before S + Sat 8, Mon 10 = 6; remaining (Feb 10, Feb 14] = 4 → green.
    {
      name: "across 春节 2025 including both make-up days' surroundings",
      start: "2025-01-20", days: 10, suspensions: [{ startDay: "2025-01-24", endDay: "2025-02-07" }], today: "2025-02-10",
      stopped: 5, due: "2025-02-14", suspended: false, light: "green", used: 6,
    },
    // Two suspensions: (Tue 03-03, Thu 03-05] = Wed 4, Thu 5 = 2; (Fri 03-20, Fri 03-27] = Mon 23–Fri 27 = 5. Total 7.
    // Base Mon 03-30 + 7: Tue 31 (1), Wed Apr 1 (2), Thu 2 (3), Fri 3 (4), 清明 Apr 4–6 off, Tue 7 (5), Wed 8 (6), Thu 04-09 (7).
    // Today Tue 04-07: used = (Mar 2, Apr 7] = 25 working days − 7 = 18; remaining (Apr 7, Apr 9] = 2 → yellow.
    {
      name: "two suspensions, the due date pushed across 清明 2026",
      start: "2026-03-02", days: 20,
      suspensions: [{ startDay: "2026-03-03", endDay: "2026-03-05" }, { startDay: "2026-03-20", endDay: "2026-03-27" }],
      today: "2026-04-07", stopped: 7, due: "2026-04-09", suspended: false, light: "yellow", used: 18,
    },
    // Still running since Tue 03-10, today Fri 03-13: (Mar 10, Mar 13] = Wed 11, Thu 12, Fri 13 = 3 so far.
    // Due so far Mon 03-30 + 3 = Thu 04-02. Used = Mar 3–6, 9, 10 = 6. Off the lights.
    {
      name: "still running (ordinary week)",
      start: "2026-03-02", days: 20, suspensions: [{ startDay: "2026-03-10", endDay: null }], today: "2026-03-13",
      stopped: 3, due: "2026-04-02", suspended: true, light: null, used: 6,
    },
    // Base (Mon 09-14-2026 + 20): Sep 15–18 (4), Sun 20 (5), 21–24 (9), 28–30 (12), Oct 8, 9 (14), Sat 10 (15), 12–16 (20) → Fri 10-16.
    // Running since Tue 09-29, today Sat 10-03 (国庆): (Sep 29, Oct 3] = Wed 30 only = 1 → Mon 10-19.
    // Used = 11 (Sep 15–18, 20, 21–24, 28, 29). Off the lights.
    {
      name: "still running over 国庆 2026, today a holiday",
      start: "2026-09-14", days: 20, suspensions: [{ startDay: "2026-09-29", endDay: null }], today: "2026-10-03",
      stopped: 1, due: "2026-10-19", suspended: true, light: null, used: 11,
    },
    // One ended (Wed 4, Thu 5 = 2) and one running since Fri 03-20, today Tue 03-24: (Mar 20, Mar 24] = Mon 23, Tue 24 = 2.
    // Due so far Mon 03-30 + 4 = Fri 04-03. Used = (Mar 2, Mar 24] = 16 − 4 = 12. Off the lights.
    {
      name: "an ended and a running suspension",
      start: "2026-03-02", days: 20,
      suspensions: [{ startDay: "2026-03-03", endDay: "2026-03-05" }, { startDay: "2026-03-20", endDay: null }],
      today: "2026-03-24", stopped: 4, due: "2026-04-03", suspended: true, light: null, used: 12,
    },
  ])("$name", ({ start, days, suspensions, today, stopped, due, suspended, light, used }) => {
    const d = computeDeadline({ startDay: start, limitDays: days, suspensions, yellowDays: 2, today, calendar: cal });
    expect(d.suspendedWorkingDays).toBe(stopped);
    expect(d.dueDate).toBe(due);
    expect(d.suspended).toBe(suspended);
    expect(d.light).toBe(light);
    expect(d.usedWorkingDays).toBe(used);
    expect(d.limitDays).toBe(days);
  });
});

// ---------------------------------------------------------------------------------------------------
// Extensions (Art. 42) and the cap
// ---------------------------------------------------------------------------------------------------

describe("extensions add working days to the limit", () => {
  it.each<{ name: string; start: string; days: number; ext: number; suspensions?: Suspension[]; due: string; limit: number }>([
    // Mon 03-02 + 30: 20 → Mon 03-30; Tue 31 (21), Apr 1–3 (24), 清明 Apr 4–6 off, Apr 7–10 (28), Mon 13 (29), Tue 04-14 (30).
    { name: "20 + 10 across 清明 2026", start: "2026-03-02", days: 20, ext: 10, due: "2026-04-14", limit: 30 },
    // Tue 2025-09-30 + 20 = Tue 11-04 (see 国庆 rows); Nov 5–7 (23), 10–14 (28), Mon 17 (29), Tue 11-18 (30).
    { name: "20 + 10 after 国庆 2025", start: "2025-09-30", days: 20, ext: 10, due: "2025-11-18", limit: 30 },
    // Joint handling 45 + 15 from Mon 03-02: 30 at Apr 14; Apr 15–17 (33), 20–24 (38), 27–30 (42), May 1–5 off,
    // May 6–8 (45), Sat 9 make-up (46), 11–15 (51), 18–22 (56), Mon 25 (57), 26 (58), 27 (59), Thu 05-28 (60).
    { name: "45 + 15 (joint handling) across 清明 and 劳动节 2026", start: "2026-03-02", days: 45, ext: 15, due: "2026-05-28", limit: 60 },
    // Joint handling without extension: the 45th day is Fri 05-08 (see the count above).
    { name: "45 without extension ends just before the 劳动节 make-up Saturday", start: "2026-03-02", days: 45, ext: 0, due: "2026-05-08", limit: 45 },
    // 30 days plus 2 suspended days (Thu 12, Fri 13 March): Apr 14 + 2 = Wed 15, Thu 04-16.
    {
      name: "extension and suspension together", start: "2026-03-02", days: 20, ext: 10,
      suspensions: [{ startDay: "2026-03-11", endDay: "2026-03-13" }], due: "2026-04-16", limit: 30,
    },
    // The calculator does not enforce the cap: 20 + 15 = 35 → Apr 14 (30), 15, 16, 17 (33), Mon 20 (34), Tue 04-21 (35).
    { name: "the calculator just adds, even beyond the cap", start: "2026-03-02", days: 20, ext: 15, due: "2026-04-21", limit: 35 },
  ])("$name → $due", ({ start, days, ext, suspensions, due, limit }) => {
    const d = dueOf(cal, start, days, { extensionDays: ext, ...(suspensions ? { suspensions } : {}) });
    expect(d.dueDate).toBe(due);
    expect(d.limitDays).toBe(limit);
  });

  it.each([
    // Art. 42: 20 days, extendable by 10.
    { statutoryDays: 20, statutoryExtensionDays: 10, cap: 30 },
    // Art. 42: joint handling 45 days, extendable by 15.
    { statutoryDays: 45, statutoryExtensionDays: 15, cap: 60 },
    // An item whose own law says otherwise, as recorded on the item (e.g. 10 + 5).
    { statutoryDays: 10, statutoryExtensionDays: 5, cap: 15 },
  ])("extensionCap($statutoryDays + $statutoryExtensionDays) = $cap", ({ statutoryDays, statutoryExtensionDays, cap }) => {
    expect(extensionCap({ statutoryDays, statutoryExtensionDays })).toBe(cap);
  });

  it("a 15-day extension on a 20-day limit exceeds the cap the platform must enforce", () => {
    expect(20 + 15).toBeGreaterThan(extensionCap({ statutoryDays: 20, statutoryExtensionDays: 10 }));
  });
});

// ---------------------------------------------------------------------------------------------------
// Lights, remaining and used working days
// ---------------------------------------------------------------------------------------------------

interface LightRow {
  name: string;
  start: string;
  days: number;
  yellowDays: number;
  suspensions?: Suspension[];
  today: string;
  due: string;
  yellowFrom: string;
  light: Light;
  remaining: number;
  used: number;
}

describe("lights: green → yellow from yellowFrom → red from the day after the due date", () => {
  it.each<LightRow>([
    // README case: due Fri 12-04; yellowFrom = 2 working days before = Wed 12-02.
    // Start day itself: 5 left (Nov 30, Dec 1–4), none used.
    { name: "README case on the start day", start: "2026-11-27", days: 5, yellowDays: 2, today: "2026-11-27", due: "2026-12-04", yellowFrom: "2026-12-02", light: "green", remaining: 5, used: 0 },
    // Tue 12-01: left Wed, Thu, Fri = 3 > 2 → still green; used Mon, Tue = 2.
    { name: "README case, last green day", start: "2026-11-27", days: 5, yellowDays: 2, today: "2026-12-01", due: "2026-12-04", yellowFrom: "2026-12-02", light: "green", remaining: 3, used: 2 },
    // Wed 12-02 = yellowFrom: left Thu, Fri = 2 → yellow.
    { name: "README case, first yellow day", start: "2026-11-27", days: 5, yellowDays: 2, today: "2026-12-02", due: "2026-12-04", yellowFrom: "2026-12-02", light: "yellow", remaining: 2, used: 3 },
    // Fri 12-04 = due date: yellow until its end, 0 left, all 5 used.
    { name: "README case on the due date", start: "2026-11-27", days: 5, yellowDays: 2, today: "2026-12-04", due: "2026-12-04", yellowFrom: "2026-12-02", light: "yellow", remaining: 0, used: 5 },
    // Mon 12-07: overdue by one working day (Mon 7) → red, −1; used 6.
    { name: "README case, Monday after the due date", start: "2026-11-27", days: 5, yellowDays: 2, today: "2026-12-07", due: "2026-12-04", yellowFrom: "2026-12-02", light: "red", remaining: -1, used: 6 },
    // Task threshold of 1 day: yellowFrom = Thu 12-03; on Wed 12-02 two are left → green.
    { name: "yellowDays 1: Wed still green", start: "2026-11-27", days: 5, yellowDays: 1, today: "2026-12-02", due: "2026-12-04", yellowFrom: "2026-12-03", light: "green", remaining: 2, used: 3 },
    // yellowDays 0: yellowFrom is the due date itself; Thu 12-03 (1 left) green.
    { name: "yellowDays 0: day before the due date is green", start: "2026-11-27", days: 5, yellowDays: 0, today: "2026-12-03", due: "2026-12-04", yellowFrom: "2026-12-04", light: "green", remaining: 1, used: 4 },
    { name: "yellowDays 0: yellow only on the due date", start: "2026-11-27", days: 5, yellowDays: 0, today: "2026-12-04", due: "2026-12-04", yellowFrom: "2026-12-04", light: "yellow", remaining: 0, used: 5 },
    // 国庆 2025: Fri 09-26 + 3 = Sun 28 (1), Mon 29 (2), Tue 09-30 (3). yellowFrom = Tue 30 − 2 = Sun 09-28 (make-up day).
    // Sat 27: left Sun 28, Mon 29, Tue 30 = 3 → green.
    { name: "国庆 2025, Saturday before the make-up Sunday", start: "2025-09-26", days: 3, yellowDays: 2, today: "2025-09-27", due: "2025-09-30", yellowFrom: "2025-09-28", light: "green", remaining: 3, used: 0 },
    // The make-up Sunday 09-28 is yellowFrom: yellow, 2 left, 1 used.
    { name: "国庆 2025, yellow from the make-up Sunday", start: "2025-09-26", days: 3, yellowDays: 2, today: "2025-09-28", due: "2025-09-30", yellowFrom: "2025-09-28", light: "yellow", remaining: 2, used: 1 },
    // Thu 10-09: first working day after the due date; overdue by 1 (Oct 9); used Sep 28–30 + Oct 9 = 4.
    { name: "国庆 2025, first working day after the holiday", start: "2025-09-26", days: 3, yellowDays: 2, today: "2025-10-09", due: "2025-09-30", yellowFrom: "2025-09-28", light: "red", remaining: -1, used: 4 },
    // Mon 10-13: overdue Oct 9, 10, Sat 11 (make-up), Mon 13 = −4; used 3 + 4 = 7.
    { name: "国庆 2025, overdue over the make-up Saturday", start: "2025-09-26", days: 3, yellowDays: 2, today: "2025-10-13", due: "2025-09-30", yellowFrom: "2025-09-28", light: "red", remaining: -4, used: 7 },
    // 春节 2026: Thu 02-12 + 5: Fri 13 (1), Sat 14 (2), Tue 24 (3), Wed 25 (4), Thu 02-26 (5). yellowFrom = Thu 26 − 2 = Tue 02-24.
    // Mon 02-23 (last holiday day): left Feb 24, 25, 26 = 3 → green; used Fri 13, Sat 14 = 2.
    { name: "春节 2026, last holiday day still green", start: "2026-02-12", days: 5, yellowDays: 2, today: "2026-02-23", due: "2026-02-26", yellowFrom: "2026-02-24", light: "green", remaining: 3, used: 2 },
    { name: "春节 2026, yellow on the first day back", start: "2026-02-12", days: 5, yellowDays: 2, today: "2026-02-24", due: "2026-02-26", yellowFrom: "2026-02-24", light: "yellow", remaining: 2, used: 3 },
    // Fri 02-27: overdue by Fri 27 = −1; used 6.
    { name: "春节 2026, red the day after", start: "2026-02-12", days: 5, yellowDays: 2, today: "2026-02-27", due: "2026-02-26", yellowFrom: "2026-02-24", light: "red", remaining: -1, used: 6 },
    // yellowDays 3: Thu 26 − 3 = Wed 25 (1), Tue 24 (2), Sat 02-14 make-up (3) → yellow already on Sat 14.
    { name: "春节 2026, yellowFrom on the make-up Saturday", start: "2026-02-12", days: 5, yellowDays: 3, today: "2026-02-14", due: "2026-02-26", yellowFrom: "2026-02-14", light: "yellow", remaining: 3, used: 2 },
    // 元旦 2026: Mon 2025-12-22 + 5: Dec 23–26 (4), Mon 12-29 (5). yellowFrom = Fri 12-25.
    // Today Sun 2026-01-04 (make-up): overdue Dec 30, Dec 31, Jan 4 = −3; used Dec 23–26, 29–31, Jan 4 = 8.
    { name: "元旦 2026, overdue counted on the make-up Sunday", start: "2025-12-22", days: 5, yellowDays: 2, today: "2026-01-04", due: "2025-12-29", yellowFrom: "2025-12-25", light: "red", remaining: -3, used: 8 },
    // After a suspension (Thu 12, Fri 13 March) the due date is Wed 04-01; yellowFrom = Mon 03-30.
    // Fri 03-27: left Mar 30, 31, Apr 1 = 3 → green; used (Mar 2, Mar 27] = 19 − 2 = 17.
    { name: "suspended earlier: last green day", start: "2026-03-02", days: 20, yellowDays: 2, suspensions: [{ startDay: "2026-03-11", endDay: "2026-03-13" }], today: "2026-03-27", due: "2026-04-01", yellowFrom: "2026-03-30", light: "green", remaining: 3, used: 17 },
    { name: "suspended earlier: yellow on yellowFrom", start: "2026-03-02", days: 20, yellowDays: 2, suspensions: [{ startDay: "2026-03-11", endDay: "2026-03-13" }], today: "2026-03-30", due: "2026-04-01", yellowFrom: "2026-03-30", light: "yellow", remaining: 2, used: 18 },
    // Thu 04-02: overdue by Apr 2 = −1; used (Mar 2, Apr 2] = 23 − 2 = 21.
    { name: "suspended earlier: red the day after", start: "2026-03-02", days: 20, yellowDays: 2, suspensions: [{ startDay: "2026-03-11", endDay: "2026-03-13" }], today: "2026-04-02", due: "2026-04-01", yellowFrom: "2026-03-30", light: "red", remaining: -1, used: 21 },
    // 2027 admin-edited: Fri 2027-01-01 + 1 = Tue 01-05 (Mon 4 off). Tue 5 − 2 would be Thu 2026-12-31, before the
    // period opened: yellow starts on its first working day, Tue 01-05. Today Mon 2027-01-04 (admin holiday): green.
    { name: "2027 admin-edited holiday", start: "2027-01-01", days: 1, yellowDays: 2, today: "2027-01-04", due: "2027-01-05", yellowFrom: "2027-01-05", light: "green", remaining: 1, used: 0 },
    // A one-day step opened Mon 11-30: green that day (not yellow the moment it opens), yellow on Tue 12-01, its last day.
    { name: "one-day step on the day it opens", start: "2026-11-30", days: 1, yellowDays: 1, today: "2026-11-30", due: "2026-12-01", yellowFrom: "2026-12-01", light: "green", remaining: 1, used: 0 },
    { name: "one-day step on its last day", start: "2026-11-30", days: 1, yellowDays: 1, today: "2026-12-01", due: "2026-12-01", yellowFrom: "2026-12-01", light: "yellow", remaining: 0, used: 1 },
    // Three days with a 2-day warning: Mon + 3 = Thu 12-03; Thu − 2 = Tue 12-01, the first working day: yellow from it.
    { name: "short step warned from its first working day", start: "2026-11-30", days: 3, yellowDays: 2, today: "2026-11-30", due: "2026-12-03", yellowFrom: "2026-12-01", light: "green", remaining: 3, used: 0 },
  ])("$name ($today → $light)", ({ start, days, yellowDays, suspensions, today, due, yellowFrom, light, remaining, used }) => {
    const c = start.startsWith("2027") ? cal2027 : cal;
    const d = computeDeadline({ startDay: start, limitDays: days, yellowDays, today, calendar: c, ...(suspensions ? { suspensions } : {}) });
    expect(d.dueDate).toBe(due);
    expect(d.yellowFrom).toBe(yellowFrom);
    expect(d.light).toBe(light);
    expect(d.remainingWorkingDays).toBe(remaining);
    expect(d.usedWorkingDays).toBe(used);
    expect(d.suspended).toBe(false);
  });

  describe("red from the day after the due date even when that day is not a working day", () => {
    const rows = [
      // Due Tue 2025-09-30; Wed 10-01 is 国庆 — red anyway. Used stays 3 (no working day since).
      { name: "first red day is a holiday (国庆 2025)", start: "2025-09-26", days: 3, today: "2025-10-01", due: "2025-09-30" },
      // Due Fri 2026-12-04; Sat 12-05 is a weekend — red anyway.
      { name: "first red day is a Saturday", start: "2026-11-27", days: 5, today: "2026-12-05", due: "2026-12-04" },
      // Due Thu 2026-09-24 (Fri 09-18 + 5, see 国庆 rows); Fri 09-25 is 中秋 — red anyway.
      { name: "first red day is 中秋 2026", start: "2026-09-18", days: 5, today: "2026-09-25", due: "2026-09-24" },
    ];

    it.each(rows)("$name: light red and overdue", ({ start, days, today, due }) => {
      const d = computeDeadline({ startDay: start, limitDays: days, yellowDays: 2, today, calendar: cal });
      expect(d.dueDate).toBe(due);
      expect(d.light).toBe("red");
      expect(d.overdue).toBe(true);
    });

    // No working day has passed since the due date, yet the case is overdue: remaining is -1, never -0,
    // so that "negative when overdue" holds (a case delivered that Saturday is not on time).
    it.each(rows)("$name: remainingWorkingDays is negative (overdue)", ({ start, days, today }) => {
      const d = computeDeadline({ startDay: start, limitDays: days, yellowDays: 2, today, calendar: cal });
      expect(d.remainingWorkingDays).toBe(-1);
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// Deemed acceptance (Art. 32): last day to answer = addWorkingDays(D, 5)
// ---------------------------------------------------------------------------------------------------

describe("deemed acceptance: the last day to answer a submission received on D", () => {
  it.each<{ received: string; lastDay: string; c?: WorkCalendar }>([
    // Thu 2026-09-24 before 中秋: Sep 25–27 off, Mon 28 (1), Tue 29 (2), Wed 30 (3), Oct 1–7 off, Thu 8 (4), Fri 10-09 (5).
    { received: "2026-09-24", lastDay: "2026-10-09" },
    // Fri 2025-01-24 before 春节: Sun 26 make-up (1), Mon 27 (2), Feb 5 (3), 6 (4), Fri 02-07 (5).
    { received: "2025-01-24", lastDay: "2025-02-07" },
    // Wed 2025-04-30 before 劳动节: May 1–5 off, Tue 6 (1), 7 (2), 8 (3), Fri 9 (4), Mon 05-12 (5) — Sat 10 is an ordinary weekend in 2025.
    { received: "2025-04-30", lastDay: "2025-05-12" },
    // Received on the make-up Sat 2026-02-14 (not counted): Tue 24 (1), 25 (2), 26 (3), Fri 27 (4), Sat 02-28 make-up (5).
    { received: "2026-02-14", lastDay: "2026-02-28" },
    // Received on a holiday, Sun 2026-05-03: May 6 (1), 7 (2), 8 (3), Sat 9 make-up (4), Mon 05-11 (5).
    { received: "2026-05-03", lastDay: "2026-05-11" },
    // Ordinary week: Mon 2026-03-02 → Tue 3 … Mon 03-09 (5).
    { received: "2026-03-02", lastDay: "2026-03-09" },
    // 2027 admin-edited: Thu 2026-12-31 → Fri Jan 1 (1), Mon 4 off, Tue 5 (2), 6 (3), 7 (4), Fri 01-08 (5).
    { received: "2026-12-31", lastDay: "2027-01-08", c: cal2027 },
  ])("received $received → answer by the end of $lastDay", ({ received, lastDay, c }) => {
    expect((c ?? cal).addWorkingDays(received, 5)).toBe(lastDay);
  });

  it("a deemed-accepted case counts its 20 days from the day of receipt (Thu 2026-09-24)", () => {
    // Mon 28 (1), 29 (2), 30 (3), Oct 8 (4), 9 (5), Sat 10 (6), 12–16 (11), 19–23 (16), 26 (17), 27 (18), 28 (19), Thu 10-29 (20).
    expect(dueOf(cal, "2026-09-24", 20).dueDate).toBe("2026-10-29");
  });
});

// ---------------------------------------------------------------------------------------------------
// WorkCalendar unit rows
// ---------------------------------------------------------------------------------------------------

describe("WorkCalendar.workingDaysBetween over (from, to]", () => {
  it.each([
    // (Fri Jan 24, Sat Feb 8 2025] = Sun 26, Mon 27, Feb 5, 6, 7, Sat 8 = 6.
    { from: "2025-01-24", to: "2025-02-08", n: 6 },
    // (Wed 2026-09-30, Sat 10-10] = Oct 8, 9, Sat 10 = 3.
    { from: "2026-09-30", to: "2026-10-10", n: 3 },
    // (Sat 2026-02-14, Mon 02-23] = only holidays: 0 (the make-up Saturday is the excluded start).
    { from: "2026-02-14", to: "2026-02-23", n: 0 },
    // (Fri 2026-02-13, Sat 02-14] = the make-up Saturday = 1.
    { from: "2026-02-13", to: "2026-02-14", n: 1 },
    // (Wed 2025-12-31, Mon 2026-01-05] = Sun Jan 4 make-up, Mon Jan 5 = 2.
    { from: "2025-12-31", to: "2026-01-05", n: 2 },
    // (Fri 11-27, Fri 12-04] = the README example's 5 days.
    { from: "2026-11-27", to: "2026-12-04", n: 5 },
    // Same day or reversed: 0.
    { from: "2026-12-04", to: "2026-12-04", n: 0 },
    { from: "2026-12-04", to: "2026-11-27", n: 0 },
  ])("($from, $to] → $n", ({ from, to, n }) => {
    expect(cal.workingDaysBetween(from, to)).toBe(n);
  });
});

describe("WorkCalendar.subtractWorkingDays (not counting the given day)", () => {
  it.each([
    // Fri 12-04 − 5: Thu 3, Wed 2, Tue 1, Mon Nov 30, Fri 11-27.
    { day: "2026-12-04", n: 5, result: "2026-11-27" },
    // Wed 2025-02-05 − 1: back over 春节 to Mon 01-27.
    { day: "2025-02-05", n: 1, result: "2025-01-27" },
    // Wed 2025-02-05 − 3: Mon 27 (1), Sun 26 make-up (2), Fri 01-24 (3).
    { day: "2025-02-05", n: 3, result: "2025-01-24" },
    // Thu 2026-10-08 − 1: back over 国庆 to Wed 09-30.
    { day: "2026-10-08", n: 1, result: "2026-09-30" },
    // Thu 2026-10-08 − 4: Sep 30 (1), 29 (2), 28 (3), 中秋 skipped, Thu 09-24 (4).
    { day: "2026-10-08", n: 4, result: "2026-09-24" },
    // Tue 2026-02-24 − 2: Sat 14 make-up (1), Fri 02-13 (2).
    { day: "2026-02-24", n: 2, result: "2026-02-13" },
    // n = 0 gives the day itself.
    { day: "2026-02-24", n: 0, result: "2026-02-24" },
  ])("$day − $n → $result", ({ day, n, result }) => {
    expect(cal.subtractWorkingDays(day, n)).toBe(result);
  });
});

describe("WorkCalendar.describe", () => {
  it.each([
    { c: cal, day: "2025-01-26", workday: true, kind: "makeup-workday", note: "春节调休上班" },
    { c: cal, day: "2026-10-10", workday: true, kind: "makeup-workday", note: "国庆节调休上班" },
    { c: cal, day: "2026-02-17", workday: false, kind: "holiday", note: "春节" },
    { c: cal, day: "2026-10-01", workday: false, kind: "holiday", note: "国庆节" },
    // A statutory holiday falling on a weekend is stored as a holiday so the calendar shows it (清明 Sat 2026-04-04).
    { c: cal, day: "2026-04-04", workday: false, kind: "holiday", note: "清明" },
    // Ordinary days have no stored exception and no note.
    { c: cal, day: "2026-03-07", workday: false, kind: "weekend", note: undefined },
    { c: cal, day: "2026-03-09", workday: true, kind: "workday", note: undefined },
    // The admin-edited 2027 exception, and 2027's unedited Fri Jan 1 (Mon–Fri fallback).
    { c: cal2027, day: "2027-01-04", workday: false, kind: "holiday", note: ADMIN_2027.note },
    { c: cal2027, day: "2027-01-01", workday: true, kind: "workday", note: undefined },
  ])("$day → $kind", ({ c, day, workday, kind, note }) => {
    expect(c.describe(day)).toEqual({ date: day, workday, kind, ...(note ? { note } : {}) });
  });
});

describe("WorkCalendar input checks", () => {
  it("rejects a negative count in addWorkingDays", () => {
    expect(() => cal.addWorkingDays("2026-03-02", -1)).toThrow(RangeError);
  });
  it("rejects a malformed or impossible date", () => {
    expect(() => cal.isWorkday("2026-02-30")).toThrow(RangeError);
    expect(() => cal.isWorkday("2026-2-3")).toThrow(RangeError);
  });
});
