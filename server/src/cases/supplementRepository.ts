import type { Insertable } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { SupplementNoticesTable } from "../platform/schema.ts";

export function findNoticeOfRound(db: Executor, caseId: string, round: number) {
  return db.selectFrom("supplement_notices").selectAll().where("case_id", "=", caseId).where("round", "=", round).executeTakeFirst();
}

export async function insertNotice(db: Executor, row: Insertable<SupplementNoticesTable>) {
  await db.insertInto("supplement_notices").values(row).execute();
}

export async function markNoticeAnswered(db: Executor, id: string, by: string, at: Date) {
  await db.updateTable("supplement_notices").set({ answered_at: at, answered_by: by }).where("id", "=", id).execute();
}

export function noticesOfCase(db: Executor, caseId: string) {
  return db.selectFrom("supplement_notices").selectAll().where("case_id", "=", caseId).orderBy("round").execute();
}
