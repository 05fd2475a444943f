import type { Insertable } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { CaseRecordsTable, HandoversTable } from "../platform/schema.ts";

export async function insertCaseRecord(db: Executor, row: Insertable<CaseRecordsTable>) {
  await db.insertInto("case_records").values(row).execute();
}

export function recordsOfCase(db: Executor, caseId: string) {
  return db
    .selectFrom("case_records")
    .leftJoin("users", "users.id", "case_records.recorded_by")
    .leftJoin("integration_clients", "integration_clients.id", "case_records.recorded_by_client")
    .leftJoin("departments", "departments.id", "case_records.department_id")
    .selectAll("case_records")
    // A department system's record names the system (R5).
    .select((eb) => [eb.fn.coalesce("users.name", "integration_clients.name").as("recorder_name"), "departments.name as department_name"])
    .where("case_id", "=", caseId)
    .orderBy("recorded_at")
    .execute();
}

export async function insertHandover(db: Executor, row: Insertable<HandoversTable>) {
  await db.insertInto("handovers").values(row).execute();
}

export function findHandover(db: Executor, id: string) {
  return db.selectFrom("handovers").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function markHandoverReceived(db: Executor, id: string, by: string, at: Date): Promise<boolean> {
  const r = await db.updateTable("handovers").set({ received_at: at, received_by: by }).where("id", "=", id).where("received_at", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function handoversOfCase(db: Executor, caseId: string) {
  return db
    .selectFrom("handovers")
    .innerJoin("departments as f", "f.id", "handovers.from_department_id")
    .innerJoin("departments as t", "t.id", "handovers.to_department_id")
    .selectAll("handovers")
    .select(["f.name as from_name", "t.name as to_name"])
    .where("case_id", "=", caseId)
    .orderBy("registered_at")
    .execute();
}
