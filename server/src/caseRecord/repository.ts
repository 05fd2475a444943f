import type { Insertable } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { CaseEventsTable } from "../platform/schema.ts";

/** Loads a case regardless of who asks: callers must apply the policy themselves. */
export function unsafeFindCase(db: Executor, id: string) {
  return db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The same, locking the row for the rest of the transaction (state changes). */
export function unsafeFindCaseForUpdate(db: Executor, id: string) {
  return db.selectFrom("cases").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export function unsafeFindCaseByCode(db: Executor, supervisionCode: string) {
  return db.selectFrom("cases").selectAll().where("supervision_code", "=", supervisionCode).executeTakeFirst();
}

export async function insertCaseEvent(db: Executor, row: Insertable<CaseEventsTable>) {
  await db.insertInto("case_events").values(row).execute();
}

export function caseEvents(db: Executor, caseId: string, publicOnly: boolean) {
  let q = db
    .selectFrom("case_events")
    .leftJoin("departments", "departments.id", "case_events.department_id")
    .select(["case_events.id", "case_events.at", "case_events.kind", "case_events.public", "case_events.data", "departments.name as department_name"])
    .where("case_id", "=", caseId)
    .orderBy("case_events.at")
    .orderBy("case_events.seq");
  if (publicOnly) q = q.where("case_events.public", "=", true);
  return q.execute();
}

/** Departments that hold or held a task on the case, or were copied on it after closing (R32). */
export async function involvedDepartments(db: Executor, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("tasks")
    .select("department_id")
    .where("case_id", "=", caseId)
    .union(db.selectFrom("case_copies").select("department_id").where("case_id", "=", caseId))
    .execute();
  return rows.map((r) => r.department_id);
}
