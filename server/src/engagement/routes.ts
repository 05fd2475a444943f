import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import { noStore } from "../platform/http.ts";
import { inboxFor } from "./repository.ts";

export function engagementRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/api/inbox", { schema: { tags: ["messages"], querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) } }, async (req, reply) => {
      const actor = req.actor;
      if (actor.kind !== "applicant" && actor.kind !== "staff") throw new AppError("NOT_LOGGED_IN");
      const grants = actor.kind === "staff" ? actor.roles.filter((r) => r.departmentId).map((r) => ({ departmentId: r.departmentId as string, role: r.role })) : [];
      const rows = await inboxFor(deps.db, actor.id, grants, req.query.limit);
      noStore(reply);
      return {
        items: rows.map((m) => ({ id: m.id, title: m.title, text: m.text, ...(m.case_id ? { caseId: m.case_id } : {}), createdAt: m.created_at.toISOString(), ...(m.read_at ? { readAt: m.read_at.toISOString() } : {}) })),
      };
    });
  };
}
