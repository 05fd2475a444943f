import { type Kysely, sql } from "kysely";

// What the public progress page shows of a version's process, kept beside it when the process is
// written (catalog/guide.ts, versionColumns): each step's id, name, kind and department, and the
// departments the steps name. The hot read never opens the process's JSON (hundreds of bytes to
// kilobytes, compressed) to find four fields.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`alter table item_versions add column step_summary jsonb not null default '[]'`,
    sql`alter table item_versions add column step_department_ids text[] not null default '{}'`,
    sql`update item_versions v set
          step_summary = coalesce((select jsonb_agg(jsonb_build_object('id', s->>'id', 'name', s->>'name', 'kind', s->>'kind', 'departmentId', s->'departmentId') order by o)
                                   from jsonb_array_elements(v.process->'steps') with ordinality x(s, o)), '[]'),
          step_department_ids = coalesce((select array_agg(distinct s->>'departmentId') from jsonb_array_elements(v.process->'steps') s
                                          where s->>'departmentId' is not null), '{}')`,
  ]) {
    await q.execute(db);
  }
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`alter table item_versions drop column step_summary`.execute(db);
  await sql`alter table item_versions drop column step_department_ids`.execute(db);
}
