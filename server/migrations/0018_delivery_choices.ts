import { type Kysely, sql } from "kysely";

// The applicant's choice of how to receive the result (送达方式): one row per case, changed until the
// decision. The mailing phone and address are personal data, stored sealed (platform/personalData.ts),
// as is the address a result was mailed to. `ready_notice_at` records the one "ready for pick-up"
// notice, so that it is sent exactly once.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  await sql`create table delivery_choices (
    case_id text primary key references cases(id),
    method text not null check (method in ('pickup', 'mail', 'electronic')),
    recipient_name text,
    phone text,
    address text,
    chosen_by text not null references users(id),
    chosen_at timestamptz not null,
    ready_notice_at timestamptz
  )`.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists delivery_choices`.execute(db);
}
