import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { expect, inject } from "vitest";
import { sql } from "kysely";
import { progressSelect } from "../src/cases/progressRepository.ts";
import { countedNow, recountAll } from "../src/supervision/counts.ts";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createPlatform, type Platform } from "../src/bootstrap.ts";
import { type Config, loadConfig } from "../src/platform/config.ts";
import { type DatabaseHandle, openPglite, openPostgres } from "../src/platform/db.ts";
import { personalDataOf } from "../src/platform/personalData.ts";
import { newId } from "../src/platform/ids.ts";
import { mintIntegrationToken } from "../src/identity/integrationTokens.ts";
import type { IntegrationScope } from "@cq/contracts";
import { TEST_EPOCH } from "./globalSetup.ts";

export { TEST_EPOCH };
export const DEMO_PASSWORD = "Demo@2026";

/**
 * A new database on the test server (TEST_DATABASE_URL), empty or copied from a template; named like
 * the others of this run, so that the global teardown drops it if a test does not.
 */
export async function newTestDatabase(template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const name = `cq_t_${process.ppid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ""}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const drop = async () => {
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    // The pool's clients are closing but their server processes may not have gone yet: wait for
    // them, so that the forced drop does not kill a connection that then reports an error.
    for (let i = 0; i < 100; i++) {
      const { rows } = await a.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = $1`, [name]);
      if (!rows[0]?.n) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  };
  return { url: target.toString(), drop };
}

/** A database with nothing in it: a new PGlite, or a new database on the test server (dropped when closed). */
export async function emptyTestDatabase(): Promise<DatabaseHandle> {
  if (!process.env.TEST_DATABASE_URL) return openPglite(undefined);
  const created = await newTestDatabase();
  const handle = openPostgres(created.url, 3);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await created.drop();
    },
  };
}

/** A platform on a private copy of the seeded template database, with the clock at TEST_EPOCH. */
export async function startPlatform(overrides: Partial<Config> = {}): Promise<TestPlatform> {
  const workDir = fs.mkdtempSync(path.join(inject("workDir"), "run-"));
  let handle: DatabaseHandle;
  let dropDb: (() => Promise<void>) | undefined;
  const pgTemplate = inject("pgTemplate");
  if (pgTemplate) {
    const created = await newTestDatabase(pgTemplate);
    handle = openPostgres(created.url, 5);
    dropDb = created.drop;
  } else {
    const bytes = fs.readFileSync(inject("pgliteTemplate"));
    handle = await openPglite(undefined, new Blob([bytes]));
  }
  const config = { ...loadConfig({ NODE_ENV: "test", DEMO: "1" }), dataDir: workDir, lockout: { maxFailures: 5, minutes: 15 }, authRateLimit: 10_000, ...overrides };
  const platform = await createPlatform(config, { handle, serveWeb: false, scheduler: false });
  platform.clock!.set(TEST_EPOCH);
  return new TestPlatform(platform, handle, async () => {
    await platform.close();
    await handle.close();
    await dropDb?.();
    fs.rmSync(workDir, { recursive: true, force: true });
  });
}

export interface Session {
  cookie: string;
  inject(opts: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

/** A department system calling with its bearer token (no cookie, no CSRF header needed). */
export interface SystemSession {
  id: string;
  token: string;
  inject(opts: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

export class TestPlatform {
  readonly app: FastifyInstance;
  constructor(
    readonly platform: Platform,
    readonly handle: DatabaseHandle,
    readonly close: () => Promise<void>,
  ) {
    this.app = platform.app;
  }

  get db() {
    return this.platform.deps.db;
  }

  /** The platform's personal-data keys: to find a row by the blind index of a phone or ID number. */
  get personalData() {
    return personalDataOf(this.platform.deps.config);
  }

  /** A request as a browser would send it (CSRF header on), optionally with a session cookie. */
  async request(opts: { method: string; url: string; payload?: unknown; headers?: Record<string, string>; cookie?: string }) {
    const res = await this.app.inject({
      method: opts.method as "GET",
      url: opts.url,
      payload: opts.payload as string | undefined,
      headers: {
        "x-requested-with": "fetch",
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
        ...(opts.headers ?? {}),
      },
    });
    failOnBrokenContract(opts.method, opts.url, res);
    return res;
  }

  async login(login: string, password = DEMO_PASSWORD): Promise<Session> {
    const res = await this.request({ method: "POST", url: "/api/auth/login", payload: { login, password } });
    if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
    const setCookie = res.headers["set-cookie"];
    const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie);
    const cookie = raw.split(";")[0]!;
    return { cookie, inject: (o) => this.request({ ...o, cookie }) };
  }

  /**
   * A department system's session: an integration client of `departmentId` with `scopes`, written
   * straight to the table (the admin routes are tested on their own), its requests carrying the token.
   */
  async integration(departmentId: string, scopes: readonly IntegrationScope[], name = "测试对接系统"): Promise<SystemSession> {
    const { token, hash, hint } = mintIntegrationToken();
    const id = newId();
    await this.db
      .insertInto("integration_clients")
      .values({ id, name, department_id: departmentId, scopes: JSON.stringify(scopes), token_hash: hash, token_hint: hint, previous_token_hash: null, previous_valid_until: null, created_by: null, created_at: new Date(), rotated_at: null, revoked_at: null, revoked_by: null, last_used_at: null })
      .execute();
    return {
      id,
      token,
      inject: (o) => this.request({ ...o, headers: { authorization: `Bearer ${token}`, ...(o.headers ?? {}) } }),
    };
  }

  async smsCode(phone: string): Promise<string> {
    const res = await this.request({ method: "GET", url: `/api/dev/outbox?to=${phone}` });
    const text: string = res.json().items[0]?.text ?? "";
    const m = /(\d{6})/.exec(text);
    if (!m) throw new Error(`no SMS code for ${phone}`);
    return m[1]!;
  }
}

/**
 * The server checks every 2xx body strictly against its route's schema in test mode and answers a
 * break with a 500 naming it (server/src/platform/responseContract.ts); fail the test right there.
 */
function failOnBrokenContract(method: string, url: string, res: LightMyRequestResponse): void {
  if (res.statusCode !== 500) return;
  const contract = (res.json() as { error?: { details?: { contract?: string } } }).error?.details?.contract;
  if (contract) throw new Error(`${method} ${url}: ${contract}`);
}

/** A multipart body with fields and one file, as browsers send it. */
export function multipart(fields: Record<string, string>, file?: { name: string; bytes: Buffer; type?: string }) {
  const boundary = `----cqtest${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
    );
    chunks.push(file.bytes, Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export const tinyPdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
export const tinyPng = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

/** A value a field of the application form accepts: a number, a date, a phone or ID card number, or text. */
export function sampleFormValue(f: { type: string }, text = "渝北区金山路18号"): string | number {
  switch (f.type) {
    case "number":
      return 10;
    case "date":
      return "2026-12-01";
    case "phone":
      return "13800138000";
    case "idNumber":
      return "500112199003071235";
    default:
      return text;
  }
}

/** A body parsed as JSON, or undefined when it is not JSON. */
export function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** The text of a PDF, as poppler's pdftotext reads it. */
export function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pdf-text-"));
  try {
    const file = path.join(dir, "document.pdf");
    fs.writeFileSync(file, bytes);
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What the commands keep of cases for fast reads equals what the cases say now: the public progress
 * rows (a command that changed a case without auditing it under the case's id, so without refreshing
 * its row, shows here), each case's contribution to the supervision counters, the counters (against a
 * recount, rolled back), and each case's escalated and explained flags. Returns the number of progress rows.
 */
export async function expectKeptViewsCurrent(t: TestPlatform): Promise<number> {
  const kept = await sql<Record<string, unknown>>`select case_id, supervision_code, reference_no, item_id, department_ids, facts from case_progress order by case_id`.execute(t.db);
  const fresh = await sql<Record<string, unknown>>`${progressSelect} where c.supervision_code is not null or c.reference_no is not null order by c.id`.execute(t.db);
  expect(kept.rows).toEqual(fresh.rows);
  const flags = await sql<{ id: string; kept: string; now: string }>`
    select c.id, concat(c.escalated, '/', c.explained) as kept,
           concat(exists (select 1 from escalations e where e.case_id = c.id and e.status = 'open'), '/', exists (select 1 from explanations x where x.case_id = c.id)) as now
    from cases c`.execute(t.db);
  expect(flags.rows.filter((r) => r.kept !== r.now)).toEqual([]);
  const counted = await sql<Record<string, unknown>>`select * from case_counted order by case_id`.execute(t.db);
  expect(counted.rows).toEqual((await countedNow().execute(t.db)).rows);
  const counters = () =>
    sql<Record<string, unknown>>`select * from department_day_counts where received <> 0 or accepted <> 0 or closed <> 0 or extended <> 0 or deemed_accepted <> 0 or used_days_n <> 0
      order by department_id, region_code, day`.execute(t.db);
  const open = () => sql<Record<string, unknown>>`select * from department_open_counts where red <> 0 or yellow <> 0 or suspended <> 0 order by department_id, region_code`.execute(t.db);
  const before = { days: (await counters()).rows, open: (await open()).rows };
  const ROLLBACK = new Error("rollback");
  await t.db
    .transaction()
    .execute(async (trx) => {
      for (const q of recountAll()) await q.execute(trx);
      const days = await sql<Record<string, unknown>>`select * from department_day_counts order by department_id, region_code, day`.execute(trx);
      const o = await sql<Record<string, unknown>>`select * from department_open_counts order by department_id, region_code`.execute(trx);
      expect(before).toEqual({ days: days.rows, open: o.rows });
      throw ROLLBACK;
    })
    .catch((e: unknown) => {
      if (e !== ROLLBACK) throw e;
    });
  return kept.rows.length;
}
