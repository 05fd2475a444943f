import { integrationScopes, type RouteContract, routeTable } from "@cq/contracts";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPlatformCommand } from "../src/audit/command.ts";
import { TRIM_CALL_LOG_JOB, trimCallLog } from "../src/integration/commands/trimCallLog.ts";
import { shanghaiDay } from "../src/platform/clock.ts";
import { enqueueJob, runDueJobs } from "../src/platform/jobs.ts";
import { jobHandlers } from "../src/scheduler.ts";
import { type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { WorkflowDriver } from "./workflowDriver.ts";

// Department systems' clients (R5): their administration, their tokens, what a token may do on the
// case, task and certificate routes, the rate limit and the log of their calls.

const CASE_ITEM = "YB-SCJG-002";
let t: TestPlatform;
let w: WorkflowDriver;
let d1: string;
let d2: string;
let admin: Session;
let otherAdmin: Session;
let platformAdmin: Session;
let clerk: Session;
let handler: Session;
let applicant: Session;

const bearer = (token: string) => ({
  inject: (o: { method: string; url: string; payload?: unknown }) => t.request({ ...o, headers: { authorization: `Bearer ${token}` } }),
});

async function create(s: Session, body: Record<string, unknown>) {
  return s.inject({ method: "POST", url: "/api/admin/integrations", payload: body });
}

/** A case of D1 accepted, its first review step open for D1's handlers. */
async function inProgress() {
  const caseId = await w.apply(CASE_ITEM, applicant);
  expect((await clerk.inject({ method: "POST", url: `/api/cases/${caseId}/accept` })).statusCode).toBe(200);
  const task = await w.openTask(handler, caseId, "review");
  return { caseId, taskId: task.id };
}

beforeAll(async () => {
  t = await startPlatform();
  w = new WorkflowDriver(t);
  const dept = async (code: string) => (await t.db.selectFrom("departments").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  [d1, d2] = await Promise.all([dept("500112-scjgj"), dept("500103-wsjkw")]);
  [admin, otherAdmin, platformAdmin, clerk, handler, applicant] = (await Promise.all(
    ["yb.scjg.admin", "yz.wsjk.admin", "admin", "yb.scjg.clerk", "yb.scjg.handler", "18930357537"].map((u) => t.login(u)),
  )) as [Session, Session, Session, Session, Session, Session];
});
afterAll(async () => t.close());

describe("administering integration clients", () => {
  it("creates a client, shows its token once and keeps only its hash", async () => {
    const res = await create(admin, { name: "渝北市场监管业务系统", departmentId: d1, scopes: ["cases:read", "results:write"] });
    expect(res.statusCode, res.body).toBe(201);
    const { id, token, tokenHint } = res.json();
    expect(token).toMatch(/^cqi_/);
    expect(token.endsWith(tokenHint)).toBe(true);
    // Nowhere in the database: no table holds the token (its hash only).
    const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.db);
    for (const { table_name } of tables.rows) {
      const found = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)} x where x::text like ${"%" + token.slice(4) + "%"}`.execute(t.db);
      expect(found.rows[0]!.n, table_name).toBe(0);
    }
    const list = (await admin.inject({ method: "GET", url: "/api/admin/integrations" })).json().items;
    const mine = list.find((c: { id: string }) => c.id === id);
    expect(mine).toMatchObject({ name: "渝北市场监管业务系统", department: { id: d1 }, scopes: ["cases:read", "results:write"], tokenHint, status: "active", revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(token);
    const detail = await admin.inject({ method: "GET", url: `/api/admin/integrations/${id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().createdBy).toBeTruthy();
    // The other department's admin does not see it, the platform admin does.
    expect((await otherAdmin.inject({ method: "GET", url: "/api/admin/integrations" })).json().items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await otherAdmin.inject({ method: "GET", url: `/api/admin/integrations/${id}` })).statusCode).toBe(404);
    expect((await platformAdmin.inject({ method: "GET", url: `/api/admin/integrations/${id}` })).statusCode).toBe(200);
    const audit = await t.db.selectFrom("audit_log").selectAll().where("object_id", "=", id).execute();
    expect(audit.map((a) => a.action)).toEqual(["integration.created"]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("who may administer: the department's admin or a platform admin; others 403", async () => {
    const body = { name: "对接系统", departmentId: d1, scopes: ["cases:read"] };
    expect((await create(otherAdmin, body)).statusCode).toBe(403);
    expect((await create(clerk, body)).statusCode).toBe(403);
    expect((await clerk.inject({ method: "GET", url: "/api/admin/integrations" })).statusCode).toBe(403);
    expect((await t.request({ method: "POST", url: "/api/admin/integrations", payload: body })).statusCode).toBe(401);
    expect((await create(platformAdmin, body)).statusCode).toBe(201);
    expect((await create(platformAdmin, { ...body, departmentId: "no-such" })).json().error.code).toBe("DEPARTMENT_NOT_FOUND");
  });

  it("refuses bad input with 400: no scopes, repeated or unknown scopes, a name too long", async () => {
    for (const bad of [
      { name: "x", departmentId: d1, scopes: [] },
      { name: "x", departmentId: d1, scopes: ["cases:read", "cases:read"] },
      { name: "x", departmentId: d1, scopes: ["cases:write"] },
      { name: "x".repeat(61), departmentId: d1, scopes: ["cases:read"] },
      { name: " ", departmentId: d1, scopes: ["cases:read"] },
    ]) {
      const res = await create(admin, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("rotates: the old token works within its grace, not after it", async () => {
    const { id, token: old } = (await create(admin, { name: "轮换测试", departmentId: d1, scopes: ["certificates:read"] })).json();
    const res = await admin.inject({ method: "POST", url: `/api/admin/integrations/${id}/rotate`, payload: { graceHours: 2 } });
    expect(res.statusCode, res.body).toBe(200);
    const { token: next, previousValidUntil } = res.json();
    expect(next).not.toBe(old);
    expect(previousValidUntil).toBeTruthy();
    const probe = (token: string) => bearer(token).inject({ method: "GET", url: "/api/integration/certificates/CQ-0000" });
    expect((await probe(old)).statusCode).not.toBe(401);
    expect((await probe(next)).statusCode).not.toBe(401);
    await t.db.updateTable("integration_clients").set({ previous_valid_until: new Date(Date.now() - 1000) }).where("id", "=", id).execute();
    expect((await probe(old)).statusCode).toBe(401);
    expect((await probe(next)).statusCode).not.toBe(401);
    // Without grace the old token stops at once.
    const again = (await admin.inject({ method: "POST", url: `/api/admin/integrations/${id}/rotate`, payload: { graceHours: 0 } })).json();
    expect(again.previousValidUntil).toBeNull();
    expect((await probe(next)).statusCode).toBe(401);
    expect((await admin.inject({ method: "POST", url: `/api/admin/integrations/${id}/rotate`, payload: { graceHours: 169 } })).statusCode).toBe(400);
  });

  it("revokes at once: both tokens 401, a second revocation 409", async () => {
    const { id, token: old } = (await create(admin, { name: "吊销测试", departmentId: d1, scopes: ["certificates:read"] })).json();
    const { token: next } = (await admin.inject({ method: "POST", url: `/api/admin/integrations/${id}/rotate`, payload: {} })).json();
    const res = await admin.inject({ method: "DELETE", url: `/api/admin/integrations/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    for (const token of [old, next]) expect((await bearer(token).inject({ method: "GET", url: "/api/integration/certificates/CQ-0000" })).statusCode).toBe(401);
    const twice = await admin.inject({ method: "DELETE", url: `/api/admin/integrations/${id}` });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("INTEGRATION_CLIENT_REVOKED");
    expect((await admin.inject({ method: "POST", url: `/api/admin/integrations/${id}/rotate`, payload: {} })).statusCode).toBe(409);
    const actions = (await t.db.selectFrom("audit_log").select("action").where("object_id", "=", id).orderBy("seq").execute()).map((a) => a.action);
    expect(actions).toEqual(["integration.created", "integration.rotated", "integration.revoked"]);
  });

  it("limits each client's calls per minute: 429 with Retry-After", async () => {
    const { id, token } = (await create(admin, { name: "限流测试", departmentId: d1, scopes: ["certificates:read"] })).json();
    const set = await admin.inject({ method: "PUT", url: `/api/admin/integrations/${id}/rate-limit`, payload: { rateLimitPerMinute: 3 } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().rateLimitPerMinute).toBe(3);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await bearer(token).inject({ method: "GET", url: "/api/integration/certificates/CQ-0000" })));
    expect(statuses.slice(0, 3).map((r) => r.statusCode)).not.toContain(429);
    expect(statuses[3]!.statusCode).toBe(429);
    expect(statuses[3]!.json().error.code).toBe("RATE_LIMITED");
    expect(Number(statuses[3]!.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("logs every call (never the token) and notes the last use", async () => {
    const { id, token } = (await create(admin, { name: "日志测试", departmentId: d1, scopes: ["cases:read"] })).json();
    await bearer(token).inject({ method: "GET", url: "/api/cases/no-such-case" });
    await bearer(token).inject({ method: "GET", url: "/api/worklist" });
    const detail = (await admin.inject({ method: "GET", url: `/api/admin/integrations/${id}` })).json();
    expect(detail.recentCalls.map((c: { route: string; status: number }) => [c.route, c.status])).toEqual([
      ["/api/worklist", 403],
      ["/api/cases/:id", 404],
    ]);
    expect(detail.lastUsedAt).toBeTruthy();
    const rows = await t.db.selectFrom("integration_calls").selectAll().where("client_id", "=", id).execute();
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("keeps the call log INTEGRATION_CALL_DAYS days: the daily job deletes older calls, once, audited", async () => {
    const { id, token } = (await create(admin, { name: "日志保留", departmentId: d1, scopes: ["cases:read"] })).json();
    await bearer(token).inject({ method: "GET", url: "/api/worklist" });
    const deps = t.platform.deps;
    const days = deps.config.integrationCallDays;
    expect(days).toBe(180);
    const calledAt = (await t.db.selectFrom("integration_calls").select("at").where("client_id", "=", id).executeTakeFirstOrThrow()).at;
    // An older call, a day beyond the retention by the server's clock, which the log is written with.
    await t.db.insertInto("integration_calls").values({ client_id: id, method: "GET", route: "/api/worklist", status: 403, at: new Date(calledAt.getTime() - (days + 1) * 86_400_000) }).execute();
    const countOf = async () => (await t.db.selectFrom("integration_calls").select("id").where("client_id", "=", id).execute()).length;
    expect(await countOf()).toBe(2);

    const now = deps.clock.now();
    const key = `${TRIM_CALL_LOG_JOB}:${shanghaiDay(now)}`;
    expect(await enqueueJob(deps.db, { kind: TRIM_CALL_LOG_JOB, runAt: now, dedupeKey: key })).toBe(true);
    expect(await enqueueJob(deps.db, { kind: TRIM_CALL_LOG_JOB, runAt: now, dedupeKey: key })).toBe(false);
    await Promise.all(["a", "b"].map((w) => runDueJobs(deps, jobHandlers, `worker-${w}`, now)));
    expect(await countOf()).toBe(1);
    const trimmed = await t.db.selectFrom("audit_log").select(["action", "object_type", "new_values"]).where("action", "=", "integration.calls-trimmed").execute();
    expect(trimmed).toHaveLength(1);
    expect(trimmed[0]).toMatchObject({ object_type: "integration-call-log", new_values: { deleted: 1, keptDays: days } });

    // Nothing older left: a run deletes nothing and writes no record; the newer call goes once it is old enough.
    expect(await runPlatformCommand(deps, now, (ctx) => trimCallLog(ctx, days, new Date(calledAt.getTime() + days * 86_400_000 - 60_000)))).toBe(0);
    expect(await t.db.selectFrom("audit_log").select("seq").where("action", "=", "integration.calls-trimmed").execute()).toHaveLength(1);
    expect(await runPlatformCommand(deps, now, (ctx) => trimCallLog(ctx, days, new Date(calledAt.getTime() + (days + 1) * 86_400_000)))).toBeGreaterThanOrEqual(1);
    expect(await countOf()).toBe(0);
  });
});

describe("what a token may do", () => {
  it("cases:read: its department's case and tasks, personal data masked; another department's 404; a missing scope 403", async () => {
    const { caseId } = await inProgress();
    const own = await t.integration(d1, ["cases:read"]);
    const other = await t.integration(d2, ["cases:read"]);
    const noScope = await t.integration(d1, ["certificates:read"]);
    const res = await own.inject({ method: "GET", url: `/api/cases/${caseId}` });
    expect(res.statusCode, res.body).toBe(200);
    const applicantView = res.json().applicant;
    expect(applicantView.idNumber).toContain("*");
    expect(applicantView.phone).toContain("*");
    expect((await own.inject({ method: "GET", url: `/api/cases/${caseId}/tasks` })).statusCode).toBe(200);
    for (const url of [`/api/cases/${caseId}`, `/api/cases/${caseId}/tasks`]) {
      const o = await other.inject({ method: "GET", url });
      expect(o.statusCode, url).toBe(404);
      expect(o.json().error.code).toBe("CASE_NOT_FOUND");
      const n = await noScope.inject({ method: "GET", url });
      expect(n.statusCode, url).toBe(403);
      expect(n.json().error.code).toBe("INTEGRATION_SCOPE_MISSING");
    }
    // The routes of people stay closed to tokens.
    for (const url of ["/api/worklist", "/api/me", "/api/cases"]) expect((await own.inject({ method: "GET", url })).statusCode, url).toBe(403);
  });

  it("results:write: completes its department's task through the workbench's command, once", async () => {
    const { caseId, taskId } = await inProgress();
    const other = await t.integration(d2, ["results:write"]);
    const reader = await t.integration(d1, ["cases:read"]);
    const own = await t.integration(d1, ["results:write"], "渝北市场监管审查系统");
    const body = { outcome: "pass", opinion: "系统审查通过。" };
    expect((await other.inject({ method: "POST", url: `/api/tasks/${taskId}/complete`, payload: body })).statusCode).toBe(404);
    const missing = await reader.inject({ method: "POST", url: `/api/tasks/${taskId}/complete`, payload: body });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe("INTEGRATION_SCOPE_MISSING");
    const done = await own.inject({ method: "POST", url: `/api/tasks/${taskId}/complete`, payload: body });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe("done");
    const task = (await w.tasks(handler, caseId)).find((x) => x.id === taskId)!;
    expect(task.status).toBe("done");
    // The case moved on: the next review is open.
    expect((await w.tasks(handler, caseId)).some((x) => x.id !== taskId && x.kind === "review" && x.status === "open")).toBe(true);
    const audit = await t.db.selectFrom("audit_log").selectAll().where("object_id", "=", taskId).where("action", "=", "task.completed").executeTakeFirstOrThrow();
    expect(audit.actor_kind).toBe("integration");
    expect(audit.actor_id).toBe(own.id);
    const twice = await own.inject({ method: "POST", url: `/api/tasks/${taskId}/complete`, payload: body });
    expect(twice.statusCode).toBe(409);
    // The case file says who did it.
    const timeline = (await w.view(handler, caseId)).timeline as { kind: string; note?: string }[];
    expect(timeline.find((e) => e.kind === "task-completed")?.note).toContain("由渝北市场监管审查系统办理");
    // A third-party result of the same case, recorded by the system.
    const recorded = await own.inject({
      method: "POST",
      url: `/api/cases/${caseId}/third-party-results`,
      payload: { agency: "重庆市质检院", reportNo: "ZJ-2026-001", conclusion: "合格", receivedOn: "2026-12-01", text: "检验合格。" },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect((await other.inject({ method: "POST", url: `/api/cases/${caseId}/third-party-results`, payload: { agency: "x", reportNo: "1", conclusion: "x", receivedOn: "2026-12-01", text: "x" } })).statusCode).toBe(404);
  });

  it("every route that accepts a token refuses one without its scope (403) and answers 401 to an unknown token", async () => {
    const bearerRoutes = Object.entries(routeTable).filter(([, r]) => (r as RouteContract).bearerScope);
    expect(bearerRoutes.length).toBeGreaterThanOrEqual(6);
    for (const [key, r] of bearerRoutes) {
      const [method, pattern] = key.split(" ") as [string, string];
      const url = pattern.replace(/:(\w+)/g, "x");
      const lacking = await t.integration(d1, integrationScopes.filter((s) => s !== (r as RouteContract).bearerScope));
      const res = await lacking.inject({ method, url, payload: {} });
      expect(res.statusCode, key).toBe(403);
      expect(res.json().error.code, key).toBe("INTEGRATION_SCOPE_MISSING");
      expect((await t.request({ method, url, payload: {}, headers: { authorization: "Bearer cqi_nothing" } })).statusCode, key).toBe(401);
    }
  });

  it("results:write never decides: the decision task stays with people (403); another department's step reads as absent (404)", async () => {
    const { caseId, taskId } = await inProgress();
    const system = await t.integration(d1, ["results:write", "cases:read"]);
    const body = { outcome: "pass", opinion: "系统审查通过。" };
    expect((await system.inject({ method: "POST", url: `/api/tasks/${taskId}/complete`, payload: body })).statusCode).toBe(200);
    const second = (await (await system.inject({ method: "GET", url: `/api/cases/${caseId}/tasks` })).json()).items.find(
      (x: { kind: string; status: string }) => x.kind === "review" && x.status === "open",
    );
    expect((await system.inject({ method: "POST", url: `/api/tasks/${second.id}/complete`, payload: body })).statusCode).toBe(200);
    // The push step is the city bureau's: not this department's task.
    const cityHandler = await t.login("cq.scjg.handler");
    const push = await w.openTask(cityHandler, caseId, "push");
    expect((await system.inject({ method: "POST", url: `/api/tasks/${push.id}/complete`, payload: body })).statusCode).toBe(404);
    await w.complete(cityHandler, push.id);
    const decide = await w.openTask(handler, caseId, "decide");
    const refused = await system.inject({ method: "POST", url: `/api/tasks/${decide.id}/complete`, payload: body });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("FORBIDDEN");
  });

  it("certificates:read: a certificate of any department by number, holder masked; no token 401", async () => {
    const out = await t.login("yb.scjg.decider");
    const holder = (await t.db.selectFrom("users").select("id").where("phone_index", "=", t.personalData.index("phone", "18930357537")).executeTakeFirstOrThrow()).id;
    const reg = await out.inject({ method: "POST", url: "/api/certificates", payload: { departmentId: d1, type: "business-license", name: "营业执照", holderId: holder } });
    expect(reg.statusCode, reg.body).toBe(201);
    const no = reg.json().certificateNo;
    const other = await t.integration(d2, ["certificates:read"]);
    const res = await other.inject({ method: "GET", url: `/api/integration/certificates/${no}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().holder).toContain("*");
    expect((await t.request({ method: "GET", url: `/api/integration/certificates/${no}` })).statusCode).toBe(401);
    expect((await clerk.inject({ method: "GET", url: `/api/integration/certificates/${no}` })).statusCode).toBe(403);
    const noScope = await t.integration(d2, ["cases:read"]);
    expect((await noScope.inject({ method: "GET", url: `/api/integration/certificates/${no}` })).json().error.code).toBe("INTEGRATION_SCOPE_MISSING");
  });
});
