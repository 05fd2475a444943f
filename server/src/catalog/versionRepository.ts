import type { Guide, GuideChange, VersionStatus } from "@cq/contracts";
import { type Insertable, sql, type Updateable } from "kysely";
import type { ItemsTable, ItemVersionsTable } from "../platform/schema.ts";
import { scopeCondition } from "../organization/repository.ts";
import type { Executor } from "../platform/db.ts";
import { newId } from "../platform/ids.ts";
import type { OrganizationScope } from "../policy/index.ts";
import { guideOfVersion, materialRows, versionColumns } from "./guide.ts";

// Items and their versions as the catalog's administration keeps them (R8–R11).

export function findItemRow(db: Executor, id: string) {
  return db
    .selectFrom("items")
    .innerJoin("departments as d", "d.id", "items.department_id")
    .innerJoin("regions as r", "r.code", "items.region_code")
    .selectAll("items")
    .select(["d.name as department_name", "d.region_code as department_region_code", "r.name as region_name"])
    .where("items.id", "=", id)
    .executeTakeFirst();
}
export type ItemRow = NonNullable<Awaited<ReturnType<typeof findItemRow>>>;

/** Serializes the commands on one item (version numbers, activation). */
export async function lockItem(db: Executor, id: string): Promise<void> {
  await db.selectFrom("items").select("id").where("id", "=", id).forUpdate().execute();
}

export async function itemCodeTaken(db: Executor, code: string): Promise<boolean> {
  return !!(await db.selectFrom("items").select("id").where("code", "=", code).executeTakeFirst());
}

export function findVersionRow(db: Executor, id: string) {
  return db.selectFrom("item_versions").selectAll().where("id", "=", id).executeTakeFirst();
}
export type VersionRow = NonNullable<Awaited<ReturnType<typeof findVersionRow>>>;

export async function lockVersion(db: Executor, id: string): Promise<VersionRow | undefined> {
  return db.selectFrom("item_versions").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function guideOf(db: Executor, v: VersionRow, leadDepartmentId: string): Promise<Guide> {
  const materials = await db.selectFrom("item_materials").selectAll().where("item_version_id", "=", v.id).orderBy("sort").execute();
  return guideOfVersion(v, materials, leadDepartmentId);
}

export async function nextVersionNumber(db: Executor, itemId: string): Promise<number> {
  const row = await db.selectFrom("item_versions").select((eb) => eb.fn.max("version").as("max")).where("item_id", "=", itemId).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export interface NewVersion {
  id: string;
  itemId: string;
  number: number;
  guide: Guide;
  searchText: string;
  status: VersionStatus;
  effectiveOn: string | null;
  effectiveFrom: Date | null;
  baseVersionId: string | null;
  by: string | null;
  at: Date;
  diff: GuideChange[];
}

export async function insertVersion(db: Executor, v: NewVersion): Promise<void> {
  await db
    .insertInto("item_versions")
    .values({
      id: v.id, item_id: v.itemId, version: v.number, status: v.status, effective_on: v.effectiveOn, effective_from: v.effectiveFrom,
      base_version_id: v.baseVersionId, created_by: v.by, updated_by: v.by, created_at: v.at, updated_at: v.at, submitted_by: null,
      submitted_at: null, decided_by: null, decided_at: null, reject_reason: null, changes: JSON.stringify(v.diff.map((d) => d.field)),
      diff: JSON.stringify(v.diff), ...versionColumns(v.guide, v.searchText),
    })
    .execute();
  const materials = materialRows(v.guide, v.id, newId);
  if (materials.length) await db.insertInto("item_materials").values(materials).execute();
}

/** A draft rewritten: its guide, materials, day and comparison. */
export async function replaceDraft(
  db: Executor,
  id: string,
  d: { guide: Guide; searchText: string; effectiveOn: string | null; baseVersionId: string | null; by: string; at: Date; diff: GuideChange[] },
): Promise<void> {
  await db
    .updateTable("item_versions")
    .set({
      ...versionColumns(d.guide, d.searchText), effective_on: d.effectiveOn, base_version_id: d.baseVersionId, updated_by: d.by, updated_at: d.at,
      changes: JSON.stringify(d.diff.map((x) => x.field)), diff: JSON.stringify(d.diff),
    })
    .where("id", "=", id)
    .execute();
  await db.deleteFrom("item_materials").where("item_version_id", "=", id).execute();
  const materials = materialRows(d.guide, id, newId);
  if (materials.length) await db.insertInto("item_materials").values(materials).execute();
}

export async function setVersion(db: Executor, id: string, set: Updateable<ItemVersionsTable>): Promise<void> {
  await db.updateTable("item_versions").set(set).where("id", "=", id).execute();
}

export async function setComparison(db: Executor, id: string, baseVersionId: string | null, diff: GuideChange[]): Promise<void> {
  await db
    .updateTable("item_versions")
    .set({ base_version_id: baseVersionId, changes: JSON.stringify(diff.map((d) => d.field)), diff: JSON.stringify(diff) })
    .where("id", "=", id)
    .execute();
}

/** An item's versions, newest first, with the names of who wrote, submitted and decided them. */
export function versionsOfItem(db: Executor, itemId: string) {
  return db
    .selectFrom("item_versions as v")
    .leftJoin("users as c", "c.id", "v.created_by")
    .leftJoin("users as s", "s.id", "v.submitted_by")
    .leftJoin("users as x", "x.id", "v.decided_by")
    .select([
      "v.id", "v.version", "v.status", "v.effective_on", "v.effective_from", "v.changes", "v.created_at", "v.submitted_at", "v.decided_at",
      "v.reject_reason", "c.name as created_by_name", "s.name as submitted_by_name", "x.name as decided_by_name",
    ])
    .where("v.item_id", "=", itemId)
    .orderBy("v.version", "desc")
    .execute();
}

export async function userName(db: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await db.selectFrom("users").select("name").where("id", "=", id).executeTakeFirst())?.name ?? null;
}

export async function askAgreements(db: Executor, versionId: string, departmentIds: string[]): Promise<void> {
  await db.deleteFrom("version_agreements").where("version_id", "=", versionId).execute();
  if (!departmentIds.length) return;
  await db
    .insertInto("version_agreements")
    .values(departmentIds.map((d) => ({ id: newId(), version_id: versionId, department_id: d, status: "pending" as const, decided_by: null, decided_at: null, note: null })))
    .execute();
}

export function agreementsOf(db: Executor, versionId: string) {
  return db
    .selectFrom("version_agreements as a")
    .innerJoin("departments as d", "d.id", "a.department_id")
    .selectAll("a")
    .select("d.name as department_name")
    .where("a.version_id", "=", versionId)
    .orderBy("d.name")
    .execute();
}

export async function decideAgreement(db: Executor, versionId: string, departmentId: string, d: { status: "agreed" | "rejected"; by: string; at: Date; note: string | null }) {
  await db
    .updateTable("version_agreements")
    .set({ status: d.status, decided_by: d.by, decided_at: d.at, note: d.note })
    .where("version_id", "=", versionId)
    .where("department_id", "=", departmentId)
    .execute();
}

export function departmentNames(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom("departments").select(["id", "name"]).where("id", "in", [...new Set(ids)]).execute();
}

/** Items in scope with their version in effect and their newest later version. */
export function listAdminItems(db: Executor, scope: OrganizationScope, f: { departmentId?: string; regionCode?: string; itemId?: string }) {
  let q = db
    .selectFrom("items")
    .innerJoin("departments as d", "d.id", "items.department_id")
    .innerJoin("regions as r", "r.code", "items.region_code")
    .leftJoin("item_versions as cur", "cur.id", "items.current_version_id")
    .select((eb) => [
      "items.id", "items.code", "items.name", "items.level", "items.region_code", "items.status", "items.department_id",
      "d.name as department_name", "d.region_code as department_region_code", "r.name as region_name",
      "cur.id as current_id", "cur.version as current_number", "cur.status as current_status", "cur.effective_from as current_from",
      "cur.promised_days as current_promised_days",
      eb
        .selectFrom("item_versions as l")
        .select(sql<string>`l.id || ' ' || l.version || ' ' || l.status || ' ' || coalesce(to_char(l.effective_on, 'YYYY-MM-DD'), '-')`.as("x"))
        .whereRef("l.item_id", "=", "items.id")
        .where("l.status", "in", ["draft", "pending", "scheduled", "rejected"])
        .where((w) => w.or([w("items.current_version_id", "is", null), w("l.version", ">", w.ref("cur.version"))]))
        .orderBy("l.version", "desc")
        .limit(1)
        .as("latest"),
    ])
    .orderBy("items.region_code")
    .orderBy("items.code")
    .limit(2000);
  if (f.departmentId) q = q.where("items.department_id", "=", f.departmentId);
  if (f.regionCode) q = q.where("items.region_code", "=", f.regionCode);
  if (f.itemId) q = q.where("items.id", "=", f.itemId);
  return q.where(scopeCondition(scope, "d.region_code", "items.department_id")).execute();
}

/** Enabled departments in scope (those one may create items for is decided by the policy on each). */
export function departmentsInScope(db: Executor, scope: OrganizationScope) {
  return db
    .selectFrom("departments as d")
    .innerJoin("regions as r", "r.code", "d.region_code")
    .select(["d.id", "d.name", "d.region_code", "r.name as region_name", "r.level"])
    .where("d.disabled_at", "is", null)
    .where(scopeCondition(scope, "d.region_code", "d.id"))
    .orderBy("d.region_code")
    .orderBy("d.name")
    .execute();
}

/** Pending versions of items in scope (to approve), newest submissions last. */
export function pendingVersionsInScope(db: Executor, scope: OrganizationScope) {
  return db
    .selectFrom("item_versions as v")
    .innerJoin("items", "items.id", "v.item_id")
    .innerJoin("departments as d", "d.id", "items.department_id")
    .leftJoin("users as s", "s.id", "v.submitted_by")
    .select([
      "v.id", "v.version", "v.effective_on", "v.changes", "v.submitted_at", "v.submitted_by", "v.created_by", "v.updated_by", "s.name as submitted_by_name",
      "items.id as item_id", "items.code", "items.name", "items.department_id", "d.name as department_name", "d.region_code as department_region_code",
    ])
    .where("v.status", "=", "pending")
    .where(scopeCondition(scope, "d.region_code", "items.department_id"))
    .orderBy("v.submitted_at")
    .execute();
}

/** Versions waiting for one of the departments' agreement. */
export function agreementsAwaiting(db: Executor, departmentIds: string[]) {
  if (!departmentIds.length) return Promise.resolve([]);
  return db
    .selectFrom("version_agreements as a")
    .innerJoin("item_versions as v", "v.id", "a.version_id")
    .innerJoin("items", "items.id", "v.item_id")
    .innerJoin("departments as d", "d.id", "items.department_id")
    .innerJoin("departments as asked", "asked.id", "a.department_id")
    .leftJoin("users as s", "s.id", "v.submitted_by")
    .select([
      "v.id", "v.version", "v.effective_on", "v.changes", "v.submitted_at", "s.name as submitted_by_name", "a.department_id", "asked.name as asked_name",
      "items.id as item_id", "items.code", "items.name", "items.department_id as item_department_id", "d.name as department_name",
    ])
    .where("a.department_id", "in", departmentIds)
    .where("a.status", "=", "pending")
    .where("v.status", "=", "pending")
    .orderBy("v.submitted_at")
    .execute();
}

/** Scheduled versions whose day has come. */
export function dueScheduledVersions(db: Executor, today: string) {
  return db.selectFrom("item_versions").select(["id", "item_id"]).where("status", "=", "scheduled").where("effective_on", "<=", today).orderBy("effective_on").execute();
}

/**
 * Makes a version the one in effect: the one before it, and any older one still scheduled, are
 * superseded; the item shows in the catalog as the version says.
 */
export async function makeCurrent(db: Executor, item: { id: string; current_version_id: string | null }, v: { id: string; number: number; hallOnly: boolean; at: Date }): Promise<void> {
  if (item.current_version_id) await setVersion(db, item.current_version_id, { status: "superseded" });
  await db.updateTable("item_versions").set({ status: "superseded" }).where("item_id", "=", item.id).where("status", "=", "scheduled").where("version", "<", v.number).execute();
  await setVersion(db, v.id, { status: "published", effective_from: v.at });
  await db.updateTable("items").set({ current_version_id: v.id, offline_only: v.hallOnly }).where("id", "=", item.id).execute();
}

/** A draft or pending version of the item, if one is open (one at a time). */
export function openVersionOf(db: Executor, itemId: string) {
  return db.selectFrom("item_versions").select(["id", "version", "status"]).where("item_id", "=", itemId).where("status", "in", ["draft", "pending"]).executeTakeFirst();
}

/** The number of a version, by id. */
export async function versionNumber(db: Executor, id: string | null): Promise<number | null> {
  if (!id) return null;
  return (await db.selectFrom("item_versions").select("version").where("id", "=", id).executeTakeFirst())?.version ?? null;
}

/** The languages applicants are written to in, by user id. */
export async function languagesOf(db: Executor, userIds: string[]): Promise<Map<string, "zh-CN" | "en">> {
  if (!userIds.length) return new Map();
  const rows = await db.selectFrom("users").select(["id", "lang"]).where("id", "in", [...new Set(userIds)]).execute();
  return new Map(rows.map((u) => [u.id, u.lang]));
}

/** Keeps an uploaded blank form or sample with its item (once per content). */
export async function insertItemFile(db: Executor, f: { itemId: string; sha256: string; fileName: string; by: string; at: Date }): Promise<void> {
  await db
    .insertInto("item_files")
    .values({ item_id: f.itemId, sha256: f.sha256, file_name: f.fileName, uploaded_by: f.by, created_at: f.at })
    .onConflict((oc) => oc.columns(["item_id", "sha256"]).doNothing())
    .execute();
}

export function findItemFile(db: Executor, itemId: string, sha256: string) {
  return db.selectFrom("item_files").select(["sha256", "file_name"]).where("item_id", "=", itemId).where("sha256", "=", sha256).executeTakeFirst();
}

export async function insertItem(db: Executor, row: Insertable<ItemsTable>): Promise<void> {
  await db.insertInto("items").values(row).execute();
}

export async function updateItem(db: Executor, id: string, set: Updateable<ItemsTable>): Promise<void> {
  await db.updateTable("items").set(set).where("id", "=", id).execute();
}

/**
 * Open cases on an item — not closed, withdrawn or refused — with their applicants, that have not had
 * a notice of this version: cases under an earlier version, and drafts started before it took effect
 * (moved to it since).
 */
export function openCasesToTell(db: Executor, itemId: string, versionId: string, effectiveFrom: Date) {
  return db
    .selectFrom("cases as c")
    .innerJoin("users as u", "u.id", "c.applicant_id")
    .select(["c.id", "c.applicant_id", "c.status", "c.supervision_code", "c.item_version_id", "u.phone"])
    .where("c.item_id", "=", itemId)
    .where("c.status", "not in", ["closed", "withdrawn", "not_accepted"])
    .where((eb) => eb.or([eb("c.item_version_id", "!=", versionId), eb.and([eb("c.status", "=", "draft"), eb("c.created_at", "<", effectiveFrom)])]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom("change_notices as n").select("n.id").whereRef("n.case_id", "=", "c.id").where("n.version_id", "=", versionId))))
    .orderBy("c.id")
    .execute();
}

/** Records that a case's applicant was told of a version; false when it already was. */
export async function recordChangeNotice(db: Executor, n: { versionId: string; caseId: string; applicantId: string; at: Date }): Promise<boolean> {
  const r = await db
    .insertInto("change_notices")
    .values({ id: newId(), version_id: n.versionId, case_id: n.caseId, applicant_id: n.applicantId, created_at: n.at })
    .onConflict((oc) => oc.columns(["version_id", "case_id"]).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}
