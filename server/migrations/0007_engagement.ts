import { type Kysely, sql } from "kysely";

// Evaluations (好差评, R37) and complaints (R33); a bad evaluation opens a work order, kept as a
// complaint of kind "evaluation" so both are answered the same way, by a named person, in time.
const up = [
  sql`create table complaints (
    id text primary key,
    kind text not null check (kind in ('complaint', 'evaluation')),
    applicant_id text not null references users(id),
    case_id text references cases(id),
    department_id text not null references departments(id),
    subject text not null,
    text text not null,
    created_at timestamptz not null,
    reply_due_date text not null,
    status text not null check (status in ('open', 'replied')),
    reply_text text,
    replied_by text references users(id),
    replied_at timestamptz,
    check ((status = 'replied') = (replied_at is not null))
  )`,
  sql`create index complaints_department on complaints(department_id, status, created_at desc)`,
  sql`create index complaints_applicant on complaints(applicant_id, created_at desc)`,
  sql`create table evaluations (
    id text primary key,
    case_id text not null unique references cases(id),
    applicant_id text not null references users(id),
    department_id text not null references departments(id),
    level integer not null check (level between 1 and 5),
    efficiency integer check (efficiency between 1 and 5),
    attitude integer check (attitude between 1 and 5),
    quality integer check (quality between 1 and 5),
    comment text,
    work_order_id text references complaints(id),
    created_at timestamptz not null
  )`,
  sql`create index evaluations_department on evaluations(department_id, created_at)`,
];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of up) await q.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists evaluations`.execute(db);
  await sql`drop table if exists complaints`.execute(db);
}
