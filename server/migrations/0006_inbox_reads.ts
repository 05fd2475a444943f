import { type Kysely, sql } from "kysely";

// Read marks per person: a message to a department's role is read by each of its staff on their own.
const up = [
  sql`create table inbox_reads (
    message_id text not null references inbox(id),
    user_id text not null references users(id),
    read_at timestamptz not null,
    primary key (message_id, user_id)
  )`,
  sql`create index inbox_reads_user on inbox_reads(user_id)`,
];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of up) await q.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists inbox_reads`.execute(db);
}
