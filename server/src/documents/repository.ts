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

/** Stores a rendered document's file unless one is stored already; true if this call stored it. */
export async function setDocumentFile(db: Executor, id: string, sha256: string, at: Date): Promise<boolean> {
  const r = await db.updateTable("documents").set({ file_sha256: sha256, rendered_at: at }).where("id", "=", id).where("file_sha256", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
