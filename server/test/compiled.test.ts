import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPglite } from "../src/platform/db.ts";
import { loadConfig } from "../src/platform/config.ts";
import { newTestDatabase } from "./helpers.ts";
import { freePort } from "./freePort.ts";

const testConfig = loadConfig({ NODE_ENV: "test" });

// Production runs the compiled JavaScript in server/dist with plain `node`: no tsx, no TypeScript
// sources, @cq/contracts from its dist. CI builds before the server tests (`npm run build`); run
// alone, this builds what is missing or stale first. The server starts on a copy of the seeded test
// database (an embedded data directory, or a database on TEST_DATABASE_URL), so it is ready in seconds.
const root = path.resolve(import.meta.dirname, "../..");
const entry = path.join(root, "server/dist/src/main.js");

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? jsFiles(p) : p.endsWith(".js") ? [p] : [];
  });
}

describe("the compiled server", () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, "scripts/ensure-build.mjs")], { cwd: root, stdio: "inherit" });
  }, 240_000);

  it("imports no TypeScript and no tsx", () => {
    const files = [...jsFiles(path.join(root, "server/dist")), ...jsFiles(path.join(root, "packages/contracts/dist"))];
    expect(files.length).toBeGreaterThan(50);
    const offending = files.filter((f) => {
      const text = fs.readFileSync(f, "utf8");
      return /\bfrom\s*["']\.{1,2}\/[^"']*\.ts["']/.test(text) || /\bimport\s*\(\s*["']\.{1,2}\/[^"']*\.ts["']/.test(text) || /["']tsx(\/[^"']*)?["']/.test(text);
    });
    expect(offending).toEqual([]);
    expect(fs.existsSync(path.join(root, "server/dist/src/seed/demo-catalog.json"))).toBe(true);
  });

  describe("started with plain node", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cq-compiled-"));
    let base = "";
    let output = "";
    let child: ReturnType<typeof spawn> | undefined;
    let databaseUrl = "";
    let dropDatabase: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      if (inject("pgTemplate")) {
        const created = await newTestDatabase(inject("pgTemplate"));
        databaseUrl = created.url;
        dropDatabase = created.drop;
      } else {
        const template = new Blob([fs.readFileSync(inject("pgliteTemplate"))]);
        await (await openPglite(path.join(dataDir, "pgdata"), template)).close();
      }
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      const env: NodeJS.ProcessEnv = {
        ...process.env, NODE_ENV: "development", DEMO: "1", DATA_DIR: dataDir, DATABASE_URL: databaseUrl,
        PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info",
        // The keys the seeded copy was written with (the test configuration's).
        AUDIT_KEY: testConfig.auditKey, PERSONAL_DATA_KEY: testConfig.personalDataKey,
      };
      delete env.NODE_OPTIONS;
      child = spawn(process.execPath, [entry, "start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
      child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
      const deadline = performance.now() + 90_000;
      for (;;) {
        if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break;
        if (child.exitCode !== null) throw new Error(`the compiled server exited with ${child.exitCode}:\n${output}`);
        if (performance.now() > deadline) throw new Error(`the compiled server was not ready in 90 s:\n${output}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }, 120_000);

    afterAll(async () => {
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child?.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await dropDatabase?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }, 30_000);

    it("runs compiled JavaScript, without tsx", async () => {
      const started = output
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as { msg?: string; runtime?: string; execArgv?: string[] })
        .find((l) => l.msg === "platform started");
      expect(started).toMatchObject({ runtime: "compiled", execArgv: [] });
      const cmdline = fs.existsSync(`/proc/${child?.pid}/cmdline`) ? fs.readFileSync(`/proc/${child?.pid}/cmdline`, "utf8").split("\0") : [];
      if (cmdline.length) expect(cmdline.filter(Boolean)).toEqual([process.execPath, entry, "start"]);
      expect(output).not.toMatch(/tsx/);
    });

    it("serves health, the API and the web app", async () => {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const items = await fetch(`${base}/api/catalog/items`);
      expect(items.status).toBe(200);
      expect(((await items.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
      for (const page of ["/", "/workbench"]) {
        const res = await fetch(`${base}${page}`);
        expect(res.status, page).toBe(200);
        expect(await res.text(), page).toMatch(/<div id="root">/);
      }
    });
  });
});
