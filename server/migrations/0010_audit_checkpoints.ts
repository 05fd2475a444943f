import { type Kysely, sql } from "kysely";

// A keyed audit chain (HMAC with a key outside the database) and signed checkpoints of its head,
// kept apart from the audit table (here, and in a file beside the database): deleting the newest
// entries or emptying the table no longer goes unnoticed.
const up = [
  // Entries written before this carry no key id: their hash is a plain SHA-256, as they were written.
  sql`alter table audit_log add column key_id text`,
  sql`create table audit_checkpoints (
    id text primary key,
    entries bigint not null,
    last_seq bigint not null,
    head_hash text not null,
    key_id text not null,
    at timestamptz not null,
    mac text not null
  )`,
  sql`create index audit_checkpoints_seq on audit_checkpoints(last_seq desc)`,
  // Both are append-only: no update or delete (row triggers), and no TRUNCATE, which row triggers miss.
  sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function forbid_change()`,
  sql`create trigger audit_checkpoints_append_only before update or delete on audit_checkpoints for each row execute function forbid_change()`,
  sql`create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints for each statement execute function forbid_change()`,
];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of up) await q.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists audit_log_no_truncate on audit_log`.execute(db);
  await sql`drop table if exists audit_checkpoints`.execute(db);
  await sql`alter table audit_log drop column if exists key_id`.execute(db);
}
