import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/audit/verify.ts";
import { loadConfig } from "../src/platform/config.ts";
import { openDatabase } from "../src/platform/db.ts";
import { DEMO_PASSWORD, newTestDatabase } from "./helpers.ts";
import { applicantOf } from "./workflowDriver.ts";
import { freePort } from "./freePort.ts";

// Crash test: the platform under load is killed with SIGKILL, restarted on the same data, and every
// write it acknowledged is there, with the audit chain whole. Both databases; a few rounds each.

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 2);
const main = ["--import", "tsx", "--conditions=source", path.resolve("server/src/main.ts"), "start"];

async function waitHealthy(port: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const s = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
    if (s === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the platform did not come up");
}

function startServer(env: NodeJS.ProcessEnv, port: number): ChildProcess {
  return spawn(process.execPath, main, { env: { ...env, PORT: String(port), HOST: "127.0.0.1" }, stdio: "ignore" });
}

async function loginCookie(port: number, login: string): Promise<string> {
  const r = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: "POST", headers: { "content-type": "application/json", "x-requested-with": "fetch" }, body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login ${r.status}`);
  return (r.headers.get("set-cookie") ?? "").split(";")[0]!;
}

/** Files complaints from several clients at once until stopped; returns the ids the server acknowledged. */
function load(port: number, cookie: string, round: number, departmentId: string) {
  const acknowledged: string[] = [];
  let stop = false;
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/complaints`, {
          method: "POST", headers: { "content-type": "application/json", "x-requested-with": "fetch", cookie },
          body: JSON.stringify({ subject: `压力测试 ${round}-${w}-${i}`, text: "服务器崩溃测试中提交的投诉内容。", departmentId }),
        });
        if (r.status === 201) acknowledged.push(((await r.json()) as { id: string }).id);
      } catch {
        return; // the server is gone
      }
    }
  };
  const done = Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
  return { acknowledged, finish: async () => ((stop = true), await done) };
}

async function crashRounds(env: NodeJS.ProcessEnv, dataDir: string, databaseUrl: string | undefined) {
  const port = await freePort();
  let total = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const server = startServer(env, port);
    await waitHealthy(port);
    const cookie = await loginCookie(port, applicantOf("person", 0).phone);
    const departments = (await (await fetch(`http://127.0.0.1:${port}/api/catalog/departments`)).json()) as { items: { id: string }[] };
    const l = load(port, cookie, round, departments.items[0]!.id);
    await new Promise((r) => setTimeout(r, 1500 + round * 300));
    server.kill("SIGKILL");
    await new Promise((r) => server.once("exit", r));
    await l.finish();
    expect(l.acknowledged.length, `round ${round}`).toBeGreaterThan(0);
    // Restart on the same data, then stop it properly and look at what is stored.
    const again = startServer(env, port);
    await waitHealthy(port);
    again.kill("SIGTERM");
    await new Promise((r) => again.once("exit", r));
    const config = { ...loadConfig({ ...env, NODE_ENV: "development" } as NodeJS.ProcessEnv), dataDir, databaseUrl };
    const handle = await openDatabase(config);
    try {
      const stored = new Set((await handle.db.selectFrom("complaints").select("id").where("id", "in", l.acknowledged).execute()).map((r) => r.id));
      expect(l.acknowledged.filter((id) => !stored.has(id)), `acknowledged but lost in round ${round}`).toEqual([]);
      const audit = await verifyAuditChain(handle.db, config);
      expect(audit.ok, JSON.stringify(audit)).toBe(true);
    } finally {
      await handle.close();
    }
    total += l.acknowledged.length;
  }
  return total;
}

describe("crash: kill -9 under load", () => {
  it("loses no acknowledged write and keeps the audit chain whole", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cq-crash-"));
    const base = { ...process.env, NODE_ENV: "development", DEMO: "1", DEMO_CASES: "0", LOG_LEVEL: "silent", DATA_DIR: dataDir, AUTH_RATE_LIMIT: "100000" };
    const url = process.env.TEST_DATABASE_URL;
    let databaseUrl: string | undefined;
    let drop: (() => Promise<void>) | undefined;
    if (url) ({ url: databaseUrl, drop } = await newTestDatabase());
    try {
      const total = await crashRounds({ ...base, DATABASE_URL: databaseUrl ?? "" }, dataDir, databaseUrl);
      expect(total).toBeGreaterThan(0);
      console.log(`crash: ${ROUNDS} kill -9 rounds on ${databaseUrl ? "PostgreSQL" : "PGlite"}, ${total} acknowledged writes all found after restart, audit chain whole`);
    } finally {
      await drop?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
