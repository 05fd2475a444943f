import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { shanghaiYear } from "../platform/clock.ts";
import type { Deps } from "../platform/context.ts";
import { runCommand } from "../audit/command.ts";
import { AppError } from "../platform/errors.ts";
import { metaOf } from "../platform/http.ts";
import { addDays, parseDay } from "./calendar.ts";
import { maintainCalendarYear } from "./commands/maintainCalendarYear.ts";
import { setCalendarDay } from "./commands/setCalendarDay.ts";
import { currentCalendar } from "./calendarCache.ts";
import { maintainedYears } from "./repository.ts";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => {
  try {
    parseDay(d);
    return true;
  } catch {
    return false;
  }
}, "not a calendar date");

export function calendarRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/api/calendar", { schema: { tags: ["calendar"], querystring: z.object({ from: Day, to: Day }) } }, async (req) => {
      const { from, to } = req.query;
      if (to < from) throw new AppError("VALIDATION_FAILED", { field: "to" });
      if (parseDay(to) - parseDay(from) > 400 * 86_400_000) throw new AppError("VALIDATION_FAILED", { field: "to", maxDays: 400 });
      const cal = await currentCalendar(deps.db);
      const items = [];
      for (let d = from; d <= to; d = addDays(d, 1)) items.push(cal.describe(d));
      return { items };
    });

    app.get("/api/calendar/status", { schema: { tags: ["calendar"] } }, async (req) => {
      const years = await maintainedYears(deps.db);
      const nextYear = shanghaiYear(deps.clock.now()) + 1;
      const maintained = years.some((y) => y.year === nextYear);
      return {
        maintainedYears: years.map((y) => ({ year: y.year, source: y.source, maintainedAt: y.maintained_at.toISOString() })),
        nextYear,
        nextYearMaintained: maintained,
        ...(maintained
          ? {}
          : {
              warning:
                req.lang === "en"
                  ? `The working-day calendar for ${nextYear} is not maintained yet: enter its holidays and make-up working days from the State Council's notice.`
                  : `${nextYear}年工作日历尚未维护：请按国务院办公厅节假日安排通知录入放假和调休日期。`,
            }),
      };
    });

    app.put(
      "/api/calendar/days/:date",
      { schema: { tags: ["calendar"], params: z.object({ date: Day }), body: z.object({ workday: z.boolean(), note: z.string().trim().max(100).optional() }) } },
      async (req) => runCommand(deps, req.actor, metaOf(req), (ctx) => setCalendarDay(ctx, { date: req.params.date, ...req.body })),
    );

    app.post("/api/calendar/years/:year/maintained", { schema: { tags: ["calendar"], params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => maintainCalendarYear(ctx, req.params.year)),
    );
  };
}
