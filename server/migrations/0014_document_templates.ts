import { type Kysely, sql } from "kysely";

// Document templates (文书模板, R12): every saved version of the words of a kind of document, for the
// platform (`scope` 'platform') or one department (`scope` its id). A version with a null body sends
// the department back to the platform default. The reference number (申请编号) is given at submission.
const up = [
  sql`create table document_templates (
    id text primary key,
    scope text not null,
    department_id text references departments(id),
    kind text not null,
    version integer not null check (version > 0),
    body jsonb,
    note text,
    created_by text references users(id),
    created_at timestamptz not null,
    unique (scope, kind, version),
    check ((department_id is null and scope = 'platform') or (department_id is not null and scope = department_id))
  )`,
  sql`alter table cases add column reference_no text unique`,
];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of up) await q.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cases drop column if exists reference_no`.execute(db);
  await sql`drop table if exists document_templates`.execute(db);
}
