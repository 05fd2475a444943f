import type { CaseStatus } from "@cq/contracts";
import { sql } from "kysely";
import { type Executor, prepared } from "../platform/db.ts";
import type { SupervisionScope } from "../policy/supervision.ts";
import { openCounts, periodFigures, scopeCondition } from "./counts.ts";

/** What the platform shows of a department's period and of its open cases (R37). */
export interface DepartmentStatsRow {
  department_id: string;
  department_name: string;
  region_code: string;
  region_name: string;
  received: number;
  accepted: number;
  closed: number;
  closed_on_time: number;
  avg_working_days: number | null;
  overdue: number;
  yellow: number;
  suspended: number;
  extended: number;
  deemed_accepted: number;
  escalations_open: number;
}

/**
 * Per department: the figures of R37 for cases received/accepted/closed in [from, to) and its open
 * cases now (red, yellow, suspended), from the counters (supervision/counts.ts), and its open escalations. A department appears when it has a figure of the period or an open case to show.
 */
export async function departmentStats(db: Executor, scope: Exclude<SupervisionScope, null>, from: Date, to: Date, departmentId?: string, now?: Date): Promise<DepartmentStatsRow[]> {
  const [period, open] = await Promise.all([periodFigures(db, scope, from, to, "department", departmentId, now), openCounts(db, scope, departmentId)]);
  const byDepartment = new Map<string, Omit<DepartmentStatsRow, "department_name" | "region_name" | "region_code" | "escalations_open"> & { used_days_sum: number; used_days_n: number }>();
  const row = (id: string) => {
    let r = byDepartment.get(id);
    if (!r) {
      r = { department_id: id, received: 0, accepted: 0, closed: 0, closed_on_time: 0, avg_working_days: null, overdue: 0, yellow: 0, suspended: 0, extended: 0, deemed_accepted: 0, used_days_sum: 0, used_days_n: 0 };
      byDepartment.set(id, r);
    }
    return r;
  };
  for (const p of period) {
    const r = row(p.department_id);
    r.received += p.received;
    r.accepted += p.accepted;
    r.closed += p.closed;
    r.closed_on_time += p.closed_on_time;
    r.extended += p.extended;
    r.deemed_accepted += p.deemed_accepted;
    r.used_days_sum += p.used_days_sum;
    r.used_days_n += p.used_days_n;
  }
  for (const o of open) {
    const r = row(o.department_id);
    r.overdue += o.red;
    r.yellow += o.yellow;
    r.suspended += o.suspended;
  }
  const shown = [...byDepartment.values()].filter((r) => r.received || r.accepted || r.closed || r.extended || r.deemed_accepted || r.overdue || r.yellow || r.suspended);
  if (!shown.length) return [];
  const departments = await db
    .selectFrom("departments")
    .innerJoin("regions", "regions.code", "departments.region_code")
    .select((eb) => [
      "departments.id", "departments.name", "departments.region_code", "regions.name as region_name",
      eb.selectFrom("escalations").select(sql<number>`count(*)::int`.as("n")).whereRef("escalations.department_id", "=", "departments.id").where("escalations.status", "=", "open").as("escalations_open"),
    ])
    .where("departments.id", "in", shown.map((r) => r.department_id))
    .orderBy("departments.region_code")
    .orderBy("departments.name")
    .execute();
  const figures = new Map(shown.map((r) => [r.department_id, r]));
  return departments.map((d) => {
    const { used_days_sum, used_days_n, ...f } = figures.get(d.id)!;
    return {
      ...f,
      department_name: d.name,
      region_code: d.region_code,
      region_name: d.region_name,
      avg_working_days: used_days_n ? used_days_sum / used_days_n : null,
      escalations_open: Number(d.escalations_open ?? 0),
    };
  });
}

/** Received and closed per month (Asia/Shanghai) over [from, to), from the counters (`now`: as in `periodFigures`). */
export async function monthlyTrend(db: Executor, scope: Exclude<SupervisionScope, null>, from: Date, to: Date, departmentId?: string, now?: Date) {
  const months = (await periodFigures(db, scope, from, to, "month", departmentId, now)).sort((a, b) => a.month.localeCompare(b.month));
  return {
    received: months.filter((m) => m.received).map((m) => ({ month: m.month, n: m.received })),
    closed: months.filter((m) => m.closed).map((m) => ({ month: m.month, n: m.closed, on_time: m.closed_on_time })),
  };
}

/**
 * Open cases with the given light, most overdue first: one index-only scan (cases_listed_by_light,
 * migration 0028) with the item's and department's names and one probe each for an open escalation
 * and an explanation. A city-wide scope (one department or all) is a prepared statement: planning a
 * query over the cases' many indexes costs more than running it.
 */
export async function casesByLight(db: Executor, scope: Exclude<SupervisionScope, null>, light: "yellow" | "red", departmentId: string | undefined, limit: number) {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`bad limit ${limit}`);
  // The limit is part of the statement (and of its name): with a parameter for it PostgreSQL kept
  // planning the statement at each execution (0.6 of 0.95 ms at a million cases); with the number it
  // plans it once per connection.
  const name = scope.all ? prepared(`cases-by-light-${departmentId ? "of-department" : "of-city"}-${limit}`) : sql``;
  // Read from the index of cases by department, light and due date alone: it carries the listed
  // columns, escalated and explained among them (kept on the case by supervision/repository.ts).
  const r = await sql<{
    id: string; supervision_code: string | null; status: CaseStatus; due_date: string | null; light: "yellow" | "red"; accepted_at: Date | null;
    extension_days: number; item_name: string; department_id: string; department_name: string; escalated: boolean; explained: boolean;
  }>`${name}
    select c.id, c.supervision_code, c.status, c.due_date, c.light, c.accepted_at, c.extension_days, c.escalated, c.explained,
           i.name as item_name, d.id as department_id, d.name as department_name
    from cases c join items i on i.id = c.item_id join departments d on d.id = c.lead_department_id
    where ${scopeCondition({ department: "c.lead_department_id", region: "c.region_code" }, scope, departmentId)} and c.light = ${light}
    order by c.due_date limit ${sql.lit(limit)}`.execute(db);
  return r.rows;
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
    .where(scopeCondition({ department: "departments.id", region: "departments.region_code" }, scope, departmentId))
    .select(["departments.id as department_id", "departments.name as department_name", "departments.region_code", "regions.name as region_name"])
    .select(sql<number>`count(*)`.as("n"))
    .groupBy(["departments.id", "departments.name", "departments.region_code", "regions.name"])
    .execute();
}
