import type { ApplicantType } from "@cq/contracts";
import { sql } from "kysely";
import type { Executor } from "../platform/db.ts";

/** The regions the public catalog is filtered by: city and districts (items are held there). */
export function listRegions(db: Executor) {
  return db.selectFrom("regions").selectAll().where("level", "in", ["city", "district"]).orderBy("code").execute();
}

export function listDepartments(db: Executor, regionCode?: string) {
  let q = db
    .selectFrom("departments")
    .innerJoin("regions", "regions.code", "departments.region_code")
    .select((eb) => [
      "departments.id", "departments.name", "departments.short_name", "departments.region_code",
      "departments.phone", "departments.address", "regions.name as region_name",
      eb.selectFrom("items").select(eb.fn.countAll<number>().as("n"))
        .whereRef("items.department_id", "=", "departments.id").where("items.status", "=", "active").as("item_count"),
    ])
    .where("departments.disabled_at", "is", null)
    .orderBy("departments.region_code")
    .orderBy("departments.code");
  if (regionCode) q = q.where("departments.region_code", "=", regionCode);
  return q.execute();
}

/** The service halls of a region that are open (not disabled). */
export function hallsOfRegion(db: Executor, regionCode: string) {
  return db
    .selectFrom("service_halls")
    .select(["id", "name", "region_code", "address", "phone", "hours"])
    .where("region_code", "=", regionCode)
    .where("disabled_at", "is", null)
    .orderBy("code")
    .execute();
}

export function findDepartment(db: Executor, id: string) {
  return db.selectFrom("departments").selectAll().where("id", "=", id).executeTakeFirst();
}

export function departmentsByIds(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom("departments").select(["id", "name", "short_name", "region_code"]).where("id", "in", ids).execute();
}

/** Two-character chunks of a CJK query: lets "食品许可" find "食品经营许可". */
export function bigrams(term: string): string[] {
  const chars = [...term];
  if (chars.length < 3) return [term];
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i]! + chars[i + 1]!);
  return [...new Set(out)];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface ItemFilter {
  q?: string;
  regionCode?: string;
  departmentId?: string;
  applicantType?: ApplicantType;
  limit: number;
  afterCode?: string;
}

/**
 * Active items with their current version. A query matches an item when each of its words is
 * found whole, or when at least 60% of the word's two-character chunks are found; whole-name
 * matches rank first.
 */
export async function searchItems(db: Executor, f: ItemFilter) {
  const terms = (f.q ?? "").trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
  let q = db
    .selectFrom("items")
    .innerJoin("item_versions as v", "v.id", "items.current_version_id")
    .innerJoin("departments as d", "d.id", "items.department_id")
    .innerJoin("regions as r", "r.code", "items.region_code")
    .select([
      "items.id", "items.code", "items.name", "items.level", "items.region_code", "items.offline_only",
      "r.name as region_name", "d.id as department_id", "d.name as department_name",
      "v.statutory_days", "v.promised_days", "v.assisting_department_ids", "v.applicant_types",
    ])
    .where("items.status", "=", "active");
  if (f.regionCode) q = q.where("items.region_code", "=", f.regionCode);
  if (f.departmentId) q = q.where("items.department_id", "=", f.departmentId);
  if (f.applicantType) q = q.where(sql<boolean>`${f.applicantType} = any(v.applicant_types)`);
  for (const term of terms) {
    const grams = bigrams(term);
    const hits = grams.map((g) => sql<number>`(case when v.search_text like ${"%" + escapeLike(g) + "%"} then 1 else 0 end)`);
    const needed = Math.max(1, Math.ceil(grams.length * 0.6));
    q = q.where((eb) =>
      eb.or([
        eb("v.search_text", "like", `%${escapeLike(term)}%`),
        eb(sql<number>`(${sql.join(hits, sql` + `)})`, ">=", needed),
      ]),
    );
  }
  if (f.afterCode) q = q.where("items.code", ">", f.afterCode);
  if (terms.length) {
    q = q.orderBy(sql<number>`(case when lower(items.name) like ${"%" + escapeLike(terms.join("")) + "%"} then 0 else 1 end)`);
  }
  return q.orderBy("items.code").limit(f.limit + 1).execute();
}

export function findItemWithVersion(db: Executor, itemId: string) {
  return db
    .selectFrom("items")
    .innerJoin("item_versions as v", "v.id", "items.current_version_id")
    .innerJoin("regions as r", "r.code", "items.region_code")
    .selectAll("v")
    .select([
      "items.id as item_id", "items.code", "items.name", "items.level", "items.region_code", "items.department_id",
      "items.offline_only", "items.status as item_status", "r.name as region_name", "v.id as version_id",
    ])
    .where("items.id", "=", itemId)
    .where("items.status", "=", "active")
    .executeTakeFirst();
}

/** An item with a given version of it (a draft being previewed, or any other), whatever their states. */
export function findItemWithGivenVersion(db: Executor, versionId: string) {
  return db
    .selectFrom("item_versions as v")
    .innerJoin("items", "items.id", "v.item_id")
    .innerJoin("regions as r", "r.code", "items.region_code")
    .selectAll("v")
    .select([
      "items.id as item_id", "items.code", "items.name", "items.level", "items.region_code", "items.department_id",
      "items.offline_only", "items.status as item_status", "r.name as region_name", "v.id as version_id",
    ])
    .where("v.id", "=", versionId)
    .executeTakeFirst();
}

export function findVersion(db: Executor, versionId: string) {
  return db.selectFrom("item_versions").selectAll().where("id", "=", versionId).executeTakeFirstOrThrow();
}

export function materialsOfVersion(db: Executor, versionId: string) {
  return db.selectFrom("item_materials").selectAll().where("item_version_id", "=", versionId).orderBy("sort").execute();
}

export function findItemName(db: Executor, itemId: string) {
  return db.selectFrom("items").select(["id", "name", "code", "department_id", "current_version_id"]).where("id", "=", itemId).executeTakeFirstOrThrow();
}

/** The uploaded blank form or sample of a material, if one was uploaded (else one is generated from the form fields). */
export async function materialFile(db: Executor, materialId: string, which: "blank" | "sample"): Promise<string | null> {
  const row = await db.selectFrom("item_materials").select(["blank_form_file", "sample_file"]).where("id", "=", materialId).executeTakeFirst();
  return (which === "blank" ? row?.blank_form_file : row?.sample_file) ?? null;
}
