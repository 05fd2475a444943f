import { type Kysely, sql } from "kysely";

// Administration of the organization (R14): townships and streets (乡镇/街道) below the districts,
// and departments and service halls that are disabled rather than deleted (cases, staff and the
// audit trail keep referring to them).
const up = [
  sql`alter table regions drop constraint if exists regions_level_check`,
  sql`alter table regions add constraint regions_level_check check (level in ('city', 'district', 'township'))`,
  sql`create index if not exists regions_parent on regions(parent_code)`,
  sql`alter table departments add column disabled_at timestamptz`,
  sql`alter table service_halls add column disabled_at timestamptz`,
  // One name per region, so that people and lists can tell departments and halls apart.
  sql`create unique index departments_region_name on departments(region_code, name)`,
  sql`create unique index service_halls_region_name on service_halls(region_code, name)`,
];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of up) await q.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists service_halls_region_name`.execute(db);
  await sql`drop index if exists departments_region_name`.execute(db);
  await sql`alter table service_halls drop column if exists disabled_at`.execute(db);
  await sql`alter table departments drop column if exists disabled_at`.execute(db);
  await sql`drop index if exists regions_parent`.execute(db);
  await sql`alter table regions drop constraint if exists regions_level_check`.execute(db);
  await sql`alter table regions add constraint regions_level_check check (level in ('city', 'district'))`.execute(db);
}
