import { type Kysely, sql } from "kysely";

// The working-day calendar: only days that differ from "Monday to Friday work" are stored.
const up = [
  sql`create table calendar_days (
    date text primary key check (date ~ '^\\d{4}-\\d{2}-\\d{2}$'),
    workday boolean not null,
    kind text not null check (kind in ('workday', 'weekend', 'holiday', 'makeup-workday')),
    note text,
    source text not null check (source in ('chinese-days', 'admin')),
    updated_at timestamptz not null,
    updated_by text references users(id)
  )`,
  // A year counts as maintained once its holiday notice is in (from the package or by an admin).
  sql`create table calendar_years (
    year integer primary key,
    source text not null check (source in ('chinese-days', 'admin')),
    maintained_at timestamptz not null,
    maintained_by text references users(id)
  )`,
  sql`alter table cases add column due_date text`,
  sql`alter table cases add column yellow_from text`,
  sql`alter table cases add column light text check (light in ('green', 'yellow', 'red'))`,
  sql`create index cases_light on cases(lead_department_id, light) where light is not null`,
  sql`create index cases_due on cases(due_date) where due_date is not null`,
];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const statement of up) await statement.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists calendar_years`.execute(db);
  await sql`drop table if exists calendar_days`.execute(db);
  for (const col of ["due_date", "yellow_from", "light"]) await sql`alter table cases drop column if exists ${sql.ref(col)}`.execute(db);
}
