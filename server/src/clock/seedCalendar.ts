import cdays from "chinese-days";
import type { DayException } from "./calendar.ts";
import { addDays, isWeekend } from "./calendar.ts";

/** Years for which the chinese-days package carries the State Council's notices. */
export const PACKAGE_YEARS = { first: 2004, last: 2026 } as const;

/**
 * The exceptions to "Monday–Friday" in the package's data: statutory holidays (also those on a
 * weekend, so the calendar shows them) and make-up working days (调休).
 */
export function packageExceptions(year: number): DayException[] {
  const out: DayException[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
    const detail = cdays.getDayDetail(d) as { work: boolean; name: string };
    const festival = detail.name.includes(",") ? (detail.name.split(",")[1] ?? null) : null;
    const weekend = isWeekend(d);
    if (detail.work && weekend) out.push({ date: d, workday: true, kind: "makeup-workday", note: festival ? `${festival}调休上班` : "调休上班" });
    else if (!detail.work && festival) out.push({ date: d, workday: false, kind: "holiday", note: festival });
    else if (!detail.work && !weekend) out.push({ date: d, workday: false, kind: "holiday", note: null });
  }
  return out;
}
