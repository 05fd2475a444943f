import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type TestPlatform } from "./helpers.ts";
import { freePort } from "./freePort.ts";

const run = promisify(execFile);
let t: TestPlatform;
beforeAll(async () => {
  t = await startPlatform();
});
afterAll(async () => t.close());

describe("operations", () => {
  it("health, readiness and metrics", async () => {
    const health = await t.request({ method: "GET", url: "/healthz" });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: "ok" });
    const ready = await t.request({ method: "GET", url: "/readyz" });
    expect(ready.statusCode).toBe(200);
    await t.request({ method: "GET", url: "/api/catalog/items" });
    const metrics = await t.request({ method: "GET", url: "/metrics" });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers["content-type"]).toMatch(/^text\/plain/);
    expect(metrics.body).toContain("http_request_duration_seconds_bucket");
    expect(metrics.body).toContain('route="/api/catalog/items"');
    expect(metrics.body).toContain("process_cpu_user_seconds_total");
  });

  it("every answer carries the security headers, errors and 404s too", async () => {
    for (const url of ["/api/catalog/items", "/api/public/progress/NOT-A-CODE", "/api/no-such-route", "/healthz"]) {
      const res = await t.request({ method: "GET", url });
      expect(res.headers["content-security-policy"], url).toContain("default-src 'self'");
      expect(res.headers["content-security-policy"], url).toContain("script-src 'self'");
      expect(res.headers["content-security-policy"], url).not.toContain("upgrade-insecure-requests");
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
      expect(res.headers["x-frame-options"], url).toBe("SAMEORIGIN");
      expect(res.headers["strict-transport-security"], url).toMatch(/max-age=\d+/);
      expect(res.headers["referrer-policy"], url).toBe("no-referrer");
      expect(res.headers["cross-origin-opener-policy"], url).toBe("same-origin");
      expect(res.headers["cross-origin-embedder-policy"], url).toBeUndefined();
      expect(res.headers["x-powered-by"], url).toBeUndefined();
    }
  });

  it("serves the OpenAPI 3.1 document and its browsable page", async () => {
    const doc = await t.request({ method: "GET", url: "/api/openapi.json" });
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toBe("3.1.0");
    for (const p of ["/api/auth/register", "/api/cases", "/api/cases/{id}/accept", "/api/public/progress/{code}", "/api/catalog/items/{id}", "/api/admin/staff-changes"]) {
      expect(spec.paths[p], p).toBeDefined();
    }
    // Request schemas come from the same zod definitions that validate.
    expect(JSON.stringify(spec.paths["/api/auth/register"].post.requestBody)).toContain("idNumber");
    expect(JSON.stringify(spec.paths["/api/admin/staff-changes"].post.requestBody)).toContain("grant-role");
    const page = await t.request({ method: "GET", url: "/api/docs/" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
  });

  it("answers unknown API paths with the error shape and a request id", async () => {
    const res = await t.request({ method: "GET", url: "/api/nothing-here", headers: { "x-request-id": "req-abc-1" } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("NOT_FOUND");
    expect(res.headers["x-request-id"]).toBe("req-abc-1");
  });

  it("the dev clock moves the platform's time", async () => {
    const set = await t.request({ method: "POST", url: "/api/dev/clock", payload: { now: "2027-01-04T10:00:00+08:00" } });
    expect(set.statusCode).toBe(200);
    const now = new Date((await t.request({ method: "GET", url: "/api/dev/clock" })).json().now);
    expect(Math.abs(now.getTime() - new Date("2027-01-04T02:00:00Z").getTime())).toBeLessThan(60_000);
    expect((await t.request({ method: "POST", url: "/api/dev/clock", payload: { now: "tomorrow" } })).statusCode).toBe(400);
  });

  it("lists the demo accounts", async () => {
    const res = await t.request({ method: "GET", url: "/api/dev/accounts" });
    const roles = new Set(res.json().items.flatMap((a: { roles: string[] }) => a.roles));
    for (const r of ["platform-admin", "region-admin", "department-admin", "department-head", "clerk", "handler", "reviewer", "decider", "supervisor"]) {
      expect(roles.has(r), r).toBe(true);
    }
  });
});

describe("production start", () => {
  const AUDIT_KEY = "ab".repeat(32);
  const PERSONAL_DATA_KEY = "cd".repeat(32);
  const env = (extra: Record<string, string>) => ({ ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent", AUDIT_KEY, PERSONAL_DATA_KEY, ...extra });
  const main = ["--import", "tsx", "--conditions=source", path.resolve("server/src/main.ts")];

  it("refuses demo mode", async () => {
    const err = await run(process.execPath, [...main, "start"], { env: env({ DEMO: "1", DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "cq-prod-")) }) }).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/demo/);
  });

  it("needs the audit key from outside the database", async () => {
    const noKey = await run(process.execPath, [...main, "start"], { env: env({ AUDIT_KEY: "", DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "cq-prod-")) }) }).catch((e) => e);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/AUDIT_KEY/);
  });

  it("needs the personal-data key from outside the database", async () => {
    const noKey = await run(process.execPath, [...main, "start"], { env: env({ PERSONAL_DATA_KEY: "", DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "cq-prod-")) }) }).catch((e) => e);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/PERSONAL_DATA_KEY/);
  });

  it("needs the first platform admin from the CLI, then has no /api/dev endpoints", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cq-prod-"));
    const noAdmin = await run(process.execPath, [...main, "start"], { env: env({ DATA_DIR: dataDir }) }).catch((e) => e);
    expect(noAdmin.code).toBe(2);
    expect(noAdmin.stderr).toMatch(/create-admin/);
    const created = await run(
      process.execPath,
      [...main, "create-admin", "--username", "ops.admin", "--name", "周敏", "--phone", "13800000000", "--id-number", "11010519491231002X"],
      { env: env({ DATA_DIR: dataDir, ADMIN_PASSWORD: "Very-strong-2026" }) },
    );
    expect(created.stdout).toMatch(/platform admin created/);
    // Start for real on a free port and ask for a dev endpoint.
    const port = String(await freePort());
    const child = execFile(process.execPath, [...main, "start"], { env: env({ DATA_DIR: dataDir, PORT: port, HOST: "127.0.0.1" }) });
    try {
      let health = 0;
      for (let i = 0; i < 400 && health !== 200; i++) {
        await new Promise((r) => setTimeout(r, 200));
        health = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 0);
      }
      expect(health).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/api/dev/accounts`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/api/dev/clock`)).status).toBe(404);
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-requested-with": "fetch" },
        body: JSON.stringify({ login: "ops.admin", password: "Very-strong-2026" }),
      });
      expect(login.status).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
  }, 180_000);
});
