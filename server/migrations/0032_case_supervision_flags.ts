import { type Kysely, sql } from "kysely";

// The supervisors' red and yellow lists show, for each case, whether an escalation is open and
// whether the department explained the delay. Asked per row, these were two index probes per case
// of the list (half its time at a million cases). They are now kept on the case itself, in the
// transaction that records the escalation, its answer or the explanation
// (supervision/repository.ts), and carried in the index the lists are read from, so that a list
// is read from that index alone.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`alter table cases add column escalated boolean not null default false, add column explained boolean not null default false`,
    sql`update cases set escalated = true where id in (select case_id from escalations where status = 'open')`,
    sql`update cases set explained = true where id in (select case_id from explanations)`,
    sql`create index cases_listed_by_light_flags on cases(lead_department_id, light, due_date)
          include (id, item_id, supervision_code, status, accepted_at, extension_days, escalated, explained) where light is not null`,
    sql`drop index cases_listed_by_light`,
    sql`alter index cases_listed_by_light_flags rename to cases_listed_by_light`,
  ]) {
    await q.execute(db);
  }
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`drop index cases_listed_by_light`,
    sql`create index cases_listed_by_light on cases(lead_department_id, light, due_date)
          include (id, item_id, supervision_code, status, accepted_at, extension_days) where light is not null`,
    sql`alter table cases drop column escalated, drop column explained`,
  ]) {
    await q.execute(db);
  }
}
