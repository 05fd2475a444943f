import type { Insertable } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { CaseResultsTable, CertificatesTable } from "../platform/schema.ts";

/** Stores a certificate under its number; false when the number is taken (nothing is written). */
export async function insertCertificate(db: Executor, row: Insertable<CertificatesTable>): Promise<boolean> {
  const r = await db
    .insertInto("certificates")
    .values(row)
    .onConflict((oc) => oc.column("certificate_no").doNothing())
    .returning("certificate_no")
    .executeTakeFirst();
  return r !== undefined;
}

/** Links a certificate to its printed document (issued once the number is stored). */
export async function setCertificateDocument(db: Executor, no: string, documentId: string) {
  await db.updateTable("certificates").set({ document_id: documentId }).where("certificate_no", "=", no).execute();
}

export function findCertificate(db: Executor, no: string) {
  return db
    .selectFrom("certificates")
    .innerJoin("departments", "departments.id", "certificates.issuer_department_id")
    .selectAll("certificates")
    .select("departments.name as issuer_name")
    .where("certificate_no", "=", no)
    .executeTakeFirst();
}

export function certificatesOfHolder(db: Executor, holderId: string) {
  return db
    .selectFrom("certificates")
    .innerJoin("departments", "departments.id", "certificates.issuer_department_id")
    .selectAll("certificates")
    .select("departments.name as issuer_name")
    .where("holder_id", "=", holderId)
    .orderBy("issued_at", "desc")
    .execute();
}

export async function insertCaseResult(db: Executor, row: Insertable<CaseResultsTable>) {
  await db.insertInto("case_results").values(row).execute();
}

export function resultsOfCase(db: Executor, caseId: string) {
  return db
    .selectFrom("case_results")
    .innerJoin("departments", "departments.id", "case_results.department_id")
    .selectAll("case_results")
    .select("departments.name as department_name")
    .where("case_id", "=", caseId)
    .orderBy("recorded_at")
    .execute();
}

/** Revokes a certificate still in force; false when another revocation came first (the row is locked meanwhile). */
export async function revokeCertificateRow(db: Executor, no: string, reason: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("certificates")
    .set({ status: "revoked", revoked_at: at, revoke_reason: reason })
    .where("certificate_no", "=", no)
    .where("status", "!=", "revoked")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
