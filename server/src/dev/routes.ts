import { ClockRequest } from "@cq/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AdjustableClock } from "../platform/clock.ts";
import type { Deps } from "../platform/context.ts";
import { runCommand } from "../audit/command.ts";
import { metaOf } from "../platform/http.ts";
import { outboxMessages } from "../platform/notify.ts";
import { personalDataOf } from "../platform/personalData.ts";
import { demoData } from "../seed/demo-data.ts";
import { tick } from "../scheduler.ts";
import { setDemoClock } from "./commands/setDemoClock.ts";

/**
 * Demo and test affordances (API.md). Registered only when demo mode is on, which a production
 * start refuses; in production these paths answer 404 like any unknown path.
 */
export function devRoutes(deps: Deps, clock: AdjustableClock): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/api/dev/outbox", { schema: { tags: ["dev"], querystring: z.object({ to: z.string().max(100).optional() }) } }, async (req) => {
      const rows = await outboxMessages(deps.db, personalDataOf(deps.config), req.query.to);
      return { items: rows.map((r) => ({ to: r.to_address, channel: r.channel, text: r.text, createdAt: r.created_at.toISOString() })) };
    });

    app.get("/api/dev/clock", { schema: { tags: ["dev"] } }, async () => ({ now: clock.now().toISOString(), offsetMs: clock.offset }));

    app.post("/api/dev/clock", { schema: { tags: ["dev"], body: ClockRequest } }, async (req) => {
      const target = new Date(req.body.now);
      await runCommand(deps, req.actor, metaOf(req), (ctx) => setDemoClock(ctx, clock, target));
      // Whatever became due (deemed acceptance, lights, escalation) runs before the answer.
      const ran = await tick(deps, `dev-clock-${process.pid}`);
      return { now: clock.now().toISOString(), jobsRun: ran };
    });

    app.get("/api/dev/accounts", { schema: { tags: ["dev"] } }, async () => {
      const depts = new Map(demoData.departments.map((d) => [d.code, d.name]));
      return {
        items: demoData.staff.map((s) => ({
          username: s.username,
          password: s.password,
          name: s.name,
          roles: s.roles,
          department: s.departmentCode ? (depts.get(s.departmentCode) ?? null) : null,
        })),
        applicants: demoData.applicants.map((a) => ({
          login: a.phone,
          password: a.password,
          name: a.name,
          type: a.type,
        })),
      };
    });
  };
}
