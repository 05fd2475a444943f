import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { findDepartment, searchItems } from "../catalog/repository.ts";
import { evaluationFigures } from "../engagement/complaintRepository.ts";
import { presentEvaluationFigures } from "../engagement/figures.ts";
import type { Deps } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import { monthlyTrend, publicDepartmentFigures } from "./statsRepository.ts";

/** What anyone may see of how a department serves: its items with a year of its figures. */
export function publicDepartmentRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // A department's public page: its items and its service figures (R34, R37).
    app.get("/api/public/departments/:id", { schema: { tags: ["public"], params: z.object({ id: z.string().max(64) }) } }, async (req) => {
      const dept = await findDepartment(deps.db, req.params.id);
      if (!dept) throw new AppError("NOT_FOUND");
      const now = deps.clock.now();
      const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
      const [items, figures, [evaluations], trend] = await Promise.all([
        searchItems(deps.db, { departmentId: dept.id, limit: 100 }),
        publicDepartmentFigures(deps.db, dept.id, yearAgo),
        evaluationFigures(deps.db, yearAgo, new Date(now.getTime() + 1), [dept.id]),
        monthlyTrend(deps.db, { all: true }, yearAgo, new Date(now.getTime() + 1), dept.id, now),
      ]);
      const evaluated = presentEvaluationFigures(evaluations);
      const closed = Number(figures.closed ?? 0);
      return {
        id: dept.id,
        name: dept.name,
        shortName: dept.short_name,
        regionCode: dept.region_code,
        phone: dept.phone,
        address: dept.address,
        items: items.map((i) => ({ id: i.id, code: i.code, name: i.name, promisedDays: i.promised_days, statutoryDays: i.statutory_days })),
        figures: {
          period: "last-365-days",
          closed,
          onTimeRate: closed ? Number(figures.on_time ?? 0) / closed : null,
          averageWorkingDays: figures.avg_days === null ? null : Math.round(Number(figures.avg_days) * 10) / 10,
          open: Number(figures.open ?? 0),
          // Share of evaluations 满意 or 非常满意 (R37), and how many there were.
          satisfaction: evaluated.satisfactionRate,
          evaluations: evaluated.count,
          // Cases closed per month (Beijing time), and how many of them on time, for a small chart.
          monthly: trend.closed
            .map((m) => ({ month: m.month, closed: Number(m.n), onTime: Number(m.on_time) }))
            .sort((a, b) => a.month.localeCompare(b.month)),
        },
      };
    });
  };
}
