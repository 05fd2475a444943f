import { type Kysely, sql } from "kysely";

// Consultations (咨询) and suggestions (建议), R33: each is about an item, a case or a department,
// is assigned to a named staff member of the responsible department and has a reply date in
// working days. The yellow-from date is stored beside the due date so that "all overdue ones" and
// "all near their date" are indexed queries for supervision.
const up = [
  sql`create table consultations (
    id text primary key,
    kind text not null check (kind in ('question', 'suggestion')),
    applicant_id text not null references users(id),
    item_id text references items(id),
    case_id text references cases(id),
    department_id text not null references departments(id),
    subject text not null,
    text text not null,
    created_at timestamptz not null,
    reply_due_date text not null,
    yellow_from text not null,
    assignee_id text not null references users(id),
    status text not null check (status in ('open', 'answered')),
    reply_text text,
    replied_by text references users(id),
    replied_at timestamptz,
    check ((status = 'answered') = (replied_at is not null))
  )`,
  sql`create index consultations_department on consultations(department_id, status, reply_due_date)`,
  sql`create index consultations_assignee on consultations(assignee_id, status)`,
  sql`create index consultations_applicant on consultations(applicant_id, created_at desc)`,
  sql`create index consultations_open_due on consultations(reply_due_date) where status = 'open'`,
];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of up) await q.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists consultations`.execute(db);
}
