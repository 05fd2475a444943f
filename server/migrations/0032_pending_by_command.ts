import { type Kysely, sql } from "kysely";

// A command's audit records wait for the sequencer as one row (its records in order, in `entries`),
// so that they stay together in the chain: numbered row by row, the records of commands inserting at
// the same moment could interleave. Records already waiting become one-record rows, in their order.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`create table audit_pending_commands (
      pseq bigserial primary key,
      at timestamptz not null,
      actor_id text,
      actor_kind text not null,
      actor_name text,
      ip text,
      request_id text,
      entries jsonb not null
    )`,
    sql`insert into audit_pending_commands (at, actor_id, actor_kind, actor_name, ip, request_id, entries)
      select at, actor_id, actor_kind, actor_name, ip, request_id,
             jsonb_build_array(jsonb_build_object('id', id, 'action', action, 'objectType', object_type, 'objectId', object_id, 'caseId', case_id,
                                                  'oldValues', old_values, 'newValues', new_values))
      from audit_pending order by pseq`,
    sql`drop table audit_pending`,
    sql`alter table audit_pending_commands rename to audit_pending`,
  ]) await q.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`create table audit_pending_records (
      pseq bigserial primary key, id text not null unique, at timestamptz not null, actor_id text, actor_kind text not null, actor_name text,
      ip text, request_id text, action text not null, object_type text not null, object_id text, case_id text, old_values jsonb, new_values jsonb
    )`,
    sql`insert into audit_pending_records (id, at, actor_id, actor_kind, actor_name, ip, request_id, action, object_type, object_id, case_id, old_values, new_values)
      select e->>'id', p.at, p.actor_id, p.actor_kind, p.actor_name, p.ip, p.request_id, e->>'action', e->>'objectType', e->>'objectId', e->>'caseId',
             e->'oldValues', e->'newValues'
      from audit_pending p cross join lateral jsonb_array_elements(p.entries) with ordinality as x(e, n) order by p.pseq, x.n`,
    sql`drop table audit_pending`,
    sql`alter table audit_pending_records rename to audit_pending`,
  ]) await q.execute(db);
}
