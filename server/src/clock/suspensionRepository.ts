import type { Insertable } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { ExtensionsTable, SuspensionsTable } from "../platform/schema.ts";

export async function insertSuspension(db: Executor, row: Insertable<SuspensionsTable>) {
  await db.insertInto("suspensions").values(row).execute();
}

export function findSuspension(db: Executor, caseId: string, id: string) {
  return db.selectFrom("suspensions").selectAll().where("case_id", "=", caseId).where("id", "=", id).executeTakeFirst();
}

export function runningAutoSuspension(db: Executor, taskId: string) {
  return db.selectFrom("suspensions").selectAll().where("task_id", "=", taskId).where("end_day", "is", null).executeTakeFirst();
}

export async function endSuspensionRow(db: Executor, id: string, v: { endDay: string; at: Date; by: string | null }) {
  await db.updateTable("suspensions").set({ end_day: v.endDay, ended_at: v.at, ended_by: v.by }).where("id", "=", id).where("end_day", "is", null).execute();
}

export function suspensionsOfCase(db: Executor, caseId: string) {
  return db.selectFrom("suspensions").selectAll().where("case_id", "=", caseId).orderBy("started_at").execute();
}

export async function insertExtension(db: Executor, row: Insertable<ExtensionsTable>) {
  await db.insertInto("extensions").values(row).execute();
}

export function extensionsOfCase(db: Executor, caseId: string) {
  return db.selectFrom("extensions").selectAll().where("case_id", "=", caseId).orderBy("created_at").execute();
}
