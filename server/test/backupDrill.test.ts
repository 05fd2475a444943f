import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkBackup } from "../src/ops/backup.ts";
import { openDatabase } from "../src/platform/db.ts";
import { demoData } from "../src/seed/demo-data.ts";
import { DEMO_PASSWORD, multipart, newTestDatabase, sampleFormValue, tinyPdf } from "./helpers.ts";
import { applicantOf } from "./workflowDriver.ts";
import { freePort } from "./freePort.ts";

// Restore drill (R18): a real platform process serves requests while `backup DIR` runs as another
// process (on the embedded database the platform writes it, asked over its operations socket);
// `restore DIR` (another process) puts it into a new empty database and file store; the restored
// row counts match the manifest, every stored file its hash, and `audit-verify` passes. Both
// databases: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set.

/** Runs server/src/main.ts with `args` in a process of its own: the platform (`start`) or one command. */
function platformProcess(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--conditions=source", path.resolve("server/src/main.ts"), ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
}

function exited(p: ChildProcess): Promise<number> {
  if (p.exitCode !== null) return Promise.resolve(p.exitCode);
  return new Promise((resolve) => p.once("exit", (code) => resolve(code ?? -1)));
}

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const p = platformProcess(args, env);
  let stdout = "";
  let stderr = "";
  p.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
  p.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const code = await exited(p);
  return { code, stdout, stderr };
}

async function waitHealthy(port: number, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 900 && server.exitCode === null; i++) {
    const s = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
    if (s === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(server.exitCode === null ? "the platform did not come up" : `the platform exited with code ${server.exitCode} before it was healthy`);
}

const headers = (cookie: string) => ({ "x-requested-with": "fetch", cookie });

async function loginCookie(port: number, login: string): Promise<string> {
  const r = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: "POST", headers: { "content-type": "application/json", "x-requested-with": "fetch" }, body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login ${r.status}`);
  return (r.headers.get("set-cookie") ?? "").split(";")[0]!;
}

/** A submitted application with each required material uploaded (a different file each time). */
async function applyOverHttp(port: number, cookie: string, code: string, n: number): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const item = demoData.items.find((i) => i.code === code)!;
  const list = (await (await fetch(`${base}/api/catalog/items?q=${encodeURIComponent(item.name)}`)).json()) as { items: { id: string; code: string }[] };
  const guide = (await (await fetch(`${base}/api/catalog/items/${list.items.find((i) => i.code === code)!.id}`)).json()) as {
    id: string; formFields: { key: string; type: string }[]; materials: { id: string; required: boolean }[];
  };
  const formData = Object.fromEntries(guide.formFields.map((f) => [f.key, sampleFormValue(f)]));
  const created = await fetch(`${base}/api/cases`, {
    method: "POST", headers: { ...headers(cookie), "content-type": "application/json" }, body: JSON.stringify({ itemId: guide.id, formData }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  for (const m of guide.materials.filter((x) => x.required)) {
    const body = multipart({ materialId: m.id }, { name: "材料.pdf", bytes: Buffer.concat([tinyPdf, Buffer.from(`% drill ${n} ${m.id}\n`)]) });
    const r = await fetch(`${base}/api/cases/${id}/materials`, { method: "POST", headers: { ...headers(cookie), ...body.headers }, body: body.payload });
    expect(r.status, await r.text()).toBe(201);
  }
  const submitted = await fetch(`${base}/api/cases/${id}/submit`, { method: "POST", headers: headers(cookie) });
  expect(submitted.status, await submitted.text()).toBe(200);
  return id;
}

/** Files complaints from a few clients at once until stopped; the ids the platform acknowledged. */
function load(port: number, cookie: string, departmentId: string) {
  const acknowledged: string[] = [];
  let failed = 0;
  let slowest = 0;
  let stop = false;
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const started = performance.now();
      const r = await fetch(`http://127.0.0.1:${port}/api/complaints`, {
        method: "POST", headers: { ...headers(cookie), "content-type": "application/json" },
        body: JSON.stringify({ subject: `备份演练 ${w}-${i}`, text: "备份进行中提交的投诉内容。", departmentId }),
      });
      if (r.status === 201) acknowledged.push(((await r.json()) as { id: string }).id);
      else failed++;
      slowest = Math.max(slowest, performance.now() - started);
    }
  };
  const done = Promise.all(Array.from({ length: 4 }, (_, w) => worker(w)));
  return { acknowledged, failed: () => failed, slowestMs: () => Math.round(slowest), finish: async () => ((stop = true), await done) };
}

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const storedFile = (dataDir: string, hash: string) => path.join(dataDir, "files", hash.slice(0, 2), hash.slice(2));
const bytesUnder = (dir: string): number =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? bytesUnder(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size), 0);

describe("restore drill", () => {
  it("backs up a running platform from another process while requests go on, restores it into an empty database, and the copy holds", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cq-drill-"));
    const dataDir = path.join(tmp, "live");
    const restoredDir = path.join(tmp, "restored");
    const backupDir = path.join(tmp, "backup");
    const url = process.env.TEST_DATABASE_URL;
    const source = url ? await newTestDatabase() : undefined;
    const target = url ? await newTestDatabase() : undefined;
    const kind = url ? "postgres" : "pglite";
    // Restoring needs the audit key the chain was written with.
    const base = {
      ...process.env, NODE_ENV: "development", DEMO: "1", DEMO_CASES: "0", LOG_LEVEL: "silent", AUTH_RATE_LIMIT: "100000",
      AUDIT_KEY: randomBytes(32).toString("hex"),
    };
    const liveEnv = { ...base, DATA_DIR: dataDir, DATABASE_URL: source?.url ?? "" };
    const restoredEnv = { ...base, DATA_DIR: restoredDir, DATABASE_URL: target?.url ?? "" };
    const port = await freePort();
    try {
      const server = platformProcess(["start"], { ...liveEnv, PORT: String(port), HOST: "127.0.0.1" });
      server.stdout!.resume();
      server.stderr!.resume();
      let backupRun: Awaited<ReturnType<typeof cli>>;
      let backupMs: number;
      let before: string[];
      let slowestMs: number;
      try {
        await waitHealthy(port, server);
        const cookie = await loginCookie(port, applicantOf("person", 0).phone);
        for (let n = 0; n < 3; n++) await applyOverHttp(port, cookie, "YB-SCJG-001", n);
        const departments = (await (await fetch(`http://127.0.0.1:${port}/api/catalog/departments`)).json()) as { items: { id: string }[] };
        const l = load(port, cookie, departments.items[0]!.id);
        await new Promise((r) => setTimeout(r, 500));
        before = [...l.acknowledged];
        const started = performance.now();
        backupRun = await cli(["backup", backupDir], liveEnv);
        backupMs = Math.round(performance.now() - started);
        const atBackupEnd = l.acknowledged.length;
        await new Promise((r) => setTimeout(r, 300));
        await l.finish();
        slowestMs = l.slowestMs();
        expect(backupRun.code, backupRun.stderr).toBe(0);
        expect(backupRun.stdout).toMatch(/^backup written to .+: \d+ tables, \d+ rows, \d+ files, schema \S+ \(\d+ ms\)$/m);
        // The platform served throughout: nothing refused, and writes acknowledged after the backup too.
        expect(l.failed()).toBe(0);
        expect(l.acknowledged.length).toBeGreaterThan(atBackupEnd);
        if (!url) {
          expect(fs.statSync(path.join(dataDir, "ops.sock")).mode & 0o777).toBe(0o600);
          // A restore never runs against the running platform.
          const refused = await cli(["restore", backupDir], liveEnv);
          expect(refused.code).toBe(2);
          expect(refused.stderr).toMatch(/restore refused: .*in use/);
        }
      } finally {
        server.kill("SIGTERM");
        await exited(server);
      }
      expect(fs.existsSync(path.join(dataDir, "ops.sock")), "the operations socket is removed at shutdown").toBe(false);

      const manifest = checkBackup(backupDir);
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      expect(manifest.files.length).toBeGreaterThanOrEqual(3);

      // The backup is in the audit trail, as the platform, with counts only.
      const live = await openDatabase({ databaseUrl: source?.url, dataDir });
      try {
        const entry = await live.db.selectFrom("audit_log").selectAll().where("action", "=", "ops.backup").executeTakeFirstOrThrow();
        expect(entry.actor_kind).toBe("system");
        expect(entry.new_values).toMatchObject({ dir: backupDir, rows, files: manifest.files.length });
      } finally {
        await live.close();
      }

      const restored = await cli(["restore", backupDir], restoredEnv);
      expect(restored.code, restored.stderr + restored.stdout).toBe(0);
      const handle = await openDatabase({ databaseUrl: target?.url, dataDir: restoredDir });
      try {
        for (const t of manifest.tables) {
          const n = await handle.db.selectFrom(t.name as never).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
          expect(Number((n as { n: number }).n), t.name).toBe(t.rows);
        }
        // Every write acknowledged before the backup was asked for is in it.
        const complaints = new Set((await handle.db.selectFrom("complaints").select("id").execute()).map((r) => r.id));
        expect(before.filter((id) => !complaints.has(id))).toEqual([]);
      } finally {
        await handle.close();
      }
      for (const f of manifest.files) {
        expect(sha256(storedFile(restoredDir, f.sha256))).toBe(f.sha256);
        expect(sha256(storedFile(dataDir, f.sha256))).toBe(f.sha256);
      }
      const verified = await cli(["audit-verify"], restoredEnv);
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });

      const bytes = bytesUnder(backupDir);
      console.log(`restore drill (${kind}): ${rows} rows in ${manifest.tables.length} tables, ${manifest.files.length} files, ${bytes} bytes, backup ${backupMs} ms (${backupRun.stdout.trim().match(/\((\d+) ms\)$/)?.[1]} ms writing); slowest request meanwhile ${slowestMs} ms`);
    } finally {
      await source?.drop();
      await target?.drop();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 300_000);
});
