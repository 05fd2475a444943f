import { type Kysely, sql } from "kysely";

// ID numbers, phone numbers and second-factor secrets are stored sealed (server/src/platform/personalData.ts).
// Sealed values differ every time, so uniqueness and look-ups move to blind-index columns. The values
// already stored are sealed, and their indexes filled, by `sealPersonalData` when the platform starts
// (a migration does not hold the key). SMS codes keep only the index of their phone; the few
// outstanding ones (valid for minutes) are dropped.
const up = [
  sql`alter table users add column phone_index text`,
  sql`alter table users add column id_number_index text`,
  sql`drop index if exists users_applicant_phone`,
  sql`drop index if exists users_id_number`,
  sql`drop index if exists users_staff_phone`,
  sql`create unique index users_applicant_phone on users(phone_index) where kind = 'applicant'`,
  sql`create unique index users_id_number on users(id_number_index) where kind = 'applicant' and applicant_type = 'person'`,
  sql`create unique index users_staff_phone on users(phone_index) where kind = 'staff' and not disabled`,
  sql`delete from sms_codes`,
  sql`alter table sms_codes rename column phone to phone_index`,
  sql`alter table outbox add column to_index text`,
  sql`drop index if exists outbox_to`,
  sql`create index outbox_to on outbox(to_index, created_at)`,
];

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of up) await q.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`drop index if exists outbox_to`,
    sql`alter table outbox drop column to_index`,
    sql`create index outbox_to on outbox(to_address, created_at)`,
    sql`alter table sms_codes rename column phone_index to phone`,
    sql`drop index if exists users_applicant_phone`,
    sql`drop index if exists users_id_number`,
    sql`drop index if exists users_staff_phone`,
    sql`alter table users drop column phone_index`,
    sql`alter table users drop column id_number_index`,
    sql`create unique index users_applicant_phone on users(phone) where kind = 'applicant'`,
    sql`create unique index users_id_number on users(id_number) where kind = 'applicant' and applicant_type = 'person'`,
    sql`create unique index users_staff_phone on users(phone) where kind = 'staff' and not disabled`,
  ]) await q.execute(db);
}
