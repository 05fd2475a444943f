import { type Kysely, sql } from "kysely";

// Staff are told once when a task of theirs turns yellow, and the department head once when it
// turns red (R36). The marker columns make "once" hold across sweeps, restarts and several server
// processes: a notice is queued in the same transaction as the update that sets its marker.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`alter table tasks add column yellow_noticed_at timestamptz`,
    sql`alter table tasks add column red_noticed_at timestamptz`,
    // Open tasks whose light still owes a notice: a handful at any time, found without a scan.
    sql`create index tasks_light_notice_due on tasks(light) where status in ('open', 'claimed') and light in ('yellow', 'red') and red_noticed_at is null`,
  ]) {
    await q.execute(db);
  }
  // Lights that were already yellow or red before this change were never announced: they are taken as told.
  await sql`update tasks set yellow_noticed_at = now() where light in ('yellow', 'red')`.execute(db);
  await sql`update tasks set red_noticed_at = now() where light = 'red'`.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists tasks_light_notice_due`.execute(db);
  await sql`alter table tasks drop column if exists yellow_noticed_at`.execute(db);
  await sql`alter table tasks drop column if exists red_noticed_at`.execute(db);
}
