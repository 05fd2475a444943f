import { type Kysely, sql } from "kysely";

// An account may give an e-mail address: notices then also go by mail. Stored sealed like the phone.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column email text`.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column if exists email`.execute(db);
}
