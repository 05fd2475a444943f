import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { Database } from "../platform/schema.ts";
import type { SupervisionScope } from "../policy/supervision.ts";

/** The scope (and an optional department) as a condition on a department column and a region column. */
function inScope(
  eb: ExpressionBuilder<Database, "cases"> | ExpressionBuilder<Database, "certificates" | "departments">,
  cols: { department: string; region: string },
  scope: Exclude<SupervisionScope, null>,
  departmentId?: string,
): Expression<SqlBool> {
  const ref = (c: string) => sql.ref(c);
  const parts: Expression<SqlBool>[] = [];
  if (departmentId) parts.push(sql<SqlBool>`${ref(cols.department)} = ${departmentId}`);
  if (!scope.all) {
    const ors: Expression<SqlBool>[] = [];
    if (scope.departmentIds.length) ors.push(sql<SqlBool>`${ref(cols.department)} in (${sql.join(scope.departmentIds)})`);
    if (scope.regionCodes.length) ors.push(sql<SqlBool>`${ref(cols.region)} in (${sql.join(scope.regionCodes)})`);
    parts.push(ors.length ? eb.or(ors) : sql<SqlBool>`false`);
  }
  return parts.length ? eb.and(parts) : sql<SqlBool>`true`;
}

/** The scope as a condition on cases (lead department or region). */
export function scopeFilter(scope: Exclude<SupervisionScope, null>, departmentId?: string) {
  return (eb: ExpressionBuilder<Database, "cases">): Expression<SqlBool> => inScope(eb, { department: "cases.lead_department_id", region: "cases.region_code" }, scope, departmentId);
}

/** Per department: the figures of R37 for cases received/closed in [from, to). */
export function departmentStats(db: Executor, scope: Exclude<SupervisionScope, null>, from: Date, to: Date, departmentId?: string) {
  return db
    .selectFrom("cases")
    .innerJoin("departments", "departments.id", "cases.lead_department_id")
    .innerJoin("regions", "regions.code", "departments.region_code")
    .where(scopeFilter(scope, departmentId))
    .select((eb) => [
      "departments.id as department_id",
      "departments.name as department_name",
      "departments.region_code",
      "regions.name as region_name",
      sql<number>`count(*) filter (where cases.received_at >= ${from} and cases.received_at < ${to})`.as("received"),
      sql<number>`count(*) filter (where cases.accepted_at >= ${from} and cases.accepted_at < ${to})`.as("accepted"),
      sql<number>`count(*) filter (where cases.status = 'closed' and cases.closed_at >= ${from} and cases.closed_at < ${to})`.as("closed"),
      sql<number>`count(*) filter (where cases.status = 'closed' and cases.closed_at >= ${from} and cases.closed_at < ${to} and cases.on_time)`.as("closed_on_time"),
      sql<number | null>`avg(cases.used_working_days) filter (where cases.status = 'closed' and cases.closed_at >= ${from} and cases.closed_at < ${to})`.as("avg_working_days"),
      sql<number>`count(*) filter (where cases.light = 'red')`.as("overdue"),
      sql<number>`count(*) filter (where cases.light = 'yellow')`.as("yellow"),
      sql<number>`count(*) filter (where cases.suspended and cases.status in ('accepted', 'in_progress', 'suspended', 'supplement_requested'))`.as("suspended"),
      sql<number>`count(*) filter (where cases.extension_days > 0 and cases.accepted_at >= ${from} and cases.accepted_at < ${to})`.as("extended"),
      sql<number>`count(*) filter (where cases.deemed_accepted and cases.accepted_at >= ${from} and cases.accepted_at < ${to})`.as("deemed_accepted"),
      eb
        .selectFrom("escalations")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("escalations.department_id", "=", "departments.id")
        .where("escalations.status", "=", "open")
        .as("escalations_open"),
    ])
    .groupBy(["departments.id", "departments.name", "departments.region_code", "regions.name"])
    .orderBy("departments.region_code")
    .orderBy("departments.name")
    .execute();
}

/** Received and closed per month (Asia/Shanghai) over [from, to). */
export async function monthlyTrend(db: Executor, scope: Exclude<SupervisionScope, null>, from: Date, to: Date, departmentId?: string) {
  const received = await db
    .selectFrom("cases")
    .where(scopeFilter(scope, departmentId))
    .where("received_at", ">=", from)
    .where("received_at", "<", to)
    .select([sql<string>`to_char(received_at at time zone 'Asia/Shanghai', 'YYYY-MM')`.as("month"), sql<number>`count(*)`.as("n")])
    .groupBy(sql`1`)
    .execute();
  const closed = await db
    .selectFrom("cases")
    .where(scopeFilter(scope, departmentId))
    .where("status", "=", "closed")
    .where("closed_at", ">=", from)
    .where("closed_at", "<", to)
    .select([
      sql<string>`to_char(closed_at at time zone 'Asia/Shanghai', 'YYYY-MM')`.as("month"),
      sql<number>`count(*)`.as("n"),
      sql<number>`count(*) filter (where on_time)`.as("on_time"),
    ])
    .groupBy(sql`1`)
    .execute();
  return { received, closed };
}

/** Open cases with the given light, most overdue first: one index-only scan (cases_listed_by_light, migration 0028). */
export function casesByLight(db: Executor, scope: Exclude<SupervisionScope, null>, light: "yellow" | "red", departmentId: string | undefined, limit: number) {
  return db
    .selectFrom("cases")
    .innerJoin("items", "items.id", "cases.item_id")
    .innerJoin("departments", "departments.id", "cases.lead_department_id")
    .where(scopeFilter(scope, departmentId))
    .where("cases.light", "=", light)
    .select([
      "cases.id", "cases.supervision_code", "cases.status", "cases.due_date", "cases.light", "cases.accepted_at", "cases.extension_days",
      "items.name as item_name", "departments.id as department_id", "departments.name as department_name",
    ])
    // One index probe per row (limit 1 keeps the planner from hashing every open escalation of the city).
    .select([
      sql<boolean>`(select true from escalations e where e.case_id = cases.id and e.status = 'open' limit 1) is not null`.as("escalated"),
      sql<boolean>`(select true from explanations x where x.case_id = cases.id limit 1) is not null`.as("explained"),
    ])
    .orderBy("cases.due_date")
    .limit(limit)
    .execute();
}

/** Public service figures of one department over the last year: closed, on-time, open. */
export function publicDepartmentFigures(db: Executor, departmentId: string, from: Date) {
  return db
    .selectFrom("cases")
    .where("lead_department_id", "=", departmentId)
    .select([
      sql<number>`count(*) filter (where status = 'closed' and closed_at >= ${from})`.as("closed"),
      sql<number>`count(*) filter (where status = 'closed' and closed_at >= ${from} and on_time)`.as("on_time"),
      sql<number>`count(*) filter (where status in ('accepted', 'in_progress', 'suspended', 'supplement_requested', 'decided'))`.as("open"),
      sql<number | null>`avg(used_working_days) filter (where status = 'closed' and closed_at >= ${from})`.as("avg_days"),
    ])
    .executeTakeFirstOrThrow();
}

/**
 * Certificates registered in [from, to) without a supervision code, which count as issued off the
 * platform (R37), per issuing department in the scope, with the department's region for the table.
 */
export function offPlatformCertificateCounts(db: Executor, scope: Exclude<SupervisionScope, null>, from: Date, to: Date, departmentId?: string) {
  return db
    .selectFrom("certificates")
    .innerJoin("departments", "departments.id", "certificates.issuer_department_id")
    .innerJoin("regions", "regions.code", "departments.region_code")
    .where("certificates.supervision_code", "is", null)
    .where("certificates.issued_at", ">=", from)
    .where("certificates.issued_at", "<", to)
    .where((eb) => inScope(eb, { department: "departments.id", region: "departments.region_code" }, scope, departmentId))
    .select(["departments.id as department_id", "departments.name as department_name", "departments.region_code", "regions.name as region_name"])
    .select(sql<number>`count(*)`.as("n"))
    .groupBy(["departments.id", "departments.name", "departments.region_code", "regions.name"])
    .execute();
}
