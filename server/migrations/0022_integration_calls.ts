import { type Kysely, sql } from "kysely";

// Every call a department system makes with its token (R5): which client, the method, the route
// pattern (never the path with its ids, never the token), the answer's status, and when (real time,
// like the tokens). The admin's page lists a client's recent calls.
// A record a department system enters (a third-party result, an offline step's record) names the
// client instead of a person: `recorded_by` stays null for it.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`create table integration_calls (
      id bigserial primary key,
      client_id text not null references integration_clients(id),
      method text not null,
      route text not null,
      status integer not null,
      at timestamptz not null
    )`,
    sql`create index integration_calls_client_at on integration_calls(client_id, at)`,
    sql`alter table case_records alter column recorded_by drop not null`,
    sql`alter table case_records add column recorded_by_client text references integration_clients(id)`,
  ]) {
    await q.execute(db);
  }
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`alter table case_records drop column if exists recorded_by_client`.execute(db);
  await sql`drop table if exists integration_calls`.execute(db);
}
