import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CatalogFile } from "@cq/contracts";
import { createPlatform } from "../src/bootstrap.ts";
import { catalogFileText, exportCatalog } from "../src/catalog/file/exportCatalog.ts";
import { fileProblemsOf, type ImportReport, importCatalog } from "../src/catalog/file/importCatalog.ts";
import { auditKeysOf } from "../src/audit/keys.ts";
import { personalDataOf } from "../src/platform/personalData.ts";
import { createPlatformAdmin } from "../src/identity/commands/createPlatformAdmin.ts";
import { loadConfig } from "../src/platform/config.ts";
import type { Executor } from "../src/platform/db.ts";
import { isDemoSeeded } from "../src/seed/seed.ts";
import { simpleItem } from "./fixtures.ts";
import { emptyTestDatabase, type Session, startPlatform, TEST_EPOCH, type TestPlatform } from "./helpers.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

// The catalog file (docs/catalog-format.md): export and import round trip, a changed guide becoming a
// new version with change notices, a bad file refused whole, and a production start from an empty
// database through the importer.

const demoFile = path.resolve("server/src/seed/demo-catalog.json");
const demoText = fs.readFileSync(demoFile, "utf8");
const demo = (): CatalogFile => JSON.parse(demoText);

let t: TestPlatform;
beforeAll(async () => {
  t = await startPlatform();
});
afterAll(async () => t.close());

async function refusal(p: Promise<unknown>) {
  const problems = fileProblemsOf(await p.then(() => null, (e) => e));
  expect(problems, "the import is refused").not.toBeNull();
  return problems!.map((x) => `${x.path}: ${x.problem}`);
}

/** What an import created or changed, of every kind. */
const kindsChanged = (r: ImportReport) => (["regions", "departments", "halls", "items"] as const).flatMap((k) => [...r[k].created, ...r[k].changed]);

async function counts(db: Executor) {
  const n = async (table: "regions" | "departments" | "service_halls" | "items" | "item_versions" | "item_materials" | "audit_log") =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
  return {
    regions: await n("regions"), departments: await n("departments"), halls: await n("service_halls"), items: await n("items"),
    versions: await n("item_versions"), materials: await n("item_materials"), audit: await n("audit_log"),
  };
}

describe("export and import", () => {
  it("exports the seeded demo catalog as the very file it was loaded from; importing it changes nothing", async () => {
    const exported = catalogFileText(await exportCatalog(t.db));
    expect(exported).toBe(demoText);
    const before = await counts(t.db);
    const report = await importCatalog(t.platform.deps, JSON.parse(exported));
    for (const kind of ["regions", "departments", "halls", "items"] as const) {
      expect(report[kind].created, kind).toEqual([]);
      expect(report[kind].changed, kind).toEqual([]);
      expect(report[kind].unchanged, kind).toHaveLength(demo()[kind].length);
    }
    expect(report.versions).toEqual([]);
    expect(catalogFileText(await exportCatalog(t.db))).toBe(exported);
    // Only the import's own audit record is new.
    expect(await counts(t.db)).toEqual({ ...before, audit: before.audit + 1 });
    const audit = await t.db.selectFrom("audit_log").select(["action", "actor_kind", "new_values"]).orderBy("seq", "desc").limit(1).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: "catalog.import", actor_kind: "system" });
    expect(audit.new_values).toMatchObject({ items: { created: [], changed: [], unchanged: 13 } });
  });

  it("publishes a changed guide as a new version, supersedes the old one and tells applicants with open cases", async () => {
    const drive = new WorkflowDriver(t);
    const code = simpleItem().code;
    const applicant: Session = await t.login(applicantOf("person", 0).phone);
    const caseId = await drive.apply(code, applicant);

    const file = demo();
    const entry = file.items.find((i) => i.code === code)!;
    entry.guide = { ...entry.guide!, fees: "不收费（2027年起）。", materials: [...entry.guide!.materials, { key: "health-certificate", name: "从业人员健康证明", required: true }] };
    // A department's phone changes, a new hall opens, the rest stays.
    file.departments[0] = { ...file.departments[0]!, phone: "023-60000000" };
    file.halls.push({ code: "hall-yb-kg", name: "渝北区空港政务服务分中心", regionCode: "500112", address: "重庆市渝北区空港大道1号", phone: "023-67000000", openingHours: "工作日 9:00–17:00" });

    const report = await importCatalog(t.platform.deps, file);
    expect(report.items.changed).toEqual([code]);
    expect(report.items.unchanged).toHaveLength(12);
    expect(report.departments.changed).toEqual([file.departments[0]!.code]);
    expect(report.halls.created).toEqual(["hall-yb-kg"]);
    expect(report.versions).toEqual([{ code, number: 2, changes: ["fees", "materials"] }]);

    const item = await t.db.selectFrom("items").select(["id", "current_version_id"]).where("code", "=", code).executeTakeFirstOrThrow();
    const versions = await t.db.selectFrom("item_versions").select(["id", "version", "status"]).where("item_id", "=", item.id).orderBy("version").execute();
    expect(versions.map((v) => [v.version, v.status])).toEqual([[1, "superseded"], [2, "published"]]);
    expect(item.current_version_id).toBe(versions[1]!.id);
    const pub = (await t.request({ method: "GET", url: `/api/catalog/items/${item.id}` })).json();
    expect(pub).toMatchObject({ version: 2, fees: "不收费（2027年起）。" });

    // The notices go out as a job: let the platform minute pass.
    const r = await t.request({ method: "POST", url: "/api/dev/clock", payload: { now: new Date(TEST_EPOCH.getTime() + 120_000).toISOString() } });
    expect(r.statusCode, r.body).toBe(200);
    const notices = (await applicant.inject({ method: "GET", url: "/api/inbox" })).json().items.filter((m: { title: string }) => m.title.includes("办事指南变更告知"));
    expect(notices.map((m: { caseId: string }) => m.caseId)).toEqual([caseId]);
    expect(notices[0].text).toContain("从业人员健康证明");

    // The same file again: nothing to do.
    const again = await importCatalog(t.platform.deps, file);
    expect(kindsChanged(again)).toEqual([]);
    expect(again.versions).toEqual([]);
  });

  it("creates townships and counterparts, disables what the file disables, and exports it so", async () => {
    const file = demo();
    file.regions.push({ code: "500112001", name: "双龙湖街道", level: "township", parentCode: "500112" });
    file.departments.push({
      code: "500112001-ggfw", name: "双龙湖街道公共服务中心", shortName: "双龙湖公共服务中心", regionCode: "500112001", phone: "023-67820001",
      address: "重庆市渝北区双龙湖街道1号", counterpartCode: "500112-wsjkw",
    });
    const hall = file.halls.findIndex((h) => h.code === "hall-yz");
    file.halls[hall] = { ...file.halls[hall]!, disabled: true };
    const report = await importCatalog(t.platform.deps, file);
    expect([report.regions.created, report.departments.created, report.halls.changed]).toEqual([["500112001"], ["500112001-ggfw"], ["hall-yz"]]);
    const exported = await exportCatalog(t.db);
    expect(exported.regions.find((r) => r.code === "500112001")).toEqual(file.regions.at(-1));
    expect(exported.departments.find((d) => d.code === "500112001-ggfw")).toEqual(file.departments.at(-1));
    expect(exported.halls.find((h) => h.code === "hall-yz")).toMatchObject({ disabled: true });
    const again = await importCatalog(t.platform.deps, exported);
    expect(kindsChanged(again)).toEqual([]);
  });

  it("refuses a bad file as a whole, naming each problem by its path, and writes nothing", async () => {
    const file = demo();
    // Good parts that would be written if the import were not refused as a whole.
    file.regions.push({ code: "500113", name: "巴南区", level: "district", parentCode: "500000" });
    file.departments.push({ code: "500113-scjgj", name: "重庆市巴南区市场监督管理局", shortName: "巴南区市场监管局", regionCode: "500113", phone: "023-66221234", address: "重庆市巴南区龙洲大道1号" });
    file.items[1] = { ...file.items[1]!, name: "改了名的事项" };
    // Bad parts.
    file.regions.push({ code: "500114", name: "黔江区", level: "district", parentCode: "599999" });
    file.departments.push({ code: "500199-x", name: "不存在区域的部门", shortName: "无区域", regionCode: "500199", phone: "", address: "" });
    file.items[3]!.guide!.promisedDays = file.items[3]!.guide!.statutoryDays + 1;
    file.items[4]!.guide!.ccDepartmentCodes = ["cq-unknown"];
    file.items[5] = { ...file.items[5]!, departmentCode: "nope" };
    file.items.push({ ...file.items[0]! });
    // A department with staff cannot be disabled.
    const busy = file.departments.findIndex((d) => d.code === "500112-scjgj");
    file.departments[busy] = { ...file.departments[busy]!, disabled: true };

    const before = await counts(t.db);
    const problems = await refusal(importCatalog(t.platform.deps, file));
    expect(problems).toEqual(
      expect.arrayContaining([
        "items[13].code: duplicate-code",
        "regions[4].parentCode: region-unknown",
        "departments[24].regionCode: region-unknown",
        "items[3].guide.promisedDays: promised-above-statutory",
        "items[4].guide.ccDepartmentCodes[0]: department-unknown",
        "items[5].departmentCode: department-unknown",
        `departments[${busy}].disabled: department-in-use`,
      ]),
    );
    expect(problems).toHaveLength(7);
    expect(await counts(t.db)).toEqual(before);
    expect(await t.db.selectFrom("regions").select("code").where("code", "=", "500113").executeTakeFirst()).toBeUndefined();

    // Errors of form are reported with their paths before anything is looked up.
    const malformed = { ...demo(), version: 2, halls: [{ ...demo().halls[0], openingHours: 8 }] };
    expect(await refusal(importCatalog(t.platform.deps, malformed))).toEqual(["version: invalid_value", "halls[0].openingHours: invalid_type"]);
    expect(await counts(t.db)).toEqual(before);
  });
});

describe("a city on an empty database", () => {
  it("starts without demo data: the first admin, the catalog from a file, the public catalog lists the items", async () => {
    const handle = await emptyTestDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cq-city-"));
    const config = { ...loadConfig({ NODE_ENV: "test", DEMO: "0" }), dataDir };
    const platform = await createPlatform(config, { handle, serveWeb: false, scheduler: false });
    try {
      expect((await platform.app.inject({ method: "GET", url: "/api/catalog/items" })).json().items).toEqual([]);
      await createPlatformAdmin(handle.db, auditKeysOf(config), personalDataOf(config), { username: "ops.admin", name: "周敏", phone: "13800000000", idNumber: "11010519491231002X", password: "Very-strong-2026" });
      // First the example of docs/catalog-format.md, then the whole demo catalog over it.
      const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(fs.readFileSync("docs/catalog-format.md", "utf8"))![1]!);
      const first = await importCatalog(platform.deps, example);
      expect([first.regions.created, first.departments.created, first.halls.created, first.items.created]).toEqual([
        ["500000", "500112"], ["500112-scjgj", "cq-scjgj"], ["hall-yb"], ["YB-SCJG-001"],
      ]);
      const started = performance.now();
      const report = await importCatalog(platform.deps, demo());
      const ms = performance.now() - started;
      expect(report.items.created).toHaveLength(12);
      expect(report.items.changed).toEqual(["YB-SCJG-001"]);
      expect(report.versions.filter((v) => v.number > 1)).toEqual([expect.objectContaining({ code: "YB-SCJG-001", number: 2 })]);
      expect(ms).toBeLessThan(30_000);
      const listed = (await platform.app.inject({ method: "GET", url: "/api/catalog/items?limit=100" })).json().items;
      expect(listed.map((i: { code: string }) => i.code).sort()).toEqual(demo().items.map((i) => i.code).sort());
      expect(await isDemoSeeded(handle.db)).toBe(false);
      expect(catalogFileText(await exportCatalog(handle.db))).toBe(demoText);
    } finally {
      await platform.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("the command line", () => {
  const run = promisify(execFile);
  const main = ["--import", "tsx", "--conditions=source", path.resolve("server/src/main.ts")];

  it("imports a good file (exit 0) and refuses a bad one with each problem's path (exit 1)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cq-cli-"));
    const env = { ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent", DATA_DIR: dir, DATABASE_URL: "", AUDIT_KEY: "cd".repeat(32) };
    try {
      const bad = demo();
      bad.items[3]!.guide!.promisedDays = bad.items[3]!.guide!.statutoryDays + 1;
      bad.items[0] = { ...bad.items[0]!, regionCode: "500199" };
      fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify(bad));
      const refused = await run(process.execPath, [...main, "import-catalog", path.join(dir, "bad.json")], { env }).catch((e) => e);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("items[3].guide.promisedDays: promised-above-statutory");
      expect(refused.stderr).toContain("items[0].regionCode: region-unknown");
      expect(refused.stderr).toContain("nothing was imported");

      const done = await run(process.execPath, [...main, "import-catalog", demoFile], { env });
      expect(done.stdout).toContain("items: 13 created, 0 changed, 0 unchanged");
      const out = path.join(dir, "out.json");
      await run(process.execPath, [...main, "export-catalog", out], { env });
      expect(fs.readFileSync(out, "utf8")).toBe(demoText);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
