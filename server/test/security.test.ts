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
import { idNumberCheckChar } from "../src/identity/checkCharacters.ts";
import { staffWith } from "./fixtures.ts";
import { DEMO_PASSWORD, startPlatform, type TestPlatform } from "./helpers.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";
import { platformDeps } from "../src/deps.ts";

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
    const deps: Deps = platformDeps({
      config: { ...loadConfig({ NODE_ENV: "test" }), dataDir: os.tmpdir() }, db: handle.db, dbKind: "postgres", clock: new AdjustableClock(),
      files: new LocalFileStore(path.join(os.tmpdir(), "cq-unused-files")), logger: createLogger("silent"),
    });
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
    const main = ["--import", "tsx", "--conditions=source", path.resolve("server/src/main.ts")];
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

describe("races and enumeration", () => {
  const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);
  const newPerson = { type: "person", name: "测试人", idNumber: idNumber("11010119900307851"), password: "Secure#2026pass" };

  it("counts SMS code attempts atomically: parallel guesses cannot outrun the limit", async () => {
    t = await startPlatform();
    const p = t;
    const phone = "13900001111";
    expect((await p.request({ method: "POST", url: "/api/auth/sms-codes", payload: { phone, purpose: "register" } })).statusCode).toBe(202);
    const code = await p.smsCode(phone);
    const wrong = Array.from({ length: 30 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    const guesses = await Promise.all(wrong.map((c) => p.request({ method: "POST", url: "/api/auth/register", payload: { ...newPerson, phone, smsCode: c } })));
    expect(guesses.every((g) => g.statusCode === 400)).toBe(true);
    const row = await p.db.selectFrom("sms_codes").select("attempts").where("phone_index", "=", p.personalData.index("phone", phone)).executeTakeFirstOrThrow();
    expect(row.attempts).toBe(5);
    // The right code is no use any more.
    const late = await p.request({ method: "POST", url: "/api/auth/register", payload: { ...newPerson, phone, smsCode: code } });
    expect(late.json().error.code).toBe("INVALID_SMS_CODE");
  });

  it("tells nothing about a taken ID number before the SMS code is checked", async () => {
    t = await startPlatform();
    const taken = applicantOf("person", 0);
    const res = await t.request({ method: "POST", url: "/api/auth/register", payload: { ...newPerson, idNumber: taken.idNumber, phone: "13900002222", smsCode: "000000" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("INVALID_SMS_CODE");
  });

  it("registers one account for one phone however many arrive at once", async () => {
    t = await startPlatform();
    const p = t;
    const phone = "13900003333";
    await p.request({ method: "POST", url: "/api/auth/sms-codes", payload: { phone, purpose: "register" } });
    const code = await p.smsCode(phone);
    const ids = ["11010119900307447", "11010119900307185", "11010119900307571", "11010119900307251"].map(idNumber);
    const all = await Promise.all(ids.map((idNumber) => p.request({ method: "POST", url: "/api/auth/register", payload: { ...newPerson, idNumber, phone, smsCode: code } })));
    expect(all.map((r) => r.statusCode).sort()).toEqual([201, 400, 400, 400]);
    const n = await p.db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).where("phone_index", "=", p.personalData.index("phone", phone)).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it("revokes a certificate once: of concurrent revocations one succeeds, the others are told it is done", async () => {
    t = await startPlatform();
    const D = "500112-scjgj";
    const decider = await t.login(staffWith("decider", D).username);
    const clerk = await t.login(staffWith("clerk", D).username);
    const me = (await decider.inject({ method: "GET", url: "/api/me" })).json();
    const holderId = (await clerk.inject({ method: "GET", url: `/api/hall/applicants?phone=${applicantOf("person").phone}` })).json().items[0].id;
    const reg = await decider.inject({ method: "POST", url: "/api/certificates", payload: { departmentId: me.department.id, type: "food-business-license", name: "食品经营许可证", holderId, validUntil: "2031-11-26" } });
    expect(reg.statusCode, reg.body).toBe(201);
    const no = reg.json().certificateNo as string;
    const all = await Promise.all(Array.from({ length: 5 }, () => decider.inject({ method: "POST", url: `/api/certificates/${no}/revoke`, payload: { reason: "经营场所已变更" } })));
    expect(all.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(all.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === "CERTIFICATE_ALREADY_REVOKED")).toBe(true);
    const audits = await t.db.selectFrom("audit_log").select("id").where("action", "=", "certificate.revoked").where("object_id", "=", no).execute();
    expect(audits).toHaveLength(1);
  });

  it("stores identical uploads sent at once", async () => {
    t = await startPlatform();
    const drive = new WorkflowDriver(t);
    const applicant = await t.login(applicantOf("person", 0).phone);
    const guide = await drive.guide("YB-SCJG-001");
    const created = await applicant.inject({ method: "POST", url: "/api/cases", payload: { itemId: guide.id, formData: {} } });
    const caseId = created.json().id as string;
    const all = await Promise.all(Array.from({ length: 6 }, () => drive.upload(applicant, caseId, guide.materials[0].id)));
    expect(all.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
  });
});

describe("the production surface", () => {
  it("hides /metrics and /api/docs in production unless configured", async () => {
    t = await startPlatform({ env: "production", metrics: { token: "scrape-secret-123", public: false }, apiDocs: false });
    expect((await t.request({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
    expect((await t.request({ method: "GET", url: "/metrics", headers: { authorization: "Bearer wrong" } })).statusCode).toBe(404);
    const scraped = await t.request({ method: "GET", url: "/metrics", headers: { authorization: "Bearer scrape-secret-123" } });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.body).toContain("process_cpu_user_seconds_total");
    expect((await t.request({ method: "GET", url: "/api/docs" })).statusCode).toBe(404);
    // The OpenAPI document stays: integrators generate clients from it.
    expect((await t.request({ method: "GET", url: "/api/openapi.json" })).statusCode).toBe(200);
  });

  it("defaults to hidden in a production configuration", () => {
    const c = loadConfig({ NODE_ENV: "production" });
    expect(c.metrics).toEqual({ token: null, public: false });
    expect(c.apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", METRICS_PUBLIC: "1", API_DOCS: "1" })).toMatchObject({ metrics: { public: true }, apiDocs: true });
  });
});

describe("bad input gets a 4xx with the envelope, never a 500", () => {
  it("refuses NUL and lone surrogates wherever they are, over-long paths and a clock outside the century", async () => {
    t = await startPlatform();
    const p = t;
    const admin = await p.login("admin");
    const cases: [string, string, unknown?][] = [
      ["GET", "/api/cases/%00"],
      ["GET", `/api/catalog/items?q=${encodeURIComponent("食品\u0000")}`],
      ["POST", "/api/complaints", { subject: "投诉\uD800", text: "内容" }],
      ["POST", "/api/auth/login", { login: "admin\u0000", password: "x" }],
      ["POST", "/api/dev/clock", { now: "0020-01-01T00:00:00Z" }],
      ["GET", `/api/cases/${"a".repeat(500)}`],
    ];
    for (const [method, url, payload] of cases) {
      const res = await admin.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url.slice(0, 60)}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${method} ${url.slice(0, 60)}`).toBeLessThan(500);
      expect(res.json().error.code, url.slice(0, 60)).toBe("VALIDATION_FAILED");
    }
    expect((await p.request({ method: "GET", url: "/api/audit/verify" })).statusCode).toBe(401);
    expect((await (await p.login("supervisor")).inject({ method: "GET", url: "/api/audit/verify" })).json().ok).toBe(true);
  });
});
