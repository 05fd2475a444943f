import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../src/platform/config.ts";
import { type DatabaseHandle, isOverload, openPostgres } from "../src/platform/db.ts";
import pg from "pg";
import { enqueueJob, runDueJobs } from "../src/platform/jobs.ts";
import { createLogger } from "../src/platform/logger.ts";
import { systemClock } from "../src/platform/clock.ts";
import { LocalFileStore } from "../src/platform/files.ts";
import { newTestDatabase } from "./helpers.ts";
import { platformDeps } from "../src/deps.ts";
import { verifyAuditChain } from "../src/audit/verify.ts";
import { freePort } from "./freePort.ts";

// More than one server process on one PostgreSQL (WORKERS=N, or processes behind a proxy): durable
// jobs run once across processes, and a job of a process killed mid-run is taken over by another.
// PostgreSQL only: the embedded database serves one process.

const onPostgres = !!inject("pgTemplate");
const tsx = ["--import", "tsx", "--conditions=source"];

function lines(child: ChildProcess, sink: string[]) {
  let rest = "";
  child.stdout?.on("data", (d: Buffer) => {
    const parts = (rest + d.toString()).split("\n");
    rest = parts.pop() ?? "";
    sink.push(...parts);
  });
  child.stderr?.on("data", (d: Buffer) => sink.push(d.toString()));
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 60_000) {
  const end = performance.now() + ms;
  while (!(await ok())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!onPostgres)("several processes on one database", () => {
  let url = "";
  let drop: () => Promise<void> = async () => undefined;
  let handle: DatabaseHandle;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    ({ url, drop } = await newTestDatabase(inject("pgTemplate")));
    handle = openPostgres(url, 4);
    await sql`create table job_effects (job_key text not null, worker text not null)`.execute(handle.db);
  });
  afterAll(async () => {
    for (const c of children) c.kill("SIGKILL");
    await handle?.close();
    await drop();
  });

  it("two processes run each job once, and a job of a killed process is taken over by another", async () => {
    const out: string[] = [];
    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, [...tsx, path.resolve("server/test/jobRunnerProcess.ts")], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"] });
      lines(child, out);
      children.push(child);
    }
    await until("both runners", () => out.filter((l) => l.startsWith("ready ")).length === 2);
    const now = systemClock.now();
    for (let i = 0; i < 60; i++) await enqueueJob(handle.db, { kind: "count", runAt: now, payload: { key: `k${i}` }, dedupeKey: `count:${i}` });
    await until("every count job", async () => (await sql<{ n: number }>`select count(*)::int as n from jobs where kind = 'count' and status = 'done'`.execute(handle.db)).rows[0]!.n === 60);
    const effects = (await sql<{ job_key: string; worker: string }>`select job_key, worker from job_effects`.execute(handle.db)).rows;
    expect(effects).toHaveLength(60);
    expect(new Set(effects.map((e) => e.job_key)).size).toBe(60);

    // One process takes the stuck job and is killed while running it.
    await enqueueJob(handle.db, { kind: "stuck", runAt: systemClock.now(), payload: {}, dedupeKey: "stuck:1" });
    await until("the stuck job to start", () => out.some((l) => l.startsWith("stuck ")));
    const holder = out.find((l) => l.startsWith("stuck "))!.slice("stuck ".length);
    const victim = children.find((c) => `runner-${c.pid}` === holder)!;
    victim.kill("SIGKILL");
    await until("the killed process to be gone", () => victim.exitCode !== null || victim.signalCode !== null);
    const held = await handle.db.selectFrom("jobs").select(["status", "locked_by"]).where("dedupe_key", "=", "stuck:1").executeTakeFirstOrThrow();
    expect(held).toEqual({ status: "running", locked_by: holder });

    // Another process, once the job is stale (10 minutes later), takes it and finishes it.
    const deps = platformDeps({ config: loadConfig({ NODE_ENV: "test" }), db: handle.db, dbKind: "postgres", clock: systemClock, files: new LocalFileStore("/tmp"), logger: createLogger("silent") });
    let finishedBy = "";
    const later = new Date(systemClock.now().getTime() + 11 * 60_000);
    await runDueJobs(deps, { stuck: async () => void (finishedBy = "taker"), count: async () => undefined }, "taker", later);
    expect(finishedBy).toBe("taker");
    expect(await handle.db.selectFrom("jobs").select(["status", "attempts"]).where("dedupe_key", "=", "stuck:1").executeTakeFirstOrThrow()).toEqual({ status: "done", attempts: 2 });
  }, 120_000);

  it("commands of two processes at once: one chain that verifies, each command's records together", async () => {
    const out: string[] = [];
    const runners: ChildProcess[] = [];
    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, [...tsx, path.resolve("server/test/jobRunnerProcess.ts")], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"] });
      lines(child, out);
      children.push(child);
      runners.push(child);
    }
    await until("both runners", () => out.filter((l) => l.startsWith("ready ")).length === 2);
    const now = systemClock.now();
    for (let i = 0; i < 40; i++) await enqueueJob(handle.db, { kind: "audited", runAt: now, payload: { key: `a${i}` }, dedupeKey: `audited:${i}` });
    await until("every audited job", async () => (await sql<{ n: number }>`select count(*)::int as n from jobs where kind = 'audited' and status = 'done'`.execute(handle.db)).rows[0]!.n === 40);
    for (const r of runners) r.kill("SIGKILL");
    // Every record linked (a job is done only once its command returned), in one chain that holds.
    const rows = await handle.db.selectFrom("audit_log").select("new_values").where("object_type", "=", "job").orderBy("seq").execute();
    const values = rows.map((r) => r.new_values as { key: string; part: number; worker: string });
    expect(values).toHaveLength(80);
    for (let i = 0; i < values.length; i += 2) expect([values[i]!.part, values[i + 1]]).toEqual([1, { ...values[i]!, part: 2 }]);
    expect(new Set(values.map((v) => v.worker)).size).toBeGreaterThanOrEqual(2);
    expect(await handle.db.selectFrom("audit_pending").select("pseq").execute()).toEqual([]);
    const verified = await verifyAuditChain(handle.db, loadConfig({ NODE_ENV: "test" }));
    expect(verified.ok).toBe(true);
    expect(verified.entries).toBeGreaterThanOrEqual(80);
  }, 120_000);

  it("WORKERS=2 starts two server processes sharing one port, which stop together", async () => {
    const port = await freePort();
    const out: string[] = [];
    const env: NodeJS.ProcessEnv = {
      ...process.env, NODE_ENV: "development", DEMO: "1", DATABASE_URL: url, WORKERS: "2", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info",
      AUDIT_KEY: loadConfig({ NODE_ENV: "test" }).auditKey, PERSONAL_DATA_KEY: loadConfig({ NODE_ENV: "test" }).personalDataKey,
    };
    delete env.NODE_OPTIONS;
    const primary = spawn(process.execPath, [...tsx, path.resolve("server/src/main.ts"), "start"], { env, stdio: ["ignore", "pipe", "pipe"] });
    children.push(primary);
    lines(primary, out);
    const started = () => out.filter((l) => l.includes('"platform started"')).map((l) => (JSON.parse(l) as { pid: number }).pid);
    await until("two server processes", () => started().length === 2, 90_000);
    expect(new Set(started()).size).toBe(2);
    expect(started()).not.toContain(primary.pid);
    for (let i = 0; i < 10; i++) expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    primary.kill("SIGTERM");
    await until("the processes to stop", () => primary.exitCode !== null, 30_000);
    expect(primary.exitCode).toBe(0);
  }, 150_000);

  it("a pool with no connection free in time is an overload (answered 503 BUSY), not a fault", async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 200 });
    const held = await pool.connect();
    try {
      const err = await pool.connect().then(
        (c) => (c.release(), null),
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Error);
      expect(isOverload(err)).toBe(true);
      // A statement cut off by its timeout is one too; a syntax error is not.
      const timedOut = await held.query("set statement_timeout = 50; select pg_sleep(1)").then(() => null, (e: unknown) => e);
      expect(isOverload(timedOut)).toBe(true);
      const broken = await held.query("select frm").then(() => null, (e: unknown) => e);
      expect(isOverload(broken)).toBe(false);
    } finally {
      held.release();
      await pool.end();
    }
  });
});
