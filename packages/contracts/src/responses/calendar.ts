import { z } from "zod";
import { calendarSources, dayKinds } from "../enums.ts";
import { isoDate, isoTime, list } from "./common.ts";

export const CalendarDay = z.object({ date: isoDate, workday: z.boolean(), kind: z.enum(dayKinds), note: z.string().optional() });
export type CalendarDay = z.infer<typeof CalendarDay>;
export const CalendarDays = list(CalendarDay);

export const CalendarStatus = z.object({
  maintainedYears: z.array(z.object({ year: z.number().int(), source: z.enum(calendarSources), maintainedAt: isoTime })),
  nextYear: z.number().int(),
  nextYearMaintained: z.boolean(),
  /** Present while next year's holidays are not entered. */
  warning: z.string().optional(),
});
export type CalendarStatus = z.infer<typeof CalendarStatus>;

/** A day set by the platform admin, and how many open deadlines moved with it. */
export const CalendarDaySet = CalendarDay.extend({ recomputed: z.number().int() });
export type CalendarDaySet = z.infer<typeof CalendarDaySet>;

export const CalendarYearMaintained = z.object({ year: z.number().int(), maintained: z.literal(true) });
export type CalendarYearMaintained = z.infer<typeof CalendarYearMaintained>;
