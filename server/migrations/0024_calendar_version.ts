import { type Kysely, sql } from "kysely";

// The calendar's version, raised in the transaction of every change to calendar_days (clock/repository.ts):
// a process keeps its working-day calendar in memory and reloads it only when the version moved, and the
// public progress query reads the version in the same statement (one round trip). The version is drawn
// from a sequence, which a rollback never gives back: a number once seen (even inside a transaction that
// then rolled back) never names other contents.

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence calendar_version_seq`.execute(db);
  await sql`create table calendar_version (id integer primary key check (id = 1), version bigint not null)`.execute(db);
  await sql`insert into calendar_version (id, version) values (1, nextval('calendar_version_seq'))`.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  await sql`drop table calendar_version`.execute(db);
  await sql`drop sequence calendar_version_seq`.execute(db);
}
