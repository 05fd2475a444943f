import type { Ctx } from "../../audit/command.ts";
import { requireStaff } from "../../platform/actor.ts";
import { allowEditCalendar, enforce } from "../../policy/index.ts";
import { isWeekend } from "../calendar.ts";
import { refreshOpenClocks } from "../refreshOpenClocks.ts";
import { findDay, upsertDay } from "../repository.ts";

/**
 * Sets one day of the working-day calendar (workday or not) and moves every open deadline with it,
 * in one transaction: no deadline is ever computed from a calendar half changed.
 */
export async function setCalendarDay(ctx: Ctx, input: { date: string; workday: boolean; note?: string }) {
  enforce(ctx.actor, allowEditCalendar(ctx.actor));
  const staff = requireStaff(ctx.actor);
  const { date, workday } = input;
  const weekend = isWeekend(date);
  const kind = workday ? (weekend ? "makeup-workday" : "workday") : weekend ? "weekend" : "holiday";
  const before = await findDay(ctx.trx, date);
  await upsertDay(ctx.trx, { date, workday, kind, note: input.note ?? null, at: ctx.now, by: staff.id });
  await ctx.audit({
    action: "calendar.day-set",
    objectType: "calendar-day",
    objectId: date,
    oldValues: before ? { workday: before.workday, kind: before.kind, note: before.note } : { workday: !weekend, kind: weekend ? "weekend" : "workday" },
    newValues: { workday, kind, note: input.note ?? null },
  });
  const recomputed = await refreshOpenClocks(ctx);
  return { date, workday, kind, ...(input.note ? { note: input.note } : {}), recomputed };
}
