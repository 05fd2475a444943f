import { type Kysely, sql } from "kysely";

// A second factor for staff (TOTP, RFC 6238) with one-time recovery codes, a history of staff
// passwords (no reuse), and sessions that end after a while without use.
const up = [
  sql`alter table users add column totp_secret text`,
  sql`alter table users add column totp_pending_secret text`,
  sql`alter table users add column totp_enabled_at timestamptz`,
  // The last time step a code was accepted at: a code is never accepted twice.
  sql`alter table users add column totp_last_step bigint`,
  sql`create table recovery_codes (
    id text primary key,
    user_id text not null references users(id),
    code_hash text not null,
    created_at timestamptz not null,
    used_at timestamptz,
    unique (user_id, code_hash)
  )`,
  // Staff may not take one of their last passwords again.
  sql`create table password_history (
    id text primary key,
    user_id text not null references users(id),
    password_hash text not null,
    created_at timestamptz not null
  )`,
  sql`create index password_history_user on password_history(user_id, created_at desc)`,
  sql`alter table sessions add column last_seen_at timestamptz`,
  sql`update sessions set last_seen_at = created_at`,
];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of up) await q.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`alter table sessions drop column if exists last_seen_at`.execute(db);
  await sql`drop table if exists recovery_codes`.execute(db);
  await sql`drop table if exists password_history`.execute(db);
  for (const c of ["totp_last_step", "totp_enabled_at", "totp_pending_secret", "totp_secret"]) {
    await sql`alter table users drop column if exists ${sql.raw(c)}`.execute(db);
  }
}
