import { type Kysely, sql } from "kysely";

// Whole-guide versions of an item (R8–R11): a version is written as a draft, submitted, agreed to by
// the other departments of its process, approved by a second person and takes effect on its day.
// Process drafts become part of the version; open cases are told of a change once (change notices).
const up = [
  sql`alter table items drop constraint if exists items_level_check`,
  sql`alter table items add constraint items_level_check check (level in ('city', 'district', 'township'))`,
  sql`alter table item_versions alter column effective_from drop not null`,
  sql`alter table item_versions add column status text not null default 'published'`,
  sql`alter table item_versions add constraint item_versions_status_check check (status in ('draft', 'pending', 'scheduled', 'published', 'superseded', 'rejected'))`,
  // The day asked for (none: on approval); effective_from is the moment it took effect.
  sql`alter table item_versions add column effective_on date`,
  sql`alter table item_versions add column base_version_id text references item_versions(id)`,
  sql`alter table item_versions add column created_by text references users(id)`,
  sql`alter table item_versions add column updated_by text references users(id)`,
  sql`alter table item_versions add column updated_at timestamptz`,
  sql`alter table item_versions add column submitted_by text references users(id)`,
  sql`alter table item_versions add column submitted_at timestamptz`,
  sql`alter table item_versions add column decided_by text references users(id)`,
  sql`alter table item_versions add column decided_at timestamptz`,
  sql`alter table item_versions add column reject_reason text`,
  sql`alter table item_versions add column changes jsonb not null default '[]'`,
  sql`alter table item_versions add column diff jsonb not null default '[]'`,
  // Handling modes become the contract's values (R2: hall-only items cannot be applied for online).
  sql`update item_versions set handling_mode = case
        when exists (select 1 from items where items.id = item_versions.item_id and items.offline_only) then 'hall-only'
        when handling_mode in ('online', 'online-and-hall', 'hall-only') then handling_mode
        else 'online-and-hall' end`,
  sql`alter table item_versions add constraint item_versions_handling_mode_check check (handling_mode in ('online', 'online-and-hall', 'hall-only'))`,
  sql`create index item_versions_scheduled on item_versions(effective_on) where status = 'scheduled'`,
  sql`create index item_versions_pending on item_versions(item_id) where status = 'pending'`,
  sql`alter table item_materials add column blank_form_file text references files(sha256)`,
  sql`alter table item_materials add column sample_file text references files(sha256)`,
  // Blank forms and samples uploaded for an item's guides.
  sql`create table item_files (
    item_id text not null references items(id),
    sha256 text not null references files(sha256),
    file_name text not null,
    uploaded_by text references users(id),
    created_at timestamptz not null,
    primary key (item_id, sha256)
  )`,
  sql`create table version_agreements (
    id text primary key,
    version_id text not null references item_versions(id),
    department_id text not null references departments(id),
    status text not null check (status in ('pending', 'agreed', 'rejected')),
    decided_by text references users(id),
    decided_at timestamptz,
    note text,
    unique (version_id, department_id)
  )`,
  sql`create index version_agreements_pending on version_agreements(department_id) where status = 'pending'`,
  // One notice per open case and version (R11), whatever the number of runs or servers.
  sql`create table change_notices (
    id text primary key,
    version_id text not null references item_versions(id),
    case_id text not null references cases(id),
    applicant_id text not null references users(id),
    created_at timestamptz not null,
    unique (version_id, case_id)
  )`,
  // The language people are written to in (change notices, and later every notification).
  sql`alter table users add column lang text not null default 'zh-CN' check (lang in ('zh-CN', 'en'))`,
  sql`drop table if exists process_agreements`,
  sql`drop table if exists process_drafts`,
];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of up) await q.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column if exists lang`.execute(db);
  await sql`drop table if exists change_notices`.execute(db);
  await sql`drop table if exists version_agreements`.execute(db);
  await sql`drop table if exists item_files`.execute(db);
  await sql`alter table item_materials drop column if exists sample_file`.execute(db);
  await sql`alter table item_materials drop column if exists blank_form_file`.execute(db);
  await sql`drop index if exists item_versions_pending`.execute(db);
  await sql`drop index if exists item_versions_scheduled`.execute(db);
  await sql`alter table item_versions drop constraint if exists item_versions_handling_mode_check`.execute(db);
  for (const c of ["diff", "changes", "reject_reason", "decided_at", "decided_by", "submitted_at", "submitted_by", "updated_at", "updated_by", "created_by", "base_version_id", "effective_on", "status"]) {
    await sql`alter table item_versions drop column if exists ${sql.raw(c)}`.execute(db);
  }
  await sql`delete from item_versions where effective_from is null`.execute(db);
  await sql`alter table item_versions alter column effective_from set not null`.execute(db);
  await sql`alter table items drop constraint if exists items_level_check`.execute(db);
  await sql`alter table items add constraint items_level_check check (level in ('city', 'district'))`.execute(db);
}
