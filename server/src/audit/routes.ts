import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../platform/context.ts";
import { allowAudit, enforce } from "../policy/index.ts";
import { verifyAuditChain } from "./verify.ts";
import { searchAudit, staffForAudit } from "./repository.ts";

const AuditQuery = z.object({
  caseId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  /** Entries by the staff of one department. */
  departmentId: z.string().max(64).optional(),
  /** The case by its supervision code (or, before acceptance, its reference number), as people know it. */
  code: z.string().max(64).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.coerce.number().int().min(0).optional(),
});

const AuditStaffQuery = z.object({
  q: z.string().trim().max(50).optional(),
  departmentId: z.string().max(64).optional(),
});

export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/api/audit", { schema: { tags: ["audit"], querystring: AuditQuery } }, async (req) => {
      enforce(req.actor, allowAudit(req.actor, "read"));
      const { caseId, code, actorId, departmentId, from, to, limit, cursor } = req.query;
      const rows = await searchAudit(deps.db, {
        caseId, code, actorId, departmentId, limit, ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}), ...(cursor ? { beforeSeq: cursor } : {}),
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({
          id: r.id, seq: r.seq, at: r.at.toISOString(), actorId: r.actor_id, actorKind: r.actor_kind, actorName: r.actor_name,
          ip: r.ip, requestId: r.request_id, action: r.action, objectType: r.object_type, objectId: r.object_id, caseId: r.case_id,
          ...(r.case_supervision_code || r.case_reference_no ? { caseCode: r.case_supervision_code ?? r.case_reference_no } : {}),
          oldValues: r.old_values, newValues: r.new_values, hash: r.hash,
        })),
        nextCursor: rows.length > limit ? String(page[page.length - 1]!.seq) : null,
      };
    });

    app.get("/api/audit/staff", { schema: { tags: ["audit"], querystring: AuditStaffQuery } }, async (req) => {
      enforce(req.actor, allowAudit(req.actor, "read"));
      const rows = await staffForAudit(deps.db, { ...req.query, limit: 50 });
      return { items: rows.map((r) => ({ id: r.id, name: r.name, department: r.department_id ? { id: r.department_id, name: r.department_name ?? "" } : null })) };
    });

    app.get("/api/audit/verify", { schema: { tags: ["audit"] } }, async (req) => {
      enforce(req.actor, allowAudit(req.actor, "verify"));
      await deps.sequence();
      return verifyAuditChain(deps.db, deps.config);
    });
  };
}
