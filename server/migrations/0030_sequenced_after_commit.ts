import { type Kysely, sql } from "kysely";

// What must be read in commit order — the audit chain and the integration event feed — is no longer
// ordered inside each command's transaction (under one lock every writer waited for, through its
// commit) but right after it, by one sequencer at a time (audit/sequencer.ts): a command writes its
// audit records into `audit_pending` (one row) and its events without a `seq`; the sequencer links the records
// into `audit_log` and numbers the events, in the order they became visible.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    // A command's records wait as one row (`entries`, in order), so that they stay together in the chain.
    sql`create table audit_pending (
      pseq bigserial primary key,
      at timestamptz not null,
      actor_id text,
      actor_kind text not null,
      actor_name text,
      ip text,
      request_id text,
      entries jsonb not null
    )`,
    // The feed's seq is drawn by the sequencer from the same sequence; events wait unnumbered until then.
    sql`alter table integration_events drop constraint integration_events_pkey`,
    sql`alter table integration_events alter column seq drop default`,
    sql`alter table integration_events alter column seq drop not null`,
    sql`create unique index integration_events_seq on integration_events(seq)`,
    // The order events were written in (a command's events stay in its order), and those still unnumbered.
    sql`alter table integration_events add column written bigserial`,
    sql`create index integration_events_unsequenced on integration_events(written) where seq is null`,
  ]) await q.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`drop index integration_events_unsequenced`,
    sql`alter table integration_events drop column written`,
    sql`drop index integration_events_seq`,
    sql`update integration_events set seq = nextval('integration_events_seq_seq') where seq is null`,
    sql`alter table integration_events alter column seq set not null`,
    sql`alter table integration_events alter column seq set default nextval('integration_events_seq_seq')`,
    sql`alter table integration_events add primary key (seq)`,
    sql`drop table audit_pending`,
  ]) await q.execute(db);
}
