import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../src/audit/command.ts";
import { systemActor } from "../src/platform/actor.ts";
import { recordIntegrationEvent } from "../src/platform/integrationEvents.ts";
import { type Session, startPlatform, type SystemSession, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

// The event feed of department systems: every case event of the department once, in commit order,
// with enough data to act and no personal data; nothing of another department.

const D = "500112-jtysw";
const ITEM = "YB-JTYS-001";
let t: TestPlatform;
let w: WorkflowDriver;
let departmentId: string;
const sessions = new Map<string, Session>();
async function as(username: string): Promise<Session> {
  if (!sessions.has(username)) sessions.set(username, await t.login(username));
  return sessions.get(username)!;
}
const staff = (role: Parameters<typeof staffWith>[0]) => as(staffWith(role, D).username);

interface FeedItem {
  id: string;
  type: string;
  caseId: string;
  supervisionCode?: string;
  departmentId: string;
  at: string;
  data: Record<string, unknown> & { task?: { id: string; name: string; dueDate: string | null }; certificate?: { certificateNo: string } };
}

/** Follows the feed from `cursor` to its end, page by page; returns what came and the last cursor. */
async function follow(system: SystemSession, cursor = "0", limit = 7): Promise<{ items: FeedItem[]; cursor: string }> {
  const items: FeedItem[] = [];
  for (;;) {
    const res = await system.inject({ method: "GET", url: `/api/events?after=${cursor}&limit=${limit}` });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: FeedItem[]; nextCursor: string };
    items.push(...page.items);
    if (!page.items.length) {
      expect(page.nextCursor).toBe(cursor);
      return { items, cursor };
    }
    expect(BigInt(page.nextCursor)).toBeGreaterThan(BigInt(cursor));
    cursor = page.nextCursor;
  }
}

beforeAll(async () => {
  t = await startPlatform();
  w = new WorkflowDriver(t);
  departmentId = (await t.db.selectFrom("departments").select("id").where("code", "=", D).executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

describe("the event feed", () => {
  it("carries every event of a whole case journey once, in order, to its department, without personal data", async () => {
    const system = await t.integration(departmentId, ["events:read"]);
    const start = (await follow(system)).cursor;
    const person = applicantOf("person");
    const applicant = await as(person.phone);
    const id = await w.apply(ITEM, applicant);
    expect((await (await staff("clerk")).inject({ method: "POST", url: `/api/cases/${id}/accept` })).statusCode).toBe(200);
    const handler = await staff("handler");
    const sus = await handler.inject({ method: "POST", url: `/api/cases/${id}/suspensions`, payload: { kind: "testing", reason: `检测（${person.name}）`, expectedWorkingDays: 3 } });
    expect(sus.statusCode, sus.body).toBe(201);
    expect((await handler.inject({ method: "POST", url: `/api/cases/${id}/suspensions/${sus.json().id}/end` })).statusCode).toBe(200);
    expect((await (await staff("department-head")).inject({ method: "POST", url: `/api/cases/${id}/extensions`, payload: { workingDays: 1, reason: "核查" } })).statusCode).toBe(201);
    const review = await w.openTask(handler, id, "review");
    await w.complete(handler, review.id, { outcome: "pass", opinion: `申请人${person.name}材料齐全。` });
    const reviewer = await staff("reviewer");
    await w.complete(reviewer, (await w.openTask(reviewer, id, "review")).id);
    const decider = await staff("decider");
    const decision = await decider.inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved" } });
    expect(decision.statusCode, decision.body).toBe(200);
    const certificateNo: string = decision.json().certificates[0].certificateNo;
    const delivered = await (await staff("clerk")).inject({ method: "POST", url: `/api/cases/${id}/deliver`, payload: { method: "pickup", idChecked: true, recipientName: person.name } });
    expect(delivered.statusCode, delivered.body).toBe(200);
    const revoked = await decider.inject({ method: "POST", url: `/api/certificates/${certificateNo}/revoke`, payload: { reason: "申请人以欺骗手段取得许可。" } });
    expect(revoked.statusCode, revoked.body).toBe(200);

    // Two more cases: one sent back for a supplement, one not accepted.
    const second = await w.apply(ITEM, applicant);
    expect((await (await staff("clerk")).inject({ method: "POST", url: `/api/cases/${second}/supplement-notice`, payload: { items: [{ reason: "照片不清晰。" }] } })).statusCode).toBe(200);
    const third = await w.apply(ITEM, applicant);
    expect((await (await staff("clerk")).inject({ method: "POST", url: `/api/cases/${third}/not-accept`, payload: { reasons: ["不属于本机关职权范围"] } })).statusCode).toBe(200);

    const { items } = await follow(system, start);
    // Exactly what the table holds for the department, in seq order, each once.
    const stored = await t.db
      .selectFrom("integration_events")
      .select("id")
      .where("department_id", "=", departmentId)
      .where("seq", ">", sql<string>`${start}::bigint`)
      .orderBy("seq")
      .execute();
    expect(items.map((e) => e.id)).toEqual(stored.map((r) => r.id));
    expect(new Set(items.map((e) => e.id)).size).toBe(items.length);
    expect(items.every((e) => e.departmentId === departmentId)).toBe(true);

    const journey = items.filter((e) => e.caseId === id);
    const types = journey.map((e) => e.type);
    const order = ["case.submitted", "case.accepted", "task.opened", "case.suspended", "case.resumed", "case.extended", "task.completed", "certificate.issued", "case.decided", "case.closed", "certificate.revoked"];
    let at = -1;
    for (const type of order) {
      const next = types.indexOf(type, at + 1);
      expect(next, `${type} after ${types[at] ?? "start"} in ${types.join(", ")}`).toBeGreaterThan(at);
      at = next;
    }
    for (const type of ["case.submitted", "case.accepted", "case.suspended", "case.resumed", "case.extended", "case.decided", "case.closed", "certificate.issued", "certificate.revoked"]) {
      expect(types.filter((x) => x === type), type).toHaveLength(1);
    }
    // Each task opens once and completes once.
    const opened = journey.filter((e) => e.type === "task.opened").map((e) => e.data.task!.id);
    const completed = journey.filter((e) => e.type === "task.completed").map((e) => e.data.task!.id);
    expect(new Set(opened).size).toBe(opened.length);
    expect(new Set(completed).size).toBe(completed.length);
    expect(opened).toContain(review.id);
    expect(completed).toContain(review.id);
    // Enough to act on: the item, the task with its due date, the certificate, the supervision code.
    const reviewOpened = journey.find((e) => e.type === "task.opened" && e.data.task!.id === review.id)!;
    expect(reviewOpened.data).toMatchObject({ item: { code: ITEM }, task: { id: review.id, name: review.name, kind: "review", departmentId } });
    expect(reviewOpened.data.task!.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(reviewOpened.supervisionCode).toBeTruthy();
    expect(journey.find((e) => e.type === "certificate.issued")!.data.certificate).toMatchObject({ certificateNo, status: "valid" });
    expect(journey.find((e) => e.type === "certificate.revoked")!.data.certificate).toMatchObject({ certificateNo, status: "revoked" });
    expect(journey.find((e) => e.type === "case.decided")!.data).toMatchObject({ result: "approved", decision: { result: "approved" } });
    expect(journey.find((e) => e.type === "case.suspended")!.data).toMatchObject({ suspension: { kind: "testing", expectedWorkingDays: 3 } });
    expect(items.filter((e) => e.caseId === second).map((e) => e.type)).toEqual(["case.submitted", "case.supplement_requested"]);
    expect(items.filter((e) => e.caseId === third).map((e) => e.type)).toEqual(["case.submitted", "case.not_accepted"]);
    // No personal data: not the applicant's name, phone or ID number, not the clerks' free text.
    const json = JSON.stringify(items);
    for (const secret of [person.name, person.phone, person.idNumber!, "材料齐全", "欺骗"]) expect(json).not.toContain(secret);
  });

  it("includes what the platform does by itself (deemed acceptance)", async () => {
    const system = await t.integration(departmentId, ["events:read"]);
    const start = (await follow(system)).cursor;
    const id = await w.apply(ITEM, await as(applicantOf("person", 1).phone));
    const later = await t.request({ method: "POST", url: "/api/dev/clock", payload: { now: "2026-12-10T10:00:00+08:00" } });
    expect(later.statusCode, later.body).toBe(200);
    const events = (await follow(system, start)).items.filter((e) => e.caseId === id);
    expect(events.map((e) => e.type).slice(0, 3)).toEqual(["case.submitted", "case.accepted", "task.opened"]);
    expect(events[1]!.data).toMatchObject({ deemed: true });
  });

  it("a joint case: the assisting department hears of its own task and follows the case, not of the lead's tasks", async () => {
    const deptId = async (code: string) => (await t.db.selectFrom("departments").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
    const [lead, assisting] = await Promise.all([deptId("cq-wsjkw"), deptId("cq-sthjj")]);
    const leadSystem = await t.integration(lead, ["events:read"]);
    const assistSystem = await t.integration(assisting, ["events:read"]);
    const [leadStart, assistStart] = [(await follow(leadSystem)).cursor, (await follow(assistSystem)).cursor];
    const id = await w.apply("CQ-WSJK-001", await as(applicantOf("organization").phone));
    expect((await (await as(staffWith("clerk", "cq-wsjkw").username)).inject({ method: "POST", url: `/api/cases/${id}/accept` })).statusCode).toBe(200);
    const handler = await as(staffWith("handler", "cq-wsjkw").username);
    const review = await w.openTask(handler, id, "review");
    await w.complete(handler, review.id);
    const assist = await as(staffWith("handler", "cq-sthjj").username);
    const co = await w.openTask(assist, id, "co-handle");
    await w.complete(assist, co.id, { outcome: "pass", opinion: "同意。" });

    const leadEvents = (await follow(leadSystem, leadStart)).items.filter((e) => e.caseId === id);
    const assistEvents = (await follow(assistSystem, assistStart)).items.filter((e) => e.caseId === id);
    expect(leadEvents.map((e) => e.type).slice(0, 3)).toEqual(["case.submitted", "case.accepted", "task.opened"]);
    // The assisting department: its co-handle task, opened and completed; nothing of the lead's review.
    expect(assistEvents.filter((e) => e.type.startsWith("task.")).map((e) => [e.type, e.data.task!.id])).toEqual([
      ["task.opened", co.id],
      ["task.completed", co.id],
    ]);
    expect(leadEvents.some((e) => e.data.task?.id === co.id)).toBe(false);
    expect(assistEvents.every((e) => e.departmentId === assisting)).toBe(true);
    // Each department's copy of an event is an item of its own.
    expect(new Set([...leadEvents, ...assistEvents].map((e) => e.id)).size).toBe(leadEvents.length + assistEvents.length);
  });

  it("shows a department only its own events; needs events:read and a token; refuses a garbage cursor", async () => {
    const other = (await t.db.selectFrom("departments").select("id").where("id", "!=", departmentId).orderBy("code").executeTakeFirstOrThrow()).id;
    const stranger = await t.integration(other, ["events:read"]);
    const seen = (await follow(stranger, "0", 100)).items;
    expect(seen.every((e) => e.departmentId === other)).toBe(true);
    const ours = await t.db.selectFrom("integration_events").select("case_id").where("department_id", "=", departmentId).execute();
    const theirs = new Set(seen.map((e) => e.caseId));
    expect(ours.some((e) => theirs.has(e.case_id))).toBe(false);

    const noScope = await t.integration(departmentId, ["cases:read"]);
    const refused = await noScope.inject({ method: "GET", url: "/api/events" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("INTEGRATION_SCOPE_MISSING");
    expect((await t.request({ method: "GET", url: "/api/events" })).statusCode).toBe(401);
    expect((await (await staff("clerk")).inject({ method: "GET", url: "/api/events" })).statusCode).toBe(403);

    const system = await t.integration(departmentId, ["events:read"]);
    for (const after of ["abc", "-1", "1.5", "9".repeat(30), "01"]) {
      const res = await system.inject({ method: "GET", url: `/api/events?after=${encodeURIComponent(after)}` });
      expect(res.statusCode, after).toBe(400);
      expect(res.json().error.code).toBe("EVENT_CURSOR_INVALID");
    }
    for (const limit of ["0", "101", "x"]) expect((await system.inject({ method: "GET", url: `/api/events?limit=${limit}` })).statusCode, limit).toBe(400);
    const page = (await system.inject({ method: "GET", url: "/api/events?limit=2" })).json();
    expect(page.items).toHaveLength(2);
  });
});

// Many writers at once on a pool of connections, one of them slow to commit: a reader following the
// feed all along gets every event exactly once and in seq order, the slow one included.
describe.skipIf(!process.env.TEST_DATABASE_URL)("the event feed under concurrent writers (PostgreSQL)", () => {
  it("never skips a late commit and never repeats", async () => {
    const system = await t.integration(departmentId, ["events:read"]);
    let cursor = (await follow(system)).cursor;
    const applicant = await as(applicantOf("person", 2).phone);
    const cases: string[] = [];
    for (let i = 0; i < 6; i++) cases.push(await w.apply(ITEM, applicant));
    const clerk = await staff("clerk");

    const seen: FeedItem[] = [];
    let writing = true;
    const reader = (async () => {
      for (;;) {
        const done = !writing;
        const res = await system.inject({ method: "GET", url: `/api/events?after=${cursor}&limit=5` });
        expect(res.statusCode).toBe(200);
        const page = res.json() as { items: FeedItem[]; nextCursor: string };
        seen.push(...page.items);
        cursor = page.nextCursor;
        if (done && !page.items.length) return;
        if (!page.items.length) await new Promise((r) => setTimeout(r, 10));
      }
    })();

    // The slow transaction records its event, then sleeps before committing while others queue up behind it.
    let slowRecorded!: () => void;
    const recorded = new Promise<void>((r) => (slowRecorded = r));
    const slow = runCommand(t.platform.deps, systemActor("platform"), { ip: null, requestId: null }, async (ctx) => {
      await recordIntegrationEvent(ctx.trx, ctx.now, { type: "case.extended", caseId: cases[0]!, data: { extension: { workingDays: 0 } } });
      await ctx.audit({ action: "case.verified", objectType: "case", objectId: cases[0]!, caseId: cases[0]! });
      slowRecorded();
      await sql`select pg_sleep(0.5)`.execute(ctx.trx);
      return (await ctx.trx.selectFrom("integration_events").select("id").where("case_id", "=", cases[0]!).orderBy("written", "desc").limit(1).executeTakeFirstOrThrow()).id;
    });
    await recorded;
    const accepts = cases.map((id) => clerk.inject({ method: "POST", url: `/api/cases/${id}/accept` }));
    const [slowId, ...answers] = await Promise.all([slow, ...accepts]);
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    writing = false;
    await reader;

    const all = await t.db.selectFrom("integration_events").select(["id", sql<string>`seq::text`.as("seq")]).where("department_id", "=", departmentId).orderBy("seq").execute();
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(slowId);
    const seqOf = new Map(all.map((r) => [r.id, BigInt(r.seq)]));
    const seqs = ids.map((id) => seqOf.get(id)!);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]! > seqs[i - 1]!).toBe(true);
    // Everything written after the reader started came to it.
    const first = seqs[0]!;
    expect(ids).toEqual(all.filter((r) => BigInt(r.seq) >= first).map((r) => r.id));
    // Every accepted case's events are there.
    for (const id of cases) expect(seen.some((e) => e.caseId === id && e.type === "case.accepted"), id).toBe(true);
  });
});
