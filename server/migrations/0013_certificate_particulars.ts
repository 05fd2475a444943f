import { type Kysely, sql } from "kysely";

// Certificates state their particulars (证照信息) as printed on the licence: key, label, value, personal
// values sealed like the holder's code. Certificates issued before have none.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  await sql`alter table certificates add column particulars jsonb not null default '[]'::jsonb`.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`alter table certificates drop column if exists particulars`.execute(db);
}
