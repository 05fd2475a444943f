import type { Insertable } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { ProcessDraftsTable } from "../platform/schema.ts";

export async function insertDraft(db: Executor, row: Insertable<ProcessDraftsTable>) {
  await db.insertInto("process_drafts").values(row).execute();
}

export function findDraft(db: Executor, id: string) {
  return db.selectFrom("process_drafts").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function updateDraft(db: Executor, id: string, patch: Partial<Insertable<ProcessDraftsTable>>) {
  await db.updateTable("process_drafts").set(patch).where("id", "=", id).execute();
}

export function draftsOfItem(db: Executor, itemId: string) {
  return db.selectFrom("process_drafts").selectAll().where("item_id", "=", itemId).where("status", "in", ["draft", "awaiting-agreement"]).orderBy("created_at", "desc").execute();
}

export async function insertAgreements(db: Executor, draftId: string, departmentIds: string[], newId: () => string) {
  if (!departmentIds.length) return;
  await db
    .insertInto("process_agreements")
    .values(departmentIds.map((d) => ({ id: newId(), draft_id: draftId, department_id: d, status: "pending" as const, decided_by: null, decided_at: null, note: null })))
    .onConflict((oc) => oc.columns(["draft_id", "department_id"]).doUpdateSet({ status: "pending", decided_by: null, decided_at: null, note: null }))
    .execute();
}

export function agreementsOfDraft(db: Executor, draftId: string) {
  return db
    .selectFrom("process_agreements")
    .innerJoin("departments", "departments.id", "process_agreements.department_id")
    .selectAll("process_agreements")
    .select("departments.name as department_name")
    .where("draft_id", "=", draftId)
    .execute();
}

export async function decideAgreement(db: Executor, draftId: string, departmentId: string, d: { status: "agreed" | "rejected"; by: string; at: Date; note: string | null }) {
  await db
    .updateTable("process_agreements")
    .set({ status: d.status, decided_by: d.by, decided_at: d.at, note: d.note })
    .where("draft_id", "=", draftId)
    .where("department_id", "=", departmentId)
    .execute();
}

export function pendingAgreementsFor(db: Executor, departmentIds: string[]) {
  if (!departmentIds.length) return Promise.resolve([]);
  return db
    .selectFrom("process_agreements")
    .innerJoin("process_drafts", "process_drafts.id", "process_agreements.draft_id")
    .innerJoin("items", "items.id", "process_drafts.item_id")
    .innerJoin("departments", "departments.id", "items.department_id")
    .select([
      "process_agreements.id", "process_agreements.draft_id", "process_agreements.department_id", "items.id as item_id", "items.name as item_name",
      "departments.name as lead_name", "process_drafts.steps", "process_drafts.assisting_department_ids",
    ])
    .where("process_agreements.department_id", "in", departmentIds)
    .where("process_agreements.status", "=", "pending")
    .where("process_drafts.status", "=", "awaiting-agreement")
    .execute();
}

/** Staff facts needed to check a named assignee: department, roles, training (R15, R17). */
export async function staffFacts(db: Executor, userIds: string[]) {
  if (!userIds.length) return [];
  const users = await db.selectFrom("users").select(["id", "department_id", "trained_at", "kind"]).where("id", "in", userIds).execute();
  const roles = await db.selectFrom("role_assignments").select(["user_id", "role", "department_id"]).where("user_id", "in", userIds).execute();
  return users.map((u) => ({ ...u, roles: roles.filter((r) => r.user_id === u.id) }));
}

export function itemsOfDepartments(db: Executor, departmentIds: string[]) {
  if (!departmentIds.length) return Promise.resolve([]);
  return db
    .selectFrom("items")
    .innerJoin("item_versions as v", "v.id", "items.current_version_id")
    .select(["items.id", "items.code", "items.name", "items.department_id", "v.version", "v.id as version_id", "v.promised_days", "v.created_at"])
    .where("items.department_id", "in", departmentIds)
    .orderBy("items.code")
    .execute();
}

/** A copy of a version as the next version, with its new process; the materials are copied too. */
export async function publishVersion(
  db: Executor,
  base: { itemId: string; baseVersionId: string; newVersionId: string; steps: string; assistingDepartmentIds: string[]; at: Date },
  newId: () => string,
): Promise<number> {
  const v = await db.selectFrom("item_versions").selectAll().where("id", "=", base.baseVersionId).executeTakeFirstOrThrow();
  const latest = await db.selectFrom("item_versions").select((eb) => eb.fn.max("version").as("max")).where("item_id", "=", base.itemId).executeTakeFirstOrThrow();
  const version = Number(latest.max) + 1;
  await db
    .insertInto("item_versions")
    .values({
      ...v,
      id: base.newVersionId,
      version,
      effective_from: base.at,
      created_at: base.at,
      process: base.steps,
      assisting_department_ids: base.assistingDepartmentIds,
      form_fields: JSON.stringify(v.form_fields),
      assisting_days: JSON.stringify(v.assisting_days),
    })
    .execute();
  const materials = await db.selectFrom("item_materials").selectAll().where("item_version_id", "=", base.baseVersionId).execute();
  if (materials.length) {
    await db.insertInto("item_materials").values(materials.map((m) => ({ ...m, id: newId(), item_version_id: base.newVersionId }))).execute();
  }
  await db.updateTable("items").set({ current_version_id: base.newVersionId }).where("id", "=", base.itemId).execute();
  return version;
}

/** An edited draft is a new proposal: earlier answers no longer stand. */
export async function resetAgreements(db: Executor, draftId: string) {
  await db.updateTable("process_agreements").set({ status: "pending", decided_by: null, decided_at: null }).where("draft_id", "=", draftId).execute();
}
