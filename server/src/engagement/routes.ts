import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { runCommand, type Deps } from "../platform/context.ts";
import { metaOf, noStore } from "../platform/http.ts";
import { audienceOf, markInboxRead } from "./commands/markInboxRead.ts";
import { inboxFor } from "./repository.ts";

export function engagementRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/api/inbox", { schema: { tags: ["messages"], querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) } }, async (req, reply) => {
      const rows = await inboxFor(deps.db, audienceOf(req.actor), req.query.limit);
      noStore(reply);
      return {
        items: rows.map((m) => ({ id: m.id, title: m.title, text: m.text, ...(m.case_id ? { caseId: m.case_id } : {}), createdAt: m.created_at.toISOString(), ...(m.read_at ? { readAt: m.read_at.toISOString() } : {}) })),
      };
    });

    // Read marks are the caller's own: reading a message to a department's role does not read it for colleagues.
    app.post("/api/inbox/:id/read", { schema: { tags: ["messages"], params: z.object({ id: z.string().max(64) }) } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => markInboxRead(ctx, req.params.id)),
    );

    app.post("/api/inbox/read-all", { schema: { tags: ["messages"] } }, async (req) => runCommand(deps, req.actor, metaOf(req), (ctx) => markInboxRead(ctx, null)));
  };
}
