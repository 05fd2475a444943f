import type { Executor } from "../platform/db.ts";

export interface AuditFilter {
  caseId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

/** Audit entries, newest first, keyset-paged by sequence. */
export function searchAudit(db: Executor, f: AuditFilter) {
  let q = db.selectFrom("audit_log").selectAll().orderBy("seq", "desc").limit(f.limit + 1);
  if (f.caseId) q = q.where("case_id", "=", f.caseId);
  if (f.actorId) q = q.where("actor_id", "=", f.actorId);
  if (f.from) q = q.where("at", ">=", f.from);
  if (f.to) q = q.where("at", "<", f.to);
  if (f.beforeSeq) q = q.where("seq", "<", f.beforeSeq);
  return q.execute();
}
