import { CATALOG_FILE_FORMAT, CATALOG_FILE_VERSION, type CatalogFile, type CatalogFileItem } from "@cq/contracts";
import type { Executor } from "../../platform/db.ts";
import { guideOfVersion } from "../guide.ts";
import { dropUndefined, fileGuideOf } from "./format.ts";

// The whole catalog as one catalog file (docs/catalog-format.md): every region, department and
// service hall, and each item with its version in effect. Everything in code order, so that the same
// catalog always gives the same bytes.

export async function exportCatalog(db: Executor): Promise<CatalogFile> {
  const [regions, departments, halls, items, versions, materials] = await Promise.all([
    db.selectFrom("regions").selectAll().execute().then(byCode),
    db.selectFrom("departments").selectAll().execute().then(byCode),
    db.selectFrom("service_halls").selectAll().execute().then(byCode),
    db.selectFrom("items").selectAll().execute().then(byCode),
    db.selectFrom("item_versions").selectAll().where("id", "in", (eb) => eb.selectFrom("items").select("current_version_id").where("current_version_id", "is not", null)).execute(),
    db
      .selectFrom("item_materials")
      .selectAll()
      .where("item_version_id", "in", (eb) => eb.selectFrom("items").select("current_version_id").where("current_version_id", "is not", null))
      .execute(),
  ]);
  const deptCode = new Map(departments.map((d) => [d.id, d.code]));
  const staffIds = [...new Set(versions.flatMap((v) => (v.process as unknown as { steps: { staffId?: string | null }[] }).steps.map((s) => s.staffId)).filter((s): s is string => !!s))];
  const usernames = new Map(
    staffIds.length ? (await db.selectFrom("users").select(["id", "username"]).where("id", "in", staffIds).execute()).map((u) => [u.id, u.username ?? u.id]) : [],
  );
  const versionById = new Map(versions.map((v) => [v.id, v]));
  const materialsOf = new Map<string, typeof materials>();
  for (const m of materials) materialsOf.set(m.item_version_id, [...(materialsOf.get(m.item_version_id) ?? []), m]);
  const code = (id: string) => deptCode.get(id) ?? id;

  return {
    format: CATALOG_FILE_FORMAT,
    version: CATALOG_FILE_VERSION,
    regions: regions.map((r) => dropUndefined({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code ?? undefined })),
    departments: departments.map((d) =>
      dropUndefined({
        code: d.code, name: d.name, shortName: d.short_name, regionCode: d.region_code, phone: d.phone, address: d.address,
        counterpartCode: d.counterpart_id ? code(d.counterpart_id) : undefined, disabled: d.disabled_at ? true : undefined,
      }),
    ),
    halls: halls.map((h) =>
      dropUndefined({
        code: h.code, name: h.name, regionCode: h.region_code, address: h.address, phone: h.phone, openingHours: h.hours,
        disabled: h.disabled_at ? true : undefined,
      }),
    ),
    items: items.map((i): CatalogFileItem => {
      const v = i.current_version_id ? versionById.get(i.current_version_id) : undefined;
      const guide = v ? guideOfVersion(v, materialsOf.get(v.id) ?? [], i.department_id) : undefined;
      return dropUndefined({
        code: i.code, name: i.name, departmentCode: code(i.department_id), level: i.level, regionCode: i.region_code,
        cancelled: i.status === "cancelled" ? true : undefined,
        guide: guide && fileGuideOf(guide, code, (id) => usernames.get(id) ?? id),
      });
    }),
  };
}

/** In code order by code points, whatever the database's collation. */
const byCode = <T extends { code: string }>(rows: T[]): T[] => rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

/** The file's text: indented JSON with a final newline. */
export const catalogFileText = (file: CatalogFile): string => `${JSON.stringify(file, null, 2)}\n`;
