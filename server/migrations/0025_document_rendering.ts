import { type Kysely, sql } from "kysely";

// Documents are rendered after the command that issues them has committed (a durable job, or on
// first read): the row keeps what the renderer needs, frozen at issue time, and has no file until
// then. Rows issued before this migration have their file and no render input.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`alter table documents add column render_input jsonb`,
    sql`alter table documents add column rendered_at timestamptz`,
    sql`alter table documents alter column file_sha256 drop not null`,
    sql`alter table documents add constraint documents_file_or_input check (file_sha256 is not null or render_input is not null)`,
  ]) {
    await q.execute(db);
  }
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  // Only possible once every document is rendered: an unrendered one has no file to keep.
  for (const q of [
    sql`alter table documents drop constraint documents_file_or_input`,
    sql`alter table documents alter column file_sha256 set not null`,
    sql`alter table documents drop column rendered_at`,
    sql`alter table documents drop column render_input`,
  ]) {
    await q.execute(db);
  }
}
