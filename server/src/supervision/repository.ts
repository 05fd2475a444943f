import { type Insertable, sql } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { EscalationsTable, OffplatformFlagsTable } from "../platform/schema.ts";

// `cases.escalated` and `cases.explained` (read by the red and yellow lists from their index) are
// kept here, in the transaction of each write they follow from.

export async function insertExplanation(db: Executor, row: { id: string; case_id: string; text: string; created_by: string; created_at: Date }) {
  await db.insertInto("explanations").values(row).execute();
  await db.updateTable("cases").set({ explained: true }).where("id", "=", row.case_id).where("explained", "=", false).execute();
}

export async function insertEscalation(db: Executor, row: Insertable<EscalationsTable>): Promise<boolean> {
  const r = await db.insertInto("escalations").values(row).onConflict((oc) => oc.column("case_id").where("automatic", "=", true).doNothing()).executeTakeFirst();
  const inserted = Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  if (inserted && row.status === "open") await db.updateTable("cases").set({ escalated: true }).where("id", "=", row.case_id).where("escalated", "=", false).execute();
  return inserted;
}

export function findEscalation(db: Executor, id: string) {
  return db.selectFrom("escalations").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function answerEscalation(db: Executor, id: string, v: { text: string; by: string; at: Date }) {
  const answered = await db
    .updateTable("escalations")
    .set({ status: "answered", response_text: v.text, responded_by: v.by, responded_at: v.at, light: null })
    .where("id", "=", id)
    .returning("case_id")
    .executeTakeFirstOrThrow();
  // Another escalation of the case may still be open.
  await db
    .updateTable("cases")
    .set({ escalated: sql<boolean>`exists (select 1 from escalations e where e.case_id = cases.id and e.status = 'open')` })
    .where("id", "=", answered.case_id)
    .execute();
}

export function listEscalations(db: Executor, f: { caseId?: string; status?: "open" | "answered"; departmentIds?: string[] }) {
  let q = db
    .selectFrom("escalations")
    .innerJoin("cases", "cases.id", "escalations.case_id")
    .innerJoin("items", "items.id", "cases.item_id")
    .innerJoin("departments", "departments.id", "escalations.department_id")
    .selectAll("escalations")
    .select(["cases.supervision_code", "cases.light as case_light", "items.name as item_name", "departments.name as department_name"])
    .orderBy("escalations.created_at", "desc")
    .limit(500);
  if (f.caseId) q = q.where("escalations.case_id", "=", f.caseId);
  if (f.status) q = q.where("escalations.status", "=", f.status);
  if (f.departmentIds) q = q.where("escalations.department_id", "in", f.departmentIds.length ? f.departmentIds : ["-"]);
  return q.execute();
}

export async function insertFlag(db: Executor, row: Insertable<OffplatformFlagsTable>) {
  await db.insertInto("offplatform_flags").values(row).onConflict((oc) => oc.columns(["case_id", "kind"]).doNothing()).execute();
}

export function listFlags(db: Executor, limit: number) {
  return db
    .selectFrom("offplatform_flags")
    .leftJoin("cases", "cases.id", "offplatform_flags.case_id")
    .leftJoin("items", "items.id", "cases.item_id")
    .leftJoin("departments", "departments.id", "offplatform_flags.department_id")
    .selectAll("offplatform_flags")
    .select(["cases.supervision_code", "items.name as item_name", "departments.name as department_name"])
    .orderBy("offplatform_flags.created_at", "desc")
    .limit(limit)
    .execute();
}

/**
 * Red cases due before `dueBefore` not yet escalated automatically, with their first explanation's
 * time: a page of at most `limit` in the order of their ids, after `afterId`.
 */
export function redCasesWithoutAutoEscalation(db: Executor, dueBefore: string, afterId: string | null, limit: number) {
  let q = db
    .selectFrom("cases")
    .select((eb) => [
      "cases.id",
      "cases.due_date",
      eb.selectFrom("explanations").select((e) => e.fn.min("explanations.created_at").as("at")).whereRef("explanations.case_id", "=", "cases.id").as("first_explained_at"),
    ])
    .where("cases.light", "=", "red")
    .where("cases.due_date", "<", dueBefore)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("escalations").select("escalations.id").whereRef("escalations.case_id", "=", "cases.id").where("escalations.automatic", "=", true))));
  if (afterId !== null) q = q.where("cases.id", ">", afterId);
  return q.orderBy("cases.id").limit(limit).execute();
}
