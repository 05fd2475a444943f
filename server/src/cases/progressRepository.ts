import { sql } from "kysely";
import { type Executor, prepared } from "../platform/db.ts";
import type { CaseResult, CaseStatus } from "@cq/contracts";
import type { ProcessStep } from "../platform/schema.ts";

/** Everything the public progress page shows of a case, read in one statement (`progressByCode`). */
export interface ProgressRow {
  status: CaseStatus;
  result: CaseResult | null;
  supervision_code: string | null;
  reference_no: string | null;
  /** Milliseconds since the epoch (timestamps travel as numbers inside the JSON aggregates too). */
  accepted_at_ms: number | null;
  closed_at_ms: number | null;
  extension_days: number;
  lead_department_id: string;
  item_name: string;
  promised_days: number;
  yellow_days: number;
  /** The process's steps, only the four fields shown: the process's JSON never reaches the server. */
  steps: Pick<ProcessStep, "id" | "name" | "kind" | "departmentId">[];
  tasks: { stepId: string; status: string; departmentId: string; completedAtMs: number | null }[];
  suspensions: { id: string; kind: string; reason: string; startDay: string; endDay: string | null; expectedWorkingDays: number; automatic: boolean }[];
  extensions: { workingDays: number; reason: string; atMs: number }[];
  /** Names of the lead department, the steps' and the tasks' departments, by id. */
  departments: Record<string, string>;
  calendar_version: number;
}

const ms = (column: string) => sql.raw(`floor(extract(epoch from ${column}) * 1000)::float8`);

/**
 * One prepared statement: the case by its supervision code or reference number with its item's name,
 * its version's steps, tasks, suspensions, extensions, the departments named, and the calendar's
 * version (so the cached calendar is checked without a second round trip).
 */
function progressQuery(by: "supervision_code" | "reference_no", code: string) {
  return sql<ProgressRow>`${prepared(`public-progress-by-${by.replace("_", "-")}`)}
    select c.status, c.result, c.supervision_code, c.reference_no, ${ms("c.accepted_at")} as accepted_at_ms, ${ms("c.closed_at")} as closed_at_ms,
           c.extension_days, c.lead_department_id, i.name as item_name, v.promised_days, v.yellow_days, st.steps,
           coalesce((select json_agg(json_build_object('stepId', t.step_id, 'status', t.status, 'departmentId', t.department_id,
                                                       'completedAtMs', ${ms("t.completed_at")}))
                     from tasks t where t.case_id = c.id), '[]') as tasks,
           coalesce((select json_agg(json_build_object('id', s.id, 'kind', s.kind, 'reason', s.reason, 'startDay', s.start_day, 'endDay', s.end_day,
                                                       'expectedWorkingDays', s.expected_working_days, 'automatic', s.automatic) order by s.started_at)
                     from suspensions s where s.case_id = c.id), '[]') as suspensions,
           coalesce((select json_agg(json_build_object('workingDays', e.working_days, 'reason', e.reason, 'atMs', ${ms("e.created_at")}) order by e.created_at)
                     from extensions e where e.case_id = c.id), '[]') as extensions,
           coalesce((select json_object_agg(d.id, d.name) from departments d
                     where d.id = c.lead_department_id
                        or d.id in (select t.department_id from tasks t where t.case_id = c.id)
                        or d.id in (select x->>'departmentId' from json_array_elements(st.steps) x)), '{}') as departments,
           (select cv.version from calendar_version cv where cv.id = 1) as calendar_version
    from cases c
    join items i on i.id = c.item_id
    join item_versions v on v.id = c.item_version_id
    cross join lateral (select coalesce(json_agg(json_build_object('id', x.s->>'id', 'name', x.s->>'name', 'kind', x.s->>'kind',
                                                                   'departmentId', x.s->>'departmentId') order by x.o), '[]') as steps
                        from jsonb_array_elements(v.process->'steps') with ordinality x(s, o)) st
    where c.${sql.raw(by)} = ${code}`;
}

/** The progress of the case a supervision code (or, before acceptance, a reference number) names. */
export async function progressByCode(db: Executor, by: "supervision_code" | "reference_no", code: string): Promise<ProgressRow | undefined> {
  const r = await progressQuery(by, code).execute(db);
  return r.rows[0];
}
