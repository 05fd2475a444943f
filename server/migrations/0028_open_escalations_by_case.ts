import { type Kysely, sql } from "kysely";

// The supervisors' red and yellow lists, at any number of cases:
// - "Is this case escalated?" is asked for each row of a list. With only an index on (department_id,
//   status), PostgreSQL hashed every open escalation of the city for each list; an index of the open
//   ones by case answers each row with one probe.
// - The list's own columns are carried in the index of open cases by department, light and due date,
//   so a list is read from the index alone (an index-only scan) instead of fetching each case's wide row.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`create index escalations_open_by_case on escalations(case_id) where status = 'open'`,
    sql`create index cases_listed_by_light on cases(lead_department_id, light, due_date)
          include (id, item_id, supervision_code, status, accepted_at, extension_days) where light is not null`,
    sql`drop index cases_open_lights`,
  ]) {
    await q.execute(db);
  }
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`create index cases_open_lights on cases(lead_department_id, light, due_date) where light is not null`.execute(db);
  await sql`drop index cases_listed_by_light`.execute(db);
  await sql`drop index escalations_open_by_case`.execute(db);
}
