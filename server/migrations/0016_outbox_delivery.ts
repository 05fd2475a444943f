import { type Kysely, sql } from "kysely";

// The outbox is delivered: each message carries its state (queued → sending → sent, or failed after
// its last attempt; recorded where no sender is configured, as in the demo), its attempts, when it
// is next tried and why the last try failed, and the kind of message with its parameters for SMS
// gateways that send registered templates.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`alter table outbox add column status text not null default 'queued'`,
    sql`alter table outbox add column attempts integer not null default 0`,
    sql`alter table outbox add column next_attempt_at timestamptz`,
    sql`alter table outbox add column locked_by text`,
    sql`alter table outbox add column locked_at timestamptz`,
    sql`alter table outbox add column last_error text`,
    sql`alter table outbox add column kind text`,
    sql`alter table outbox add column params jsonb`,
    sql`alter table outbox add column subject text`,
    // What was queued before is taken as recorded: it was never meant to leave the demo.
    sql`update outbox set status = 'recorded', next_attempt_at = created_at`,
    sql`create index outbox_due on outbox(next_attempt_at) where status in ('queued', 'sending')`,
    sql`create index outbox_status on outbox(status, created_at)`,
  ]) {
    await q.execute(db);
  }
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists outbox_due`.execute(db);
  await sql`drop index if exists outbox_status`.execute(db);
  for (const c of ["status", "attempts", "next_attempt_at", "locked_by", "locked_at", "last_error", "kind", "params", "subject"]) {
    await sql.raw(`alter table outbox drop column if exists ${c}`).execute(db);
  }
}
