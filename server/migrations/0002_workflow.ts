import { type Kysely, sql } from "kysely";

// The approval workflow: tasks per step, supplement rounds, records, results, delivery, process drafts.
const up = [
  sql`alter table cases add column current_step_id text`,
  sql`alter table cases add column supplement_return_status text`,
  sql`alter table cases add column withdrawn_at timestamptz`,
  sql`alter table cases add column decided_at timestamptz`,
  sql`create table tasks (
    id text primary key,
    case_id text not null references cases(id),
    step_id text not null,
    step_index integer not null,
    kind text not null,
    name text not null,
    department_id text not null references departments(id),
    role text not null,
    assignee_id text references users(id),
    status text not null check (status in ('open', 'claimed', 'done', 'cancelled')),
    outcome text check (outcome in ('pass', 'fail', 'return')),
    opinion text,
    attachments jsonb not null default '[]',
    record jsonb,
    working_days integer not null,
    round integer not null,
    opened_at timestamptz not null,
    claimed_at timestamptz,
    claimed_by text references users(id),
    completed_at timestamptz,
    completed_by text references users(id),
    due_date text,
    yellow_from text,
    light text check (light in ('green', 'yellow', 'red'))
  )`,
  sql`create index tasks_case on tasks(case_id, opened_at)`,
  sql`create index tasks_open on tasks(department_id, role) where status in ('open', 'claimed')`,
  sql`create index tasks_assignee on tasks(assignee_id) where status in ('open', 'claimed')`,
  sql`create table supplement_notices (
    id text primary key,
    case_id text not null references cases(id),
    round integer not null,
    department_id text not null references departments(id),
    task_id text references tasks(id),
    requested_by text not null references users(id),
    items jsonb not null,
    document_id text references documents(id),
    created_at timestamptz not null,
    answered_at timestamptz,
    answered_by text references users(id),
    unique (case_id, round)
  )`,
  // Records entered as they happened; never edited (R26: a third-party result exactly as received).
  sql`create table case_records (
    id text primary key,
    case_id text not null references cases(id),
    task_id text references tasks(id),
    kind text not null check (kind in ('verification', 'third-party', 'offline')),
    department_id text references departments(id),
    data jsonb not null,
    recorded_by text not null references users(id),
    recorded_at timestamptz not null
  )`,
  sql`create index case_records_case on case_records(case_id, recorded_at)`,
  sql`create function forbid_change() returns trigger language plpgsql as $$
    begin
      raise exception 'records of % are append-only', tg_table_name using errcode = '42501';
    end $$`,
  sql`create trigger case_records_append_only before update or delete on case_records for each row execute function forbid_change()`,
  sql`create trigger audit_log_append_only before update or delete on audit_log for each row execute function forbid_change()`,
  sql`create table handovers (
    id text primary key,
    case_id text not null references cases(id),
    supervision_code text not null,
    items jsonb not null,
    from_department_id text not null references departments(id),
    to_department_id text not null references departments(id),
    registered_by text not null references users(id),
    registered_at timestamptz not null,
    note text,
    received_at timestamptz,
    received_by text references users(id)
  )`,
  sql`create index handovers_case on handovers(case_id)`,
  sql`create table certificates (
    certificate_no text primary key,
    case_id text references cases(id),
    type text not null,
    name text not null,
    holder_id text references users(id),
    holder_name text not null,
    holder_code text not null,
    issuer_department_id text not null references departments(id),
    issued_at timestamptz not null,
    valid_until date,
    status text not null check (status in ('valid', 'revoked')),
    supervision_code text,
    payload jsonb not null,
    signature text not null,
    key_id text not null,
    document_id text references documents(id),
    revoked_at timestamptz,
    revoke_reason text
  )`,
  sql`create index certificates_holder on certificates(holder_id)`,
  sql`create index certificates_case on certificates(case_id)`,
  sql`create table case_results (
    id text primary key,
    case_id text not null references cases(id),
    department_id text not null references departments(id),
    result text not null check (result in ('approved', 'denied')),
    document_id text references documents(id),
    certificate_no text references certificates(certificate_no),
    recorded_by text not null references users(id),
    recorded_at timestamptz not null
  )`,
  sql`create index case_results_case on case_results(case_id)`,
  sql`create table deliveries (
    id text primary key,
    case_id text not null unique references cases(id),
    method text not null check (method in ('pickup', 'mail', 'electronic')),
    tracking_no text,
    address text,
    recipient_name text,
    id_checked boolean not null default false,
    delivered_by text not null references users(id),
    delivered_at timestamptz not null
  )`,
  sql`create table case_copies (
    id text primary key,
    case_id text not null references cases(id),
    department_id text not null references departments(id),
    created_at timestamptz not null,
    read_at timestamptz,
    unique (case_id, department_id)
  )`,
  sql`create table inbox (
    id text primary key,
    user_id text references users(id),
    department_id text references departments(id),
    role text,
    title text not null,
    text text not null,
    case_id text references cases(id),
    created_at timestamptz not null,
    read_at timestamptz
  )`,
  sql`create index inbox_user on inbox(user_id, created_at desc)`,
  sql`create index inbox_department on inbox(department_id, created_at desc)`,
  sql`create table process_drafts (
    id text primary key,
    item_id text not null references items(id),
    base_version_id text not null references item_versions(id),
    steps jsonb not null,
    assisting_department_ids text[] not null,
    status text not null check (status in ('draft', 'awaiting-agreement', 'published', 'discarded')),
    created_by text not null references users(id),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    published_version_id text references item_versions(id)
  )`,
  sql`create index process_drafts_item on process_drafts(item_id)`,
  sql`create table process_agreements (
    id text primary key,
    draft_id text not null references process_drafts(id),
    department_id text not null references departments(id),
    status text not null check (status in ('pending', 'agreed', 'rejected')),
    decided_by text references users(id),
    decided_at timestamptz,
    note text,
    unique (draft_id, department_id)
  )`,
  sql`alter table item_versions add column assisting_days jsonb not null default '{}'`,
  sql`alter table item_versions add column result_department_ids text[] not null default '{}'`,
];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const statement of up) await statement.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  for (const table of ["process_agreements", "process_drafts", "inbox", "case_copies", "deliveries", "case_results", "certificates", "handovers", "case_records", "supplement_notices", "tasks"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  await sql`drop trigger if exists audit_log_append_only on audit_log`.execute(db);
  await sql`drop function if exists forbid_change() cascade`.execute(db);
  for (const col of ["current_step_id", "supplement_return_status", "withdrawn_at", "decided_at"]) {
    await sql`alter table cases drop column if exists ${sql.ref(col)}`.execute(db);
  }
  await sql`alter table item_versions drop column if exists assisting_days`.execute(db);
  await sql`alter table item_versions drop column if exists result_department_ids`.execute(db);
}
