import { type Kysely, sql } from "kysely";

// Written for PostgreSQL 15 (the production floor); PGlite (18) accepts the same.
const up = [
  sql`create table regions (
    code text primary key,
    name text not null,
    level text not null check (level in ('city', 'district')),
    parent_code text references regions(code)
  )`,
  sql`create table departments (
    id text primary key,
    code text not null unique,
    name text not null,
    short_name text not null,
    region_code text not null references regions(code),
    counterpart_id text references departments(id),
    phone text not null default '',
    address text not null default '',
    created_at timestamptz not null
  )`,
  sql`create index departments_region on departments(region_code)`,
  sql`create table service_halls (
    id text primary key,
    code text not null unique,
    name text not null,
    region_code text not null references regions(code),
    address text not null,
    phone text not null,
    hours text not null
  )`,
  sql`create table users (
    id text primary key,
    kind text not null check (kind in ('applicant', 'staff')),
    applicant_type text check (applicant_type in ('person', 'organization')),
    name text not null,
    username text unique,
    phone text,
    id_number text,
    credit_code text,
    legal_rep_name text,
    legal_rep_id_number text,
    password_hash text not null,
    department_id text references departments(id),
    hall_id text references service_halls(id),
    trained_at timestamptz,
    failed_logins integer not null default 0,
    locked_until timestamptz,
    disabled boolean not null default false,
    created_at timestamptz not null
  )`,
  sql`create unique index users_applicant_phone on users(phone) where kind = 'applicant'`,
  sql`create unique index users_id_number on users(id_number) where kind = 'applicant' and applicant_type = 'person'`,
  sql`create unique index users_credit_code on users(credit_code) where kind = 'applicant'`,
  sql`create table role_assignments (
    id text primary key,
    user_id text not null references users(id),
    role text not null,
    department_id text references departments(id),
    region_code text references regions(code),
    created_at timestamptz not null
  )`,
  sql`create index role_assignments_user on role_assignments(user_id)`,
  sql`create index role_assignments_department on role_assignments(department_id, role)`,
  sql`create table sessions (
    id text primary key,
    user_id text not null references users(id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    ip text
  )`,
  sql`create index sessions_user on sessions(user_id)`,
  sql`create table sms_codes (
    id text primary key,
    phone text not null,
    purpose text not null,
    code_hash text not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    attempts integer not null default 0,
    used_at timestamptz
  )`,
  sql`create index sms_codes_phone on sms_codes(phone, purpose, created_at)`,
  sql`create table outbox (
    id text primary key,
    to_address text not null,
    channel text not null check (channel in ('sms', 'email')),
    text text not null,
    created_at timestamptz not null,
    sent_at timestamptz
  )`,
  sql`create index outbox_to on outbox(to_address, created_at)`,
  sql`create table files (
    sha256 text primary key,
    size bigint not null,
    mime text not null,
    created_at timestamptz not null
  )`,
  sql`create table items (
    id text primary key,
    code text not null unique,
    department_id text not null references departments(id),
    level text not null check (level in ('city', 'district')),
    region_code text not null references regions(code),
    name text not null,
    offline_only boolean not null default false,
    status text not null default 'active' check (status in ('active', 'cancelled')),
    current_version_id text,
    created_at timestamptz not null
  )`,
  sql`create index items_department on items(department_id)`,
  sql`create table item_versions (
    id text primary key,
    item_id text not null references items(id),
    version integer not null,
    effective_from timestamptz not null,
    legal_basis text not null,
    conditions text not null,
    handling_mode text not null,
    statutory_days integer not null check (statutory_days > 0),
    statutory_extension_days integer not null check (statutory_extension_days >= 0),
    promised_days integer not null check (promised_days > 0),
    yellow_days integer not null default 2,
    fees text not null,
    result text not null,
    result_certificate_type text,
    responsibilities text not null,
    accountability text not null,
    consultation_phone text not null,
    complaint_phone text not null,
    applicant_types text[] not null,
    form_fields jsonb not null,
    process jsonb not null,
    assisting_department_ids text[] not null default '{}',
    cc_department_ids text[] not null default '{}',
    search_text text not null,
    created_at timestamptz not null,
    unique (item_id, version),
    check (promised_days <= statutory_days)
  )`,
  sql`create table item_materials (
    id text primary key,
    item_version_id text not null references item_versions(id),
    key text not null,
    name text not null,
    required boolean not null,
    description text,
    has_form boolean not null default false,
    certificate_type text,
    sort integer not null,
    unique (item_version_id, key)
  )`,
  sql`create table cases (
    id text primary key,
    item_id text not null references items(id),
    item_version_id text not null references item_versions(id),
    applicant_id text not null references users(id),
    registered_by text references users(id),
    channel text not null check (channel in ('online', 'hall')),
    status text not null,
    result text check (result in ('approved', 'denied')),
    supervision_code text unique,
    region_code text not null references regions(code),
    lead_department_id text not null references departments(id),
    form_data jsonb not null,
    round integer not null default 1,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    submitted_at timestamptz,
    received_at timestamptz,
    accepted_at timestamptz,
    deemed_accepted boolean not null default false,
    closed_at timestamptz,
    not_accepted_reasons jsonb
  )`,
  sql`create index cases_applicant on cases(applicant_id, created_at desc)`,
  sql`create index cases_lead_status on cases(lead_department_id, status)`,
  sql`create table case_materials (
    id text primary key,
    case_id text not null references cases(id),
    material_id text not null references item_materials(id),
    round integer not null,
    file_sha256 text references files(sha256),
    file_name text,
    size bigint,
    mime text,
    offline boolean not null default false,
    note text,
    certificate_no text,
    uploaded_by text not null references users(id),
    created_at timestamptz not null,
    removed_at timestamptz
  )`,
  sql`create index case_materials_case on case_materials(case_id)`,
  sql`create table documents (
    id text primary key,
    case_id text references cases(id),
    kind text not null,
    title text not null,
    document_no text not null unique,
    file_sha256 text not null references files(sha256),
    created_by text references users(id),
    created_at timestamptz not null
  )`,
  sql`create index documents_case on documents(case_id)`,
  sql`create table case_events (
    id text primary key,
    case_id text not null references cases(id),
    at timestamptz not null,
    kind text not null,
    public boolean not null,
    department_id text references departments(id),
    actor_id text references users(id),
    data jsonb not null default '{}'
  )`,
  sql`create index case_events_case on case_events(case_id, at)`,
  sql`create table counters (
    key text primary key,
    value bigint not null
  )`,
  sql`create table audit_log (
    seq bigserial primary key,
    id text not null unique,
    at timestamptz not null,
    actor_id text,
    actor_kind text not null,
    actor_name text,
    ip text,
    request_id text,
    action text not null,
    object_type text not null,
    object_id text,
    case_id text,
    old_values jsonb,
    new_values jsonb,
    prev_hash text not null,
    hash text not null
  )`,
  sql`create index audit_log_case on audit_log(case_id, seq)`,
  sql`create index audit_log_actor on audit_log(actor_id, seq)`,
  sql`create index audit_log_at on audit_log(at)`,
  sql`create table platform_settings (
    key text primary key,
    value jsonb not null
  )`,
];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const statement of up) await statement.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "platform_settings", "audit_log", "counters", "case_events", "documents", "case_materials", "cases",
    "item_materials", "item_versions", "items", "files", "outbox", "sms_codes", "sessions",
    "role_assignments", "users", "service_halls", "departments", "regions",
  ]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
