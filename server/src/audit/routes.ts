import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../platform/context.ts";
import { allowAudit, enforce } from "../policy/index.ts";
import { verifyAuditChain } from "./verify.ts";
import { searchAudit } from "./repository.ts";

const AuditQuery = z.object({
  caseId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.coerce.number().int().min(0).optional(),
});

export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/api/audit", { schema: { tags: ["audit"], querystring: AuditQuery } }, async (req) => {
      enforce(req.actor, allowAudit(req.actor, "read"));
      const { caseId, actorId, from, to, limit, cursor } = req.query;
      const rows = await searchAudit(deps.db, {
        caseId, actorId, limit, ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}), ...(cursor ? { beforeSeq: cursor } : {}),
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({
          id: r.id, seq: r.seq, at: r.at.toISOString(), actorId: r.actor_id, actorKind: r.actor_kind, actorName: r.actor_name,
          ip: r.ip, requestId: r.request_id, action: r.action, objectType: r.object_type, objectId: r.object_id, caseId: r.case_id,
          oldValues: r.old_values, newValues: r.new_values, hash: r.hash,
        })),
        nextCursor: rows.length > limit ? String(page[page.length - 1]!.seq) : null,
      };
    });

    app.get("/api/audit/verify", { schema: { tags: ["audit"] } }, async (req) => {
      enforce(req.actor, allowAudit(req.actor, "verify"));
      return verifyAuditChain(deps.db, deps.config);
    });
  };
}
