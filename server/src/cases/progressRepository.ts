import type { CaseResult, CaseStatus } from "@cq/contracts";
import { sql } from "kysely";
import { type Executor, prepared } from "../platform/db.ts";
import type { StepSummary } from "../platform/schema.ts";

/**
 * What the public progress page knows of a case, apart from names: kept in `case_progress.facts` by
 * every command that changes the case (`refreshProgress`, in its transaction).
 */
export interface ProgressFacts {
  status: CaseStatus;
  result: CaseResult | null;
  supervision_code: string | null;
  reference_no: string | null;
  /** Milliseconds since the epoch (timestamps travel as numbers inside the JSON). */
  accepted_at_ms: number | null;
  closed_at_ms: number | null;
  extension_days: number;
  lead_department_id: string;
  promised_days: number;
  yellow_days: number;
  /** The version's steps, the four fields shown (item_versions.step_summary: the process's JSON is never opened). */
  steps: StepSummary[];
  tasks: { stepId: string; status: string; departmentId: string; completedAtMs: number | null }[];
  suspensions: { id: string; kind: string; reason: string; startDay: string; endDay: string | null; expectedWorkingDays: number; automatic: boolean }[];
  extensions: { workingDays: number; reason: string; atMs: number }[];
}

/** The facts with the names they need and the calendar version to count the deadline with. */
export interface ProgressRow extends ProgressFacts {
  item_name: string;
  /** Names of the lead department, the steps' and the tasks' departments, by id. */
  departments: Record<string, string>;
  calendar_version: number;
}

const ms = (column: string) => sql.raw(`floor(extract(epoch from ${column}) * 1000)::float8`);

/**
 * The facts of the cases `c` ranges over, with their codes, item and the departments they name:
 * the one definition, used by the commands (`refreshProgress`) and by the benchmark's data generator.
 * (Migration 0027 holds a frozen copy for its backfill.)
 */
export const progressSelect = sql`
  select c.id as case_id, c.supervision_code, c.reference_no, c.item_id,
         array(select u.id from (select c.lead_department_id union select t.department_id from tasks t where t.case_id = c.id
                                 union select unnest(v.step_department_ids)) u(id) order by u.id) as department_ids,
         jsonb_build_object(
           'status', c.status, 'result', c.result, 'supervision_code', c.supervision_code, 'reference_no', c.reference_no,
           'accepted_at_ms', ${ms("c.accepted_at")}, 'closed_at_ms', ${ms("c.closed_at")},
           'extension_days', c.extension_days, 'lead_department_id', c.lead_department_id,
           'promised_days', v.promised_days, 'yellow_days', v.yellow_days, 'steps', v.step_summary,
           'tasks', coalesce((select jsonb_agg(jsonb_build_object('stepId', t.step_id, 'status', t.status, 'departmentId', t.department_id,
                                                                   'completedAtMs', ${ms("t.completed_at")}) order by t.opened_at, t.id)
                              from tasks t where t.case_id = c.id), '[]'),
           'suspensions', coalesce((select jsonb_agg(jsonb_build_object('id', s.id, 'kind', s.kind, 'reason', s.reason, 'startDay', s.start_day,
                                                                         'endDay', s.end_day, 'expectedWorkingDays', s.expected_working_days,
                                                                         'automatic', s.automatic) order by s.started_at)
                                    from suspensions s where s.case_id = c.id), '[]'),
           'extensions', coalesce((select jsonb_agg(jsonb_build_object('workingDays', e.working_days, 'reason', e.reason, 'atMs', ${ms("e.created_at")})
                                                    order by e.created_at)
                                   from extensions e where e.case_id = c.id), '[]')) as facts
  from cases c join item_versions v on v.id = c.item_version_id`;

/** Writes the progress rows of `where`'s cases that can be looked up (a supervision code or a reference number). */
export function upsertProgress(where: ReturnType<typeof sql>) {
  return sql`
    insert into case_progress (case_id, supervision_code, reference_no, item_id, department_ids, facts)
    ${progressSelect} where (c.supervision_code is not null or c.reference_no is not null) and ${where}
    on conflict (case_id) do update set supervision_code = excluded.supervision_code, reference_no = excluded.reference_no,
      item_id = excluded.item_id, department_ids = excluded.department_ids, facts = excluded.facts`;
}

/** Brings the progress rows of these cases up to date, in the caller's transaction. */
export async function refreshProgress(db: Executor, caseIds: readonly string[]): Promise<void> {
  if (!caseIds.length) return;
  // Run by every command that changes a case: planned once per connection.
  await sql`${prepared("keep-progress")} ${upsertProgress(sql`c.id = any(${[...caseIds]}::text[])`)}`.execute(db);
}

/**
 * One prepared statement: the progress row by its supervision code or reference number, with the item's
 * and the departments' names and the calendar's version (so the cached calendar is checked without a
 * second round trip).
 */
function progressQuery(by: "supervision_code" | "reference_no", code: string) {
  return sql<{ facts: ProgressFacts; item_name: string; departments: Record<string, string>; calendar_version: number }>`${prepared(`public-progress-by-${by.replace("_", "-")}`)}
    select p.facts, i.name as item_name,
           coalesce((select json_object_agg(d.id, d.name) from departments d where d.id = any(p.department_ids)), '{}') as departments,
           (select cv.version from calendar_version cv where cv.id = 1) as calendar_version
    from case_progress p join items i on i.id = p.item_id
    where p.${sql.raw(by)} = ${code}`;
}

/** The progress of the case a supervision code (or, before acceptance, a reference number) names. */
export async function progressByCode(db: Executor, by: "supervision_code" | "reference_no", code: string): Promise<ProgressRow | undefined> {
  const row = (await progressQuery(by, code).execute(db)).rows[0];
  return row && { ...row.facts, item_name: row.item_name, departments: row.departments, calendar_version: Number(row.calendar_version) };
}
