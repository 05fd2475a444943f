import type { CaseResult } from "@cq/contracts";
import type { Insertable } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { CaseMaterialsTable, CasesTable, CaseStatus, DeliveriesTable } from "../platform/schema.ts";
import { visibleCases } from "../policy/case.ts";
import type { Actor } from "../platform/actor.ts";

export async function insertCase(db: Executor, row: Insertable<CasesTable>) {
  await db.insertInto("cases").values(row).execute();
}

export async function updateCase(db: Executor, id: string, patch: Partial<Insertable<CasesTable>>) {
  await db.updateTable("cases").set(patch).where("id", "=", id).execute();
}

/** Updates the case and gives it `referenceNo` unless another case holds that number; whether it did. */
export async function updateCaseWithNewReference(db: Executor, id: string, patch: Partial<Insertable<CasesTable>>, referenceNo: string): Promise<boolean> {
  const r = await db
    .updateTable("cases")
    .set({ ...patch, reference_no: referenceNo })
    .where("id", "=", id)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("cases as other").select("other.id").where("other.reference_no", "=", referenceNo))))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertCaseMaterial(db: Executor, row: Insertable<CaseMaterialsTable>) {
  await db.insertInto("case_materials").values(row).execute();
}

export function activeUploads(db: Executor, caseId: string) {
  return db.selectFrom("case_materials").selectAll().where("case_id", "=", caseId).where("removed_at", "is", null).orderBy("created_at").execute();
}

export function findUpload(db: Executor, caseId: string, uploadId: string) {
  return db.selectFrom("case_materials").selectAll().where("case_id", "=", caseId).where("id", "=", uploadId).executeTakeFirst();
}

/**
 * Withdraws the active entries of one material in the case's current round that `which` names:
 * a certificate from the library stands for the whole material, so it replaces the files (and any
 * certificate) given for it before; a file replaces a certificate chosen before. A paper original
 * recorded at the hall stays. Returns the ids withdrawn.
 */
export async function replaceMaterialEntries(db: Executor, caseId: string, materialId: string, round: number, which: "files-and-certificates" | "certificates", at: Date): Promise<string[]> {
  let q = db
    .updateTable("case_materials")
    .set({ removed_at: at })
    .where("case_id", "=", caseId)
    .where("material_id", "=", materialId)
    .where("round", "=", round)
    .where("removed_at", "is", null)
    .where("offline", "=", false);
  if (which === "certificates") q = q.where("certificate_no", "is not", null);
  const rows = await q.returning("id").execute();
  return rows.map((r) => r.id);
}

export async function markUploadRemoved(db: Executor, uploadId: string, at: Date) {
  await db.updateTable("case_materials").set({ removed_at: at }).where("id", "=", uploadId).execute();
}

export interface CaseListRow {
  id: string;
  status: CaseStatus;
  result: CaseResult | null;
  supervision_code: string | null;
  reference_no: string | null;
  item_id: string;
  item_name: string;
  department_id: string;
  department_name: string;
  created_at: Date;
  submitted_at: Date | null;
  accepted_at: Date | null;
  due_date: string | null;
  light: string | null;
}

/** The caller's visible cases, newest first, keyset-paged by (created_at, id). */
export function listVisibleCases(db: Executor, actor: Actor, opts: { applicantId?: string; limit: number; before?: { at: Date; id: string } }) {
  let q = db
    .selectFrom("cases")
    .innerJoin("items", "items.id", "cases.item_id")
    .innerJoin("departments", "departments.id", "cases.lead_department_id")
    .select([
      "cases.id", "cases.status", "cases.result", "cases.supervision_code", "cases.reference_no", "cases.item_id", "items.name as item_name",
      "departments.id as department_id", "departments.name as department_name", "cases.created_at", "cases.submitted_at", "cases.accepted_at",
      "cases.due_date", "cases.light",
      (eb) => eb.exists(eb.selectFrom("evaluations").select("evaluations.id").whereRef("evaluations.case_id", "=", "cases.id")).as("evaluated"),
    ])
    .where(visibleCases(actor));
  if (opts.applicantId) q = q.where("cases.applicant_id", "=", opts.applicantId);
  if (opts.before) {
    const b = opts.before;
    q = q.where((eb) => eb.or([eb("cases.created_at", "<", b.at), eb.and([eb("cases.created_at", "=", b.at), eb("cases.id", "<", b.id)])]));
  }
  return q.orderBy("cases.created_at", "desc").orderBy("cases.id", "desc").limit(opts.limit + 1).execute();
}

/** Submitted cases waiting at the window of the given departments. */
export function acceptQueue(db: Executor, departmentIds: string[], itemId?: string) {
  if (!departmentIds.length) return Promise.resolve([]);
  let q = db
    .selectFrom("cases")
    .innerJoin("items", "items.id", "cases.item_id")
    .innerJoin("departments", "departments.id", "cases.lead_department_id")
    .innerJoin("users", "users.id", "cases.applicant_id")
    .select([
      "cases.id", "cases.status", "cases.supervision_code", "cases.reference_no", "cases.submitted_at", "cases.received_at", "cases.channel",
      "items.name as item_name", "items.id as item_id", "departments.id as department_id", "departments.name as department_name",
      "users.name as applicant_name",
    ])
    .where("cases.status", "=", "submitted")
    .where("cases.lead_department_id", "in", departmentIds);
  if (itemId) q = q.where("cases.item_id", "=", itemId);
  return q.orderBy("cases.submitted_at").limit(500).execute();
}

export function deliveryOfCase(db: Executor, caseId: string) {
  return db.selectFrom("deliveries").selectAll().where("case_id", "=", caseId).executeTakeFirst();
}

export async function insertDelivery(db: Executor, row: Insertable<DeliveriesTable>) {
  await db.insertInto("deliveries").values(row).execute();
}

export async function insertCaseCopy(db: Executor, row: { id: string; case_id: string; department_id: string; created_at: Date }) {
  await db.insertInto("case_copies").values({ ...row, read_at: null }).onConflict((oc) => oc.columns(["case_id", "department_id"]).doNothing()).execute();
}

/** Submitted cases that got no answer at all: candidates for deemed acceptance (Art. 32). */
export function unansweredSubmissions(db: Executor) {
  return db.selectFrom("cases").select(["id", "received_at"]).where("status", "=", "submitted").where("received_at", "is not", null).execute();
}

/** A draft's uploads for one material move to the same material of another version, or are removed when it has none. */
export async function moveUploads(db: Executor, caseId: string, fromMaterialId: string, toMaterialId: string | null, at: Date): Promise<void> {
  const q = db.updateTable("case_materials").where("case_id", "=", caseId).where("material_id", "=", fromMaterialId).where("removed_at", "is", null);
  await (toMaterialId ? q.set({ material_id: toMaterialId }) : q.set({ removed_at: at })).execute();
}

/** An item's drafts started under another version than the given one. */
export function draftsOfItemBefore(db: Executor, itemId: string, versionId: string) {
  return db
    .selectFrom("cases")
    .select(["id", "item_version_id"])
    .where("item_id", "=", itemId)
    .where("status", "=", "draft")
    .where("item_version_id", "!=", versionId)
    .orderBy("id")
    .forUpdate()
    .execute();
}
