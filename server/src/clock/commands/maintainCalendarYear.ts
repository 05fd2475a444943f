import type { Ctx } from "../../audit/command.ts";
import { requireStaff } from "../../platform/actor.ts";
import { allowEditCalendar, enforce } from "../../policy/index.ts";
import { markYearMaintained } from "../repository.ts";

/** Records that a year's holidays and make-up workdays have been entered (the dashboard stops warning). */
export async function maintainCalendarYear(ctx: Ctx, year: number): Promise<{ year: number; maintained: true }> {
  enforce(ctx.actor, allowEditCalendar(ctx.actor));
  const staff = requireStaff(ctx.actor);
  await markYearMaintained(ctx.trx, year, ctx.now, staff.id);
  await ctx.audit({ action: "calendar.year-maintained", objectType: "calendar-year", objectId: String(year) });
  return { year, maintained: true };
}
