import { sql } from "kysely";
import type { Executor } from "../platform/db.ts";

export interface AuditFilter {
  caseId?: string;
  /** The case's supervision code or reference number, with or without hyphens, in either case. */
  code?: string;
  actorId?: string;
  /** Entries by the staff of one department. */
  departmentId?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

/** Audit entries, newest first, keyset-paged by sequence, with the code people know the case by. */
export function searchAudit(db: Executor, f: AuditFilter) {
  let q = db
    .selectFrom("audit_log")
    .leftJoin("cases", "cases.id", "audit_log.case_id")
    .selectAll("audit_log")
    .select(["cases.supervision_code as case_supervision_code", "cases.reference_no as case_reference_no"])
    .orderBy("audit_log.seq", "desc")
    .limit(f.limit + 1);
  if (f.caseId) q = q.where("audit_log.case_id", "=", f.caseId);
  const code = f.code?.replace(/[\s-]/g, "").toUpperCase();
  if (code) {
    q = q.where((eb) =>
      eb.or([eb(sql<string>`replace(cases.supervision_code, '-', '')`, "=", code), eb(sql<string>`replace(cases.reference_no, '-', '')`, "=", code)]),
    );
  }
  if (f.actorId) q = q.where("audit_log.actor_id", "=", f.actorId);
  if (f.departmentId) {
    const departmentId = f.departmentId;
    q = q.where("audit_log.actor_id", "in", (sub) => sub.selectFrom("users").select("users.id").where("users.department_id", "=", departmentId));
  }
  if (f.from) q = q.where("audit_log.at", ">=", f.from);
  if (f.to) q = q.where("audit_log.at", "<", f.to);
  if (f.beforeSeq) q = q.where("audit_log.seq", "<", f.beforeSeq);
  return q.execute();
}

/** Staff to choose from in the audit search, by name (and department), at most `limit`. */
export function staffForAudit(db: Executor, f: { q?: string; departmentId?: string; limit: number }) {
  let q = db
    .selectFrom("users")
    .leftJoin("departments", "departments.id", "users.department_id")
    .select(["users.id", "users.name", "departments.id as department_id", "departments.name as department_name"])
    .where("users.kind", "=", "staff")
    .orderBy("users.name")
    .limit(f.limit);
  if (f.departmentId) q = q.where("users.department_id", "=", f.departmentId);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb("users.name", "like", like), eb("users.username", "like", like)]));
  }
  return q.execute();
}
