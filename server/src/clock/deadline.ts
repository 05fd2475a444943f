import type { WorkCalendar } from "./calendar.ts";

/**
 * The deadline calculator: the only place that knows how the platform counts (REQUIREMENTS.md,
 * "How the platform counts"). Pure: it reads no clock and no database.
 */

import type { Light } from "@cq/contracts";

export type { Light };

export interface Suspension {
  /** The day the clock stopped. */
  startDay: string;
  /** The day it resumed (treated like a new start day); null while still running. */
  endDay: string | null;
}

export interface Deadline {
  /** End of this day is the limit. */
  dueDate: string;
  /** From this day on the light is yellow. */
  yellowFrom: string;
  /** Working days counted so far (suspended days not counted). */
  usedWorkingDays: number;
  /** Working days left after today up to and including the due date; negative (at least -1) when overdue. */
  remainingWorkingDays: number;
  /** Past the end of the due date. */
  overdue: boolean;
  /** Null while suspended: a suspended case is off the lights. */
  light: Light | null;
  suspended: boolean;
  /** Working days removed from the count by suspensions. */
  suspendedWorkingDays: number;
  /** The limit in force: the base limit plus extensions. */
  limitDays: number;
}

/** Working days a suspension removes: those after its start up to and including its end (or today). */
export function suspendedDays(cal: WorkCalendar, s: Suspension, today: string): number {
  const end = s.endDay ?? today;
  return cal.workingDaysBetween(s.startDay, end);
}

/**
 * A period of `limitDays` working days counted from the day after `startDay`, moved later by every
 * suspension and lengthened by `extensionDays`; its light as of `today`.
 */
export function computeDeadline(input: {
  startDay: string;
  limitDays: number;
  extensionDays?: number;
  suspensions?: Suspension[];
  yellowDays: number;
  today: string;
  calendar: WorkCalendar;
}): Deadline {
  const { calendar: cal, startDay, today } = input;
  const suspensions = input.suspensions ?? [];
  const limitDays = input.limitDays + (input.extensionDays ?? 0);
  const stopped = suspensions.reduce((n, s) => n + suspendedDays(cal, s, today), 0);
  const running = suspensions.some((s) => s.endDay === null);
  const dueDate = cal.addWorkingDays(startDay, limitDays + stopped);
  // Yellow when `yellowDays` or fewer are left, but never on the day the period opens: a one-day step
  // is green the day it opens and yellow on its last day (and never later than the due date).
  const firstDay = cal.addWorkingDays(startDay, 1);
  const warned = input.yellowDays > 0 ? cal.subtractWorkingDays(dueDate, input.yellowDays) : dueDate;
  const yellowFrom = [warned < firstDay ? firstDay : warned, dueDate].sort()[0]!;
  const elapsed = cal.workingDaysBetween(startDay, today);
  const usedWorkingDays = Math.max(0, elapsed - stopped);
  const overdue = today > dueDate;
  // Overdue on a weekend or holiday right after the due date is still overdue: never report -0.
  const remainingWorkingDays = overdue ? -Math.max(1, cal.workingDaysBetween(dueDate, today)) : cal.workingDaysBetween(today, dueDate);
  let light: Light | null = null;
  if (!running) light = today > dueDate ? "red" : today >= yellowFrom ? "yellow" : "green";
  return { dueDate, yellowFrom, usedWorkingDays, remainingWorkingDays, overdue, light, suspended: running, suspendedWorkingDays: stopped, limitDays };
}

/** The highest limit an extension may reach: the statutory limit plus its one statutory extension. */
export function extensionCap(limits: { statutoryDays: number; statutoryExtensionDays: number }): number {
  return limits.statutoryDays + limits.statutoryExtensionDays;
}
