import { type Kysely, sql } from "kysely";

// Staff administration: two-person change requests (R16) and training records (R17).
const up = [
  sql`create table staff_changes (
    id text primary key,
    kind text not null check (kind in ('create', 'update', 'grant-role', 'revoke-role', 'reset-password')),
    status text not null check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
    staff_id text references users(id),
    department_id text references departments(id),
    payload jsonb not null,
    reason text not null,
    requested_by text not null references users(id),
    requested_at timestamptz not null,
    decided_by text references users(id),
    decided_at timestamptz,
    decision_note text,
    check ((status = 'pending') = (decided_at is null)),
    check (decided_by is null or decided_by <> requested_by)
  )`,
  // One pending change per staff member: a second one waits until the first is decided.
  sql`create unique index staff_changes_one_pending on staff_changes(staff_id) where status = 'pending'`,
  sql`create index staff_changes_department on staff_changes(department_id, status)`,
  sql`create index staff_changes_requested on staff_changes(requested_at desc)`,
  sql`create table training_records (
    id text primary key,
    user_id text not null references users(id),
    course text not null,
    hours integer not null check (hours > 0),
    completed_on text not null,
    certificate_no text,
    recorded_by text not null references users(id),
    recorded_at timestamptz not null
  )`,
  sql`create index training_records_user on training_records(user_id)`,
  // A staff username, phone or ID number names one account.
  sql`create unique index users_staff_phone on users(phone) where kind = 'staff' and not disabled`,
];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of up) await q.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists users_staff_phone`.execute(db);
  await sql`drop table if exists training_records`.execute(db);
  await sql`drop table if exists staff_changes`.execute(db);
}
