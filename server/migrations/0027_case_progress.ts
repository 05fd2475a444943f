import { type Kysely, sql } from "kysely";

// The public progress page's facts of each case that has a supervision code or a reference number,
// kept by every command that changes the case, in its transaction (cases/progressRepository.ts). The
// page then reads one row by its code: no aggregates over tasks, suspensions and extensions per
// request. Names (item, departments) are joined at read time, so a renamed department shows at once;
// the deadline is computed at read time for today.
//
// The backfill below is the statement of progressRepository.ts as it was when this migration was
// written (a migration never follows later code).

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`create table case_progress (
      case_id text primary key references cases(id) on delete cascade,
      supervision_code text unique,
      reference_no text unique,
      item_id text not null references items(id),
      department_ids text[] not null,
      facts jsonb not null
    )`,
    sql`insert into case_progress (case_id, supervision_code, reference_no, item_id, department_ids, facts)
      select c.id, c.supervision_code, c.reference_no, c.item_id,
             array(select u.id from (select c.lead_department_id union select t.department_id from tasks t where t.case_id = c.id
                                     union select unnest(v.step_department_ids)) u(id) order by u.id),
             jsonb_build_object(
               'status', c.status, 'result', c.result, 'supervision_code', c.supervision_code, 'reference_no', c.reference_no,
               'accepted_at_ms', floor(extract(epoch from c.accepted_at) * 1000)::float8, 'closed_at_ms', floor(extract(epoch from c.closed_at) * 1000)::float8,
               'extension_days', c.extension_days, 'lead_department_id', c.lead_department_id,
               'promised_days', v.promised_days, 'yellow_days', v.yellow_days, 'steps', v.step_summary,
               'tasks', coalesce((select jsonb_agg(jsonb_build_object('stepId', t.step_id, 'status', t.status, 'departmentId', t.department_id,
                                                                       'completedAtMs', floor(extract(epoch from t.completed_at) * 1000)::float8) order by t.opened_at, t.id)
                                  from tasks t where t.case_id = c.id), '[]'),
               'suspensions', coalesce((select jsonb_agg(jsonb_build_object('id', s.id, 'kind', s.kind, 'reason', s.reason, 'startDay', s.start_day,
                                                                             'endDay', s.end_day, 'expectedWorkingDays', s.expected_working_days,
                                                                             'automatic', s.automatic) order by s.started_at)
                                        from suspensions s where s.case_id = c.id), '[]'),
               'extensions', coalesce((select jsonb_agg(jsonb_build_object('workingDays', e.working_days, 'reason', e.reason,
                                                                            'atMs', floor(extract(epoch from e.created_at) * 1000)::float8) order by e.created_at)
                                       from extensions e where e.case_id = c.id), '[]'))
      from cases c join item_versions v on v.id = c.item_version_id
      where c.supervision_code is not null or c.reference_no is not null`,
  ]) {
    await q.execute(db);
  }
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop table case_progress`.execute(db);
}
