import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { AdjustableClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import type { Deps } from "../src/platform/context.ts";
import { DatabaseInUseError, openPglite, openPostgres } from "../src/platform/db.ts";
import { LocalFileStore } from "../src/platform/files.ts";
import { createLogger } from "../src/platform/logger.ts";
import { DEMO_PASSWORD, startPlatform, type TestPlatform } from "./helpers.ts";

// Holes closed for GB/T 22239-2019 level 3; each test fails if its hole comes back.

const run = promisify(execFile);
let t: TestPlatform | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Logs in from a socket address with an X-Forwarded-For header, and returns the address the audit recorded. */
async function auditedAddress(p: TestPlatform, remoteAddress: string, forwardedFor: string): Promise<string | null> {
  const res = await p.app.inject({
    method: "POST", url: "/api/auth/login", remoteAddress,
    headers: { "x-requested-with": "fetch", "x-forwarded-for": forwardedFor },
    payload: { login: "yb.scjg.clerk", password: DEMO_PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  const row = await p.db.selectFrom("audit_log").select("ip").where("action", "=", "user.login").orderBy("seq", "desc").limit(1).executeTakeFirstOrThrow();
  return row.ip;
}

describe("client addresses (TRUST_PROXY)", () => {
  it("ignores X-Forwarded-For unless TRUST_PROXY names the proxy", async () => {
    t = await startPlatform();
    expect(await auditedAddress(t, "198.51.100.7", "203.0.113.9")).toBe("198.51.100.7");
  });

  it("believes X-Forwarded-For from a listed proxy only", async () => {
    t = await startPlatform({ trustProxy: ["10.0.0.0/8"] });
    expect(await auditedAddress(t, "10.1.2.3", "203.0.113.9")).toBe("203.0.113.9");
    expect(await auditedAddress(t, "198.51.100.7", "203.0.113.9")).toBe("198.51.100.7");
  });
});

describe("a database that drops, hangs or is gone", () => {
  it("/readyz answers 503 within seconds when the database hangs", async () => {
    // A "database" that accepts connections and never says a word.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const port = (silent.address() as net.AddressInfo).port;
    const handle = openPostgres(`postgres://nobody@127.0.0.1:${port}/none`, 2);
    const deps: Deps = {
      config: { ...loadConfig({ NODE_ENV: "test" }), dataDir: os.tmpdir() }, db: handle.db, dbKind: "postgres", clock: new AdjustableClock(),
      files: new LocalFileStore(path.join(os.tmpdir(), "cq-unused-files")), logger: createLogger("silent"),
    };
    const app = await buildApp(deps);
    try {
      const res = await app.inject({ method: "GET", url: "/readyz" });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe("NOT_READY");
    } finally {
      await app.close();
      silent.close();
      void handle.close().catch(() => undefined);
    }
  }, 15_000);

  it.skipIf(!process.env.TEST_DATABASE_URL)("survives its connections being killed (PostgreSQL), and reconnects", async () => {
    t = await startPlatform();
    const before = await t.request({ method: "GET", url: "/api/catalog/items" });
    expect(before.statusCode).toBe(200);
    // Kill every server process of the platform's database from outside, as a restart or failover would.
    const dbName = (await sql<{ db: string }>`select current_database() as db`.execute(t.db)).rows[0]!.db;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [dbName]);
    await admin.end();
    await new Promise((r) => setTimeout(r, 200));
    // The pool notices, drops the dead connections, and the next requests are served by new ones.
    let ok = 0;
    for (let i = 0; i < 5; i++) if ((await t.request({ method: "GET", url: "/readyz" })).statusCode === 200) ok++;
    expect(ok).toBeGreaterThanOrEqual(4);
    expect((await t.request({ method: "GET", url: "/api/catalog/items" })).statusCode).toBe(200);
  });
});

describe("the embedded database serves one process", () => {
  it("refuses a second process on the same data directory, with a clear message, and takes over a dead one's lock", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cq-lock-"));
    const held = await openPglite(path.join(dataDir, "pgdata"));
    const main = ["--import", "tsx", path.resolve("server/src/main.ts")];
    const env = { ...process.env, NODE_ENV: "development", DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "silent" };
    try {
      const second = await run(process.execPath, [...main, "migrate"], { env }).catch((e: { code: number; stderr: string }) => e);
      expect((second as { code: number }).code).toBe(2);
      expect((second as { stderr: string }).stderr).toContain("is in use by process");
      // In this process too: a second handle on the same directory is refused.
      await expect(openPglite(path.join(dataDir, "pgdata"))).rejects.toBeInstanceOf(DatabaseInUseError);
    } finally {
      await held.close();
    }
    // A lock left by a process that died (kill -9) does not keep the platform down.
    fs.writeFileSync(path.join(dataDir, "pgdata.lock"), "999999");
    const after = await run(process.execPath, [...main, "migrate"], { env });
    expect(after.stdout).toMatch(/schema is up to date|applied/);
    expect(fs.existsSync(path.join(dataDir, "pgdata.lock"))).toBe(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});
