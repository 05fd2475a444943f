import { type Kysely, sql } from "kysely";

// Department systems connect with a bearer token of an integration client (R5): one department,
// a set of scopes, the token kept only as its SHA-256 hash. Rotation keeps the previous token's
// hash working until `previous_valid_until`; revocation ends both at once.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`create table integration_clients (
      id text primary key,
      name text not null,
      department_id text not null references departments(id),
      scopes jsonb not null,
      token_hash text not null unique,
      token_hint text not null,
      previous_token_hash text unique,
      previous_valid_until timestamptz,
      rate_limit_per_minute integer not null default 600,
      created_by text references users(id),
      created_at timestamptz not null,
      rotated_at timestamptz,
      revoked_at timestamptz,
      revoked_by text references users(id),
      last_used_at timestamptz
    )`,
    sql`create index integration_clients_department on integration_clients(department_id)`,
  ]) {
    await q.execute(db);
  }
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists integration_clients`.execute(db);
}
