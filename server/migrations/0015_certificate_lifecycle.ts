import { type Kysely, sql } from "kysely";

// A certificate's life after issue: a revocation states its legal basis beside the reason and time,
// and the holder is reminded once before it expires (the reminder's time is kept so it is sent once).

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  await sql`alter table certificates add column revoke_legal_basis text`.execute(db);
  await sql`alter table certificates add column expiry_reminded_at timestamptz`.execute(db);
  await sql`create index certificates_expiry_reminder on certificates (valid_until) where status = 'valid' and expiry_reminded_at is null and valid_until is not null`.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists certificates_expiry_reminder`.execute(db);
  await sql`alter table certificates drop column if exists expiry_reminded_at`.execute(db);
  await sql`alter table certificates drop column if exists revoke_legal_basis`.execute(db);
}
