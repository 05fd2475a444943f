import { type Kysely, sql } from "kysely";

// Every claim first looks for a job whose process died while running it (platform/jobs.ts): the jobs
// running now, by when they were taken, whatever the number of finished jobs kept in the table.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  await sql`create index jobs_running on jobs(locked_at) where status = 'running'`.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop index jobs_running`.execute(db);
}
