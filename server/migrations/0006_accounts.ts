import { type Kysely, sql } from "kysely";

// Read marks per person (a message to a department's role is read by each of its staff on their
// own), and accounts that must change an initial password.
const up = [
  sql`alter table users add column must_change_password boolean not null default false`,
  sql`create table inbox_reads (
    message_id text not null references inbox(id),
    user_id text not null references users(id),
    read_at timestamptz not null,
    primary key (message_id, user_id)
  )`,
  sql`create index inbox_reads_user on inbox_reads(user_id)`,
  // Replaced by the per-reader marks above.
  sql`alter table inbox drop column read_at`,
];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of up) await q.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists inbox_reads`.execute(db);
  await sql`alter table inbox add column if not exists read_at timestamptz`.execute(db);
  await sql`alter table users drop column if exists must_change_password`.execute(db);
}
