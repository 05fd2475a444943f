import type { Insertable } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { DocumentsTable } from "../platform/schema.ts";

export async function insertDocument(db: Executor, row: Insertable<DocumentsTable>) {
  await db.insertInto("documents").values(row).execute();
}

export function findDocument(db: Executor, id: string) {
  return db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirst();
}

export function documentsOfCase(db: Executor, caseId: string) {
  return db.selectFrom("documents").select(["id", "kind", "title", "document_no", "created_at"]).where("case_id", "=", caseId).orderBy("created_at").execute();
}
