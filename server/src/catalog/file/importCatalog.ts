import { CatalogFile, type Guide, type GuideFieldName, type RegionLevel } from "@cq/contracts";
import { type Ctx, runCommand } from "../../audit/command.ts";
import {
  departmentUsage, hallUsage, insertDepartment, insertHall, insertRegion, namedInRegion, renameRegion, updateDepartment, updateHall,
} from "../../organization/repository.ts";
import { type Actor, systemActor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { activateVersion } from "../commands/activation.ts";
import { diffGuides, normalizeGuide, searchTextOf } from "../guide.ts";
import { guideProblems, guideWorld } from "../guideValidation.ts";
import { findVersionRow, guideOf, insertVersion, nextVersionNumber } from "../versionRepository.ts";
import { type FileProblem, filePathOfGuidePath, guideInputOfFile, schemaProblems } from "./format.ts";

// Loads a catalog file (docs/catalog-format.md) into the platform, idempotent by codes: what is
// missing is created, what differs is changed, what is equal is left alone. An item whose guide
// differs from its version in effect gets a new version, published at once (open cases get change
// notices). A file with any problem is refused as a whole: every problem is reported with its path
// and nothing is written. One transaction, one audit record.

export interface KindReport {
  created: string[];
  changed: string[];
  unchanged: string[];
}

export interface ImportReport {
  regions: KindReport;
  departments: KindReport;
  halls: KindReport;
  items: KindReport;
  /** The versions the import published: the item's code, the version's number and the fields changed. */
  versions: { code: string; number: number; changes: GuideFieldName[] }[];
}

const kinds = ["regions", "departments", "halls", "items"] as const;
const levelRank: Record<RegionLevel, number> = { city: 0, district: 1, township: 2 };
const levelAbove = { city: null, district: "city", township: "district" } as const;

/** The file as JSON text, checked against the schema; refused with every problem of form. */
export function readCatalogFile(text: string): CatalogFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw invalid([{ path: "(file)", problem: "invalid-json", message: (e as Error).message }]);
  }
  return checkCatalogFile(json);
}

export function checkCatalogFile(json: unknown): CatalogFile {
  const parsed = CatalogFile.safeParse(json);
  if (!parsed.success) throw invalid(schemaProblems(parsed.error));
  return parsed.data;
}

const invalid = (problems: FileProblem[]) => new AppError("CATALOG_FILE_INVALID", { problems });

/** The problems of a refused file, or null for any other error. */
export function fileProblemsOf(e: unknown): FileProblem[] | null {
  return e instanceof AppError && e.code === "CATALOG_FILE_INVALID" ? (e.details!.problems as FileProblem[]) : null;
}

/** Checks and imports a file (parsed JSON) in one command, as the system unless an actor is given. */
export async function importCatalog(deps: Deps, json: unknown, actor: Actor = systemActor("catalog-import")): Promise<ImportReport> {
  const file = checkCatalogFile(json);
  return runCommand(deps, actor, { ip: null, requestId: null }, (ctx) => applyCatalog(ctx, file));
}

/** Imports a checked file inside the caller's command (the demo seed runs it with the rest of the demo). */
export async function applyCatalog(ctx: Ctx, file: CatalogFile): Promise<ImportReport> {
  const problems: FileProblem[] = [];
  const add = (path: string, problem: string) => problems.push({ path, problem });
  const report: ImportReport = { regions: kindReport(), departments: kindReport(), halls: kindReport(), items: kindReport(), versions: [] };

  // Each code once per kind; a repeated entry is not looked at further.
  const repeated = new Set<string>();
  for (const kind of kinds) {
    const seen = new Set<string>();
    file[kind].forEach((e, i) => {
      if (seen.has(e.code)) {
        add(`${kind}[${i}].code`, "duplicate-code");
        repeated.add(`${kind}[${i}]`);
      }
      seen.add(e.code);
    });
  }
  const entries = <T>(kind: (typeof kinds)[number], list: T[]) => list.map((e, i) => ({ e, i, p: `${kind}[${i}]` })).filter((x) => !repeated.has(x.p));

  await importRegions(ctx, file, entries("regions", file.regions), add, report.regions);
  const departments = await importDepartments(ctx, entries("departments", file.departments), add, report.departments);
  await importHalls(ctx, entries("halls", file.halls), add, report.halls);
  await importItems(ctx, entries("items", file.items), departments, problems, report);

  if (problems.length) throw invalid(problems);
  await ctx.audit({
    action: "catalog.import", objectType: "catalog", objectId: null, oldValues: null,
    newValues: {
      ...Object.fromEntries(kinds.map((k) => [k, { created: report[k].created, changed: report[k].changed, unchanged: report[k].unchanged.length }])),
      versions: report.versions,
    },
  });
  return report;
}

const kindReport = (): KindReport => ({ created: [], changed: [], unchanged: [] });
type Add = (path: string, problem: string) => void;
type Entry<T> = { e: T; i: number; p: string };

async function importRegions(ctx: Ctx, file: CatalogFile, list: Entry<CatalogFile["regions"][number]>[], add: Add, out: KindReport) {
  const rows = new Map((await ctx.trx.selectFrom("regions").selectAll().execute()).map((r) => [r.code, r]));
  // Parents before children; the report in the file's order.
  const done = new Map<number, "created" | "changed" | "unchanged">();
  for (const { e: r, i, p } of [...list].sort((a, b) => levelRank[a.e.level] - levelRank[b.e.level])) {
    if (r.code.length !== (r.level === "township" ? 9 : 6)) {
      add(`${p}.code`, "code-does-not-fit-level");
      continue;
    }
    const old = rows.get(r.code);
    if (old) {
      const fixed = [old.level !== r.level && "level", (old.parent_code ?? undefined) !== r.parentCode && "parentCode"].filter((f): f is string => !!f);
      for (const f of fixed) add(`${p}.${f}`, "cannot-change");
      if (fixed.length) continue;
      if (old.name !== r.name) await renameRegion(ctx.trx, r.code, r.name);
      done.set(i, old.name !== r.name ? "changed" : "unchanged");
      continue;
    }
    const wanted = levelAbove[r.level];
    const parent = r.parentCode ? rows.get(r.parentCode) : undefined;
    if (!wanted && r.parentCode) add(`${p}.parentCode`, "city-has-no-parent");
    else if (wanted && !r.parentCode) add(`${p}.parentCode`, "required");
    else if (wanted && !parent) add(`${p}.parentCode`, "region-unknown");
    else if (wanted && parent!.level !== wanted) add(`${p}.parentCode`, "parent-level-invalid");
    else {
      const row = { code: r.code, name: r.name, level: r.level, parent_code: r.parentCode ?? null };
      await insertRegion(ctx.trx, row);
      rows.set(r.code, row);
      done.set(i, "created");
    }
  }
  file.regions.forEach((r, i) => done.has(i) && out[done.get(i)!].push(r.code));
}

interface DepartmentState {
  id: string;
  name: string;
  regionCode: string;
  disabled: boolean;
}

async function importDepartments(ctx: Ctx, list: Entry<CatalogFile["departments"][number]>[], add: Add, out: KindReport): Promise<Map<string, DepartmentState>> {
  const { trx, now } = ctx;
  const rows = new Map((await trx.selectFrom("departments").selectAll().execute()).map((d) => [d.code, d]));
  const levels = new Map((await trx.selectFrom("regions").select(["code", "level"]).execute()).map((r) => [r.code, r.level]));
  const outcome = new Map<string, "created" | "changed" | "unchanged">();
  const written: Entry<CatalogFile["departments"][number]>[] = [];
  for (const x of list) {
    const { e: d, p } = x;
    const old = rows.get(d.code);
    if (await misplaced(ctx, "departments", x, old, levels, add)) continue;
    const disabled = d.disabled ?? false;
    if (old && disabled && !old.disabled_at) {
      const usage = await departmentUsage(trx, old.id);
      if (usage.openCases || usage.activeStaff) {
        add(`${p}.disabled`, "department-in-use");
        continue;
      }
    }
    const fields = { name: d.name, short_name: d.shortName, phone: d.phone, address: d.address };
    if (!old) {
      const row = { id: newId(), code: d.code, ...fields, region_code: d.regionCode, counterpart_id: null, created_at: now, disabled_at: disabled ? now : null };
      await insertDepartment(trx, row);
      rows.set(d.code, row);
      outcome.set(d.code, "created");
    } else {
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((k) => fields[k] !== old[k]) || disabled !== !!old.disabled_at;
      if (changed) {
        const disabledAt = disabled === !!old.disabled_at ? old.disabled_at : disabled ? now : null;
        await updateDepartment(trx, old.id, { ...fields, disabled_at: disabledAt });
        rows.set(d.code, { ...old, ...fields, disabled_at: disabledAt });
      }
      outcome.set(d.code, changed ? "changed" : "unchanged");
    }
    written.push(x);
  }
  // Counterparts once every department of the file is there.
  for (const { e: d, p } of written) {
    const self = rows.get(d.code)!;
    const other = d.counterpartCode === undefined ? null : rows.get(d.counterpartCode);
    if (other === undefined) {
      add(`${p}.counterpartCode`, "department-unknown");
      continue;
    }
    if (other && (other.id === self.id || levels.get(other.region_code) === levels.get(self.region_code))) {
      add(`${p}.counterpartCode`, "counterpart-invalid");
      continue;
    }
    if ((other?.id ?? null) === self.counterpart_id) continue;
    await updateDepartment(trx, self.id, { counterpart_id: other?.id ?? null });
    if (outcome.get(d.code) === "unchanged") outcome.set(d.code, "changed");
  }
  for (const { e: d } of written) out[outcome.get(d.code)!].push(d.code);
  return new Map([...rows.values()].map((r) => [r.code, { id: r.id, name: r.name, regionCode: r.region_code, disabled: r.disabled_at !== null }]));
}

/**
 * A department's or hall's region must exist and cannot change, and its name must be free in the
 * region (a unique index would otherwise abort the transaction). True when it was reported.
 */
async function misplaced(
  ctx: Ctx,
  table: "departments" | "service_halls",
  { e, p }: Entry<{ regionCode: string; name: string }>,
  old: { id: string; region_code: string; name: string } | undefined,
  regions: { has(code: string): boolean },
  add: Add,
): Promise<boolean> {
  const problem = !regions.has(e.regionCode)
    ? (["regionCode", "region-unknown"] as const)
    : old && old.region_code !== e.regionCode
      ? (["regionCode", "cannot-change"] as const)
      : (!old || old.name !== e.name) && (await namedInRegion(ctx.trx, table, e.regionCode, e.name).then((t) => t && t.id !== old?.id))
        ? (["name", "name-taken"] as const)
        : null;
  if (problem) add(`${p}.${problem[0]}`, problem[1]);
  return problem !== null;
}

async function importHalls(ctx: Ctx, list: Entry<CatalogFile["halls"][number]>[], add: Add, out: KindReport) {
  const { trx, now } = ctx;
  const rows = new Map((await trx.selectFrom("service_halls").selectAll().execute()).map((h) => [h.code, h]));
  const regions = new Set((await trx.selectFrom("regions").select("code").execute()).map((r) => r.code));
  for (const x of list) {
    const { e: h, p } = x;
    const old = rows.get(h.code);
    if (await misplaced(ctx, "service_halls", x, old, regions, add)) continue;
    const disabled = h.disabled ?? false;
    if (old && disabled && !old.disabled_at && (await hallUsage(trx, old.id)) > 0) {
      add(`${p}.disabled`, "hall-in-use");
      continue;
    }
    const fields = { name: h.name, address: h.address, phone: h.phone, hours: h.openingHours };
    if (!old) {
      await insertHall(trx, { id: newId(), code: h.code, region_code: h.regionCode, ...fields, disabled_at: disabled ? now : null });
      out.created.push(h.code);
      continue;
    }
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((k) => fields[k] !== old[k]) || disabled !== !!old.disabled_at;
    if (changed) {
      const disabledAt = disabled === !!old.disabled_at ? old.disabled_at : disabled ? now : null;
      await updateHall(trx, old.id, { ...fields, disabled_at: disabledAt });
    }
    out[changed ? "changed" : "unchanged"].push(h.code);
  }
}

async function importItems(ctx: Ctx, list: Entry<CatalogFile["items"][number]>[], departments: Map<string, DepartmentState>, problems: FileProblem[], report: ImportReport) {
  const { trx, now } = ctx;
  const add: Add = (path, problem) => problems.push({ path, problem });
  const rows = new Map((await trx.selectFrom("items").selectAll().execute()).map((i) => [i.code, i]));
  const levels = new Map((await trx.selectFrom("regions").select(["code", "level"]).execute()).map((r) => [r.code, r.level]));
  const codeOf = new Map([...departments].map(([code, d]) => [d.id, code]));
  const usernames = [...new Set(list.flatMap(({ e }) => e.guide?.process.steps.map((s) => s.staffUsername).filter((u): u is string => !!u) ?? []))];
  const staff = new Map(
    usernames.length
      ? (await trx.selectFrom("users").select(["id", "username"]).where("username", "in", usernames).where("kind", "=", "staff").where("disabled", "=", false).execute()).map((u) => [u.username!, u.id])
      : [],
  );

  for (const { e: it, p } of list) {
    const lead = departments.get(it.departmentCode);
    const level = levels.get(it.regionCode);
    if (!lead) add(`${p}.departmentCode`, "department-unknown");
    if (!level) add(`${p}.regionCode`, "region-unknown");
    if (!lead || !level) continue;
    if (lead.regionCode !== it.regionCode || level !== it.level) {
      add(`${p}.regionCode`, "item-place-invalid");
      continue;
    }
    const old = rows.get(it.code);
    if (old) {
      const fixed = [old.department_id !== lead.id && "departmentCode", old.region_code !== it.regionCode && "regionCode", old.level !== it.level && "level"];
      const wrong = fixed.filter((f): f is string => !!f);
      for (const f of wrong) add(`${p}.${f}`, "cannot-change");
      if (wrong.length) continue;
    } else if (lead.disabled) {
      add(`${p}.departmentCode`, "department-disabled");
      continue;
    }

    // The guide: resolved to ids, compared with the version in effect, checked where it is new.
    const current = old?.current_version_id ? await findVersionRow(trx, old.current_version_id) : undefined;
    const currentGuide = current ? await guideOf(trx, current, lead.id) : null;
    let guide: Guide | null = null;
    if (it.guide) {
      const refProblems: FileProblem[] = [];
      const refs = {
        department: (code: string, path: string) => {
          const d = departments.get(code);
          if (!d || d.disabled) refProblems.push({ path: `${p}.guide.${path}`, problem: d ? "department-disabled" : "department-unknown" });
          return d?.id ?? `?${code}`;
        },
        staff: (username: string, path: string) => {
          const id = staff.get(username);
          if (!id) refProblems.push({ path: `${p}.guide.${path}`, problem: "staff-unknown" });
          return id ?? `?${username}`;
        },
      };
      const candidate = normalizeGuide(guideInputOfFile(it.guide, refs));
      if (!currentGuide || diffGuides(currentGuide, candidate).length) {
        const world = await guideWorld(trx, candidate, { id: old?.id ?? "", departmentId: lead.id });
        const found = guideProblems(candidate, world).map((x) => ({ path: `${p}.guide.${filePathOfGuidePath(x.path, (id) => codeOf.get(id) ?? id.replace(/^\?/, ""))}`, problem: x.problem }));
        const all = [...refProblems, ...found.filter((x) => !refProblems.some((r) => r.path === x.path))];
        if (all.length) {
          problems.push(...all);
          continue;
        }
        guide = candidate;
      }
    }

    const status = it.cancelled ? ("cancelled" as const) : ("active" as const);
    let itemId: string;
    if (!old) {
      itemId = newId();
      await trx
        .insertInto("items")
        .values({ id: itemId, code: it.code, name: it.name, department_id: lead.id, level: it.level, region_code: it.regionCode, status, current_version_id: null, created_at: now })
        .execute();
    } else {
      itemId = old.id;
      if (old.name !== it.name || old.status !== status) await trx.updateTable("items").set({ name: it.name, status }).where("id", "=", itemId).execute();
    }
    if (guide) {
      const id = newId();
      const number = await nextVersionNumber(trx, itemId);
      const diff = diffGuides(currentGuide, guide);
      await insertVersion(trx, {
        id, itemId, number, guide, searchText: searchTextOf(it, lead.name, guide), status: "draft", effectiveOn: null, effectiveFrom: null,
        baseVersionId: current?.id ?? null, by: null, at: now, diff,
      });
      await activateVersion(ctx, id);
      report.versions.push({ code: it.code, number, changes: diff.map((d) => d.field) });
    } else if (old && current && currentGuide && old.name !== it.name) {
      // The public search finds the item by its new name.
      await trx.updateTable("item_versions").set({ search_text: searchTextOf(it, lead.name, currentGuide) }).where("id", "=", current.id).execute();
    }
    const changed = !old || old.name !== it.name || old.status !== status || !!guide;
    report.items[!old ? "created" : changed ? "changed" : "unchanged"].push(it.code);
  }
}

/** The report as lines for a person: per kind what was created, changed and left alone, with codes. */
export function reportLines(r: ImportReport): string[] {
  const list = (codes: string[]) => (codes.length ? `: ${codes.join(", ")}` : "");
  const lines = kinds.flatMap((k) => [
    `${k}: ${r[k].created.length} created, ${r[k].changed.length} changed, ${r[k].unchanged.length} unchanged`,
    ...(r[k].created.length ? [`  created${list(r[k].created)}`] : []),
    ...(r[k].changed.length ? [`  changed${list(r[k].changed)}`] : []),
    ...(r[k].unchanged.length ? [`  unchanged${list(r[k].unchanged)}`] : []),
  ]);
  for (const v of r.versions) lines.push(`version ${v.number} of ${v.code} in effect${v.number > 1 ? ` (changed: ${v.changes.join(", ")})` : ""}`);
  return lines;
}

