import { type Kysely, sql } from "kysely";

// Clock events (suspensions, extensions, explanations), escalations, durable jobs, off-platform flags.
const up = [
  sql`alter table cases add column suspended boolean not null default false`,
  // Events of one command share an instant: the sequence keeps them in the order they were written.
  sql`alter table case_events add column seq bigserial`,
  sql`alter table cases add column extension_days integer not null default 0`,
  sql`alter table cases add column used_working_days integer`,
  sql`alter table cases add column on_time boolean`,
  sql`alter table tasks add column clock_stopped boolean not null default false`,
  sql`create table suspensions (
    id text primary key,
    case_id text not null references cases(id),
    kind text not null,
    reason text not null,
    expected_working_days integer not null,
    automatic boolean not null default false,
    task_id text references tasks(id),
    start_day text not null,
    started_at timestamptz not null,
    started_by text references users(id),
    end_day text,
    ended_at timestamptz,
    ended_by text references users(id),
    document_id text references documents(id)
  )`,
  sql`create index suspensions_case on suspensions(case_id)`,
  sql`create table extensions (
    id text primary key,
    case_id text not null references cases(id),
    working_days integer not null check (working_days > 0),
    reason text not null,
    approved_by text not null references users(id),
    created_at timestamptz not null,
    document_id text references documents(id)
  )`,
  sql`create index extensions_case on extensions(case_id)`,
  sql`create table explanations (
    id text primary key,
    case_id text not null references cases(id),
    text text not null,
    created_by text not null references users(id),
    created_at timestamptz not null
  )`,
  sql`create index explanations_case on explanations(case_id)`,
  sql`create table escalations (
    id text primary key,
    case_id text not null references cases(id),
    department_id text not null references departments(id),
    automatic boolean not null,
    note text,
    created_by text references users(id),
    created_at timestamptz not null,
    response_due_date text not null,
    response_yellow_from text not null,
    light text check (light in ('green', 'yellow', 'red')),
    status text not null check (status in ('open', 'answered')),
    response_text text,
    responded_by text references users(id),
    responded_at timestamptz
  )`,
  sql`create index escalations_case on escalations(case_id)`,
  sql`create index escalations_open on escalations(department_id, status)`,
  sql`create unique index escalations_one_automatic on escalations(case_id) where automatic`,
  sql`create table jobs (
    id text primary key,
    kind text not null,
    dedupe_key text unique,
    run_at timestamptz not null,
    payload jsonb not null default '{}',
    status text not null check (status in ('queued', 'running', 'done', 'failed')),
    attempts integer not null default 0,
    locked_by text,
    locked_at timestamptz,
    finished_at timestamptz,
    last_error text
  )`,
  sql`create index jobs_due on jobs(run_at) where status = 'queued'`,
  sql`create table offplatform_flags (
    id text primary key,
    case_id text references cases(id),
    certificate_no text,
    department_id text references departments(id),
    kind text not null check (kind in ('burst-after-acceptance', 'decision-without-review', 'deemed-acceptance', 'certificate-without-code')),
    evidence jsonb not null,
    created_at timestamptz not null,
    unique (case_id, kind)
  )`,
  sql`create index offplatform_flags_created on offplatform_flags(created_at desc)`,
  sql`create index cases_open_lights on cases(lead_department_id, light, due_date) where light is not null`,
  // The daily lights refresh touches only rows turning yellow or red; these find them without a scan.
  sql`create index cases_turning_yellow on cases(yellow_from) where light = 'green'`,
  sql`create index cases_turning_red on cases(due_date) where light in ('green', 'yellow')`,

  sql`create index tasks_turning_yellow on tasks(yellow_from) where light = 'green'`,
  sql`create index tasks_turning_red on tasks(due_date) where light in ('green', 'yellow')`,

];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const statement of up) await statement.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  for (const table of ["offplatform_flags", "jobs", "escalations", "explanations", "extensions", "suspensions"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  for (const col of ["suspended", "extension_days", "used_working_days", "on_time"]) await sql`alter table cases drop column if exists ${sql.ref(col)}`.execute(db);
  await sql`alter table tasks drop column if exists clock_stopped`.execute(db);
}
