import { afterEach, describe, expect, it } from "vitest";
import { enqueueJob, runDueJobs } from "../src/platform/jobs.ts";
import { type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

let t: TestPlatform;
afterEach(async () => t?.close());

describe("off-platform handling (R37, R38)", () => {
  it("flags review steps back-filled in a burst days after acceptance", async () => {
    t = await startPlatform();
    const w = new WorkflowDriver(t);
    const D = "500112-jtysw";
    const s = (role: Parameters<typeof staffWith>[0], dept: string | null = D) => t.login(staffWith(role, dept ?? undefined).username);
    const id = await w.apply("YB-JTYS-001", await t.login(applicantOf("person").phone));
    await (await s("clerk")).inject({ method: "POST", url: `/api/cases/${id}/accept` });
    // Nothing happens on the platform for a week; then everything is recorded within minutes.
    await t.request({ method: "POST", url: "/api/dev/clock", payload: { now: "2026-12-07T15:00:00+08:00" } });
    const handler = await s("handler");
    await w.complete(handler, (await w.openTask(handler, id, "review")).id);
    const reviewer = await s("reviewer");
    await w.complete(reviewer, (await w.openTask(reviewer, id, "review")).id);
    expect((await (await s("decider")).inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved" } })).statusCode).toBe(200);
    const supervisor = await s("supervisor", null);
    const flags = (await supervisor.inject({ method: "GET", url: "/api/supervision/flags" })).json().items;
    const burst = flags.find((f: { caseId: string; kind: string }) => f.caseId === id && f.kind === "burst-after-acceptance");
    expect(burst).toBeTruthy();
    expect(burst.evidence.workingDaysAfterAcceptance).toBeGreaterThanOrEqual(3);
    expect(flags.some((f: { caseId: string; kind: string }) => f.caseId === id && f.kind === "decision-without-review")).toBe(false);
    // Only supervisors and platform admins read the flags.
    expect((await handler.inject({ method: "GET", url: "/api/supervision/flags" })).statusCode).toBe(403);
  });

  it("a certificate registered without a supervision code counts as issued off the platform", async () => {
    t = await startPlatform();
    const D = "500112-scjgj";
    const decider = await t.login(staffWith("decider", D).username);
    const me = (await decider.inject({ method: "GET", url: "/api/me" })).json();
    const holder = (await decider.inject({ method: "GET", url: `/api/hall/applicants?phone=${applicantOf("person").phone}` }));
    // Deciders are not window clerks: look the holder up as the clerk.
    const clerk = await t.login(staffWith("clerk", D).username);
    const holderId = (await clerk.inject({ method: "GET", url: `/api/hall/applicants?phone=${applicantOf("person").phone}` })).json().items[0].id;
    expect(holder.statusCode).toBe(403);
    const res = await decider.inject({
      method: "POST",
      url: "/api/certificates",
      payload: { departmentId: me.department.id, type: "food-business-license", name: "食品经营许可证", holderId, validUntil: "2031-11-26" },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().flagged).toBe(true);
    const verify = (await t.request({ method: "GET", url: `/api/public/certificates/${res.json().certificateNo}` })).json();
    expect(verify).toMatchObject({ status: "valid", signatureValid: true, supervisionCode: null });
    const flags = (await (await t.login(staffWith("supervisor").username)).inject({ method: "GET", url: "/api/supervision/flags" })).json().items;
    expect(flags.find((f: { certificateNo: string }) => f.certificateNo === res.json().certificateNo)).toMatchObject({ kind: "certificate-without-code" });
    // Revoking shows at the public verification.
    expect((await clerk.inject({ method: "POST", url: `/api/certificates/${res.json().certificateNo}/revoke`, payload: { reason: "x" } })).statusCode).toBe(403);
    expect((await decider.inject({ method: "POST", url: `/api/certificates/${res.json().certificateNo}/revoke`, payload: { reason: "经营场所已变更" } })).statusCode).toBe(200);
    expect((await t.request({ method: "GET", url: `/api/public/certificates/${res.json().certificateNo}` })).json().status).toBe("revoked");
    expect((await t.request({ method: "GET", url: "/api/public/certificates/500112209900000001" })).statusCode).toBe(404);
    const keys = (await t.request({ method: "GET", url: "/.well-known/certificate-keys.json" })).json();
    expect(keys.keys[0]).toMatchObject({ alg: "Ed25519", kid: expect.any(String) });
  });
});

describe("durable jobs", () => {
  it("a due job runs exactly once across concurrent workers, and a failing one is retried later", async () => {
    t = await startPlatform();
    const deps = t.platform.deps;
    const now = deps.clock.now();
    let runs = 0;
    let fails = 0;
    const handlers = {
      count: async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 20));
      },
      flaky: async () => {
        fails++;
        throw new Error("gateway down");
      },
    };
    for (let i = 0; i < 5; i++) await enqueueJob(deps.db, { kind: "count", runAt: now, dedupeKey: `count-${i}` });
    expect(await enqueueJob(deps.db, { kind: "count", runAt: now, dedupeKey: "count-0" })).toBe(false);
    await enqueueJob(deps.db, { kind: "flaky", runAt: now });
    await Promise.all([runDueJobs(deps, handlers, "worker-a", now), runDueJobs(deps, handlers, "worker-b", now), runDueJobs(deps, handlers, "worker-c", now)]);
    expect(runs).toBe(5);
    expect(fails).toBe(1);
    // The failed job waits for its back-off, then runs again.
    await runDueJobs(deps, handlers, "worker-a", now);
    expect(fails).toBe(1);
    await runDueJobs(deps, handlers, "worker-a", new Date(now.getTime() + 2 * 60_000));
    expect(fails).toBe(2);
    const rows = await deps.db.selectFrom("jobs").select(["kind", "status", "attempts"]).execute();
    expect(rows.filter((r) => r.kind === "count").every((r) => r.status === "done" && r.attempts === 1)).toBe(true);
    expect(rows.find((r) => r.kind === "flaky")).toMatchObject({ status: "queued", attempts: 2 });
  });
});

describe("a supervisor's grant has a scope (R14)", () => {
  it("a supervisor granted for one department sees that department's cases only, and not the audit trail", async () => {
    t = await startPlatform();
    const w = new WorkflowDriver(t);
    const inYubei = await w.apply("YB-JTYS-001", await t.login(applicantOf("person").phone));
    const elsewhere = await w.apply("CQ-SCJG-001", await t.login(applicantOf("organization").phone));
    // The demo's supervisor is the office, platform-wide; a second one is given 渝北区交通运输委 only.
    const office = await t.login("supervisor");
    const departmentsOf = async (s: Session) =>
      (await s.inject({ method: "GET", url: "/api/supervision/stats" })).json().items.filter((d: { received: number }) => d.received > 0).map((d: { department: { id: string } }) => d.department.id);
    expect((await departmentsOf(office)).length).toBe(2);
    const member = staffWith("reviewer", "500112-jtysw");
    const user = await t.db.selectFrom("users").select(["id", "department_id"]).where("username", "=", member.username).executeTakeFirstOrThrow();
    await t.db.insertInto("role_assignments").values({ id: "ra-dept-supervisor", user_id: user.id, role: "supervisor", department_id: user.department_id, region_code: null, created_at: new Date() }).execute();
    const scoped = await t.login(member.username);
    expect(await departmentsOf(scoped)).toEqual([user.department_id]);
    expect((await scoped.inject({ method: "GET", url: `/api/cases/${inYubei}` })).statusCode).toBe(200);
    expect((await scoped.inject({ method: "GET", url: `/api/cases/${elsewhere}` })).statusCode).toBe(404);
    expect((await scoped.inject({ method: "GET", url: "/api/audit" })).statusCode).toBe(403);
    expect((await scoped.inject({ method: "POST", url: "/api/supervision/escalations", payload: { caseId: inYubei, note: "请说明。" } })).statusCode).toBe(403);
  });
});
