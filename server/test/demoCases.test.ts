import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoCasesSummary, seedDemoCases } from "../src/seed/demoCases.ts";
import { expectKeptViewsCurrent, type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { applicantOf } from "./workflowDriver.ts";

/**
 * The demo's first look: the cases the demo start plays through the real commands, seen through
 * the HTTP API by the people who would look at them.
 */
let t: TestPlatform;
let summary: DemoCasesSummary;
const sessions = new Map<string, Session>();
async function as(login: string): Promise<Session> {
  if (!sessions.has(login)) sessions.set(login, await t.login(login));
  return sessions.get(login)!;
}
async function get(login: string, url: string) {
  const res = await (await as(login)).inject({ method: "GET", url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
}
const departmentId = async (code: string) => (await t.db.selectFrom("departments").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;

interface WorkItem { kind: string; caseId: string; light?: string; status: string }
interface MyCase { id: string; status: string; result?: string; nextAction: string | null }

beforeAll(async () => {
  t = await startPlatform();
  summary = await seedDemoCases(t.platform.deps);
  console.log(`[demo cases] ${summary.cases} cases in ${summary.ms} ms on ${t.platform.deps.dbKind}`);
});
afterAll(async () => t?.close());

describe("the demo cases", () => {
  it("keep every case's public progress row current through every command that changed it", async () => {
    expect(await expectKeptViewsCurrent(t)).toBeGreaterThanOrEqual(30);
  });

  it("cover every state of a case, over about four months", async () => {
    for (const status of ["draft", "submitted", "supplement_requested", "in_progress", "suspended", "decided", "closed", "withdrawn", "not_accepted"]) {
      expect(summary.byStatus[status], status).toBeGreaterThan(0);
    }
    expect(summary.cases).toBeGreaterThanOrEqual(35);
    expect(summary.evaluations).toBeGreaterThanOrEqual(10);
    expect(summary.complaints).toBeGreaterThanOrEqual(3);
    expect(summary.certificates).toBeGreaterThan(10);
    const first = await t.db.selectFrom("cases").select((eb) => eb.fn.min("created_at").as("at")).executeTakeFirstOrThrow();
    const now = t.platform.deps.clock.now().getTime();
    const months = (now - new Date(first.at as unknown as string).getTime()) / (30 * 86_400_000);
    expect(months).toBeGreaterThan(3.5);
    expect(months).toBeLessThan(5);
    // Nothing is dated after the platform's now.
    const latest = await t.db.selectFrom("audit_log").select((eb) => eb.fn.max("at").as("at")).executeTakeFirstOrThrow();
    expect(new Date(latest.at as unknown as string).getTime()).toBeLessThanOrEqual(now);
  });

  it("fill the window's and the handler's worklists, with yellow and red lights", async () => {
    const clerk = await get("yb.scjg.clerk", "/api/worklist");
    const kinds = clerk.items.map((i: WorkItem) => i.kind);
    expect(kinds).toContain("accept");
    expect(kinds).toContain("deliver");
    const handler = await get("yb.scjg.handler", "/api/worklist");
    expect(handler.items.length).toBeGreaterThanOrEqual(2);
    expect(handler.counts.red).toBeGreaterThan(0);
    expect(handler.counts.yellow).toBeGreaterThan(0);
    expect(handler.items.some((i: WorkItem) => i.light === "green" || i.light === "yellow")).toBe(true);
    // A joint case waits for an assisting department's co-handling; a push waits at the city bureau.
    expect((await get("cq.sthj.handler", "/api/worklist")).items.map((i: WorkItem) => i.kind)).toContain("co-handle");
    expect((await get("cq.scjg.handler", "/api/worklist")).items.map((i: WorkItem) => i.kind)).toContain("push");
  });

  it("show red and yellow cases to the supervisor, each light as the case's own deadline says today", async () => {
    for (const light of ["red", "yellow"]) {
      const list = await get("supervisor", `/api/supervision/cases?light=${light}`);
      expect(list.items.length, light).toBeGreaterThan(0);
      for (const c of list.items) expect((await get("supervisor", `/api/cases/${c.caseId}`)).deadline?.light).toBe(light);
    }
    const red = (await get("supervisor", "/api/supervision/cases?light=red")).items;
    expect(red.some((c: { escalated: boolean }) => c.escalated)).toBe(true);
    expect(red.some((c: { explained: boolean }) => c.explained)).toBe(true);
    // Escalations: made by the sweep and by the supervisor; answered and still open.
    const escalations = (await get("supervisor", "/api/supervision/escalations")).items;
    expect(escalations.some((e: { automatic: boolean }) => e.automatic)).toBe(true);
    expect(escalations.some((e: { automatic: boolean }) => !e.automatic)).toBe(true);
    expect(new Set(escalations.map((e: { status: string }) => e.status))).toEqual(new Set(["open", "answered"]));
    // Off-platform flags: a deemed acceptance, and a burst of review steps long after acceptance.
    const flags = (await get("supervisor", "/api/supervision/flags")).items.map((f: { kind: string }) => f.kind);
    expect(flags).toEqual(expect.arrayContaining(["deemed-acceptance", "burst-after-acceptance"]));
  });

  it("give the supervision statistics evaluations, suspensions, extensions and a monthly trend", async () => {
    const stats = await get("supervisor", "/api/supervision/stats");
    const total = (k: string) => stats.items.reduce((n: number, i: Record<string, number>) => n + i[k]!, 0);
    expect(stats.items.reduce((n: number, i: { evaluations: { count: number } }) => n + i.evaluations.count, 0)).toBe(summary.evaluations);
    expect(stats.items.some((i: { evaluations: { dissatisfied: number } }) => i.evaluations.dissatisfied > 0)).toBe(true);
    expect(total("closed")).toBe(summary.byStatus.closed);
    expect(total("overdue")).toBeGreaterThan(0);
    expect(total("suspended")).toBeGreaterThan(0);
    expect(total("extended")).toBeGreaterThan(0);
    expect(total("deemedAccepted")).toBeGreaterThan(0);
    expect(stats.items.some((i: { onTimeRate: number | null }) => i.onTimeRate !== null && i.onTimeRate < 1)).toBe(true);
    expect(stats.trend.length).toBeGreaterThanOrEqual(4);
  });

  it("give a department's public page its figures", async () => {
    const page = (await t.request({ method: "GET", url: `/api/public/departments/${await departmentId("500112-scjgj")}` })).json();
    expect(page.figures.closed).toBeGreaterThan(0);
    expect(page.figures.open).toBeGreaterThan(0);
    expect(page.figures.evaluations).toBeGreaterThan(0);
    expect(page.figures.satisfaction).toBeGreaterThan(0);
    expect(page.figures.monthly.length).toBeGreaterThanOrEqual(2);
  });

  it("show the applicants their drafts, their closed cases with documents and certificates, and what is asked of them", async () => {
    const person = applicantOf("person").phone;
    const mine: MyCase[] = (await get(person, "/api/cases?mine=1")).items;
    const statuses = mine.map((c) => c.status);
    expect(statuses).toEqual(expect.arrayContaining(["draft", "closed", "supplement_requested", "not_accepted"]));
    // A closed case not rated yet asks for an evaluation.
    const other: MyCase[] = (await get(applicantOf("person", 1).phone, "/api/cases?mine=1")).items;
    expect(other.some((c) => c.status === "closed" && c.nextAction === "evaluate")).toBe(true);
    const org = applicantOf("organization").phone;
    const orgCases: MyCase[] = (await get(org, "/api/cases?mine=1")).items;
    expect(orgCases.map((c) => c.status)).toEqual(expect.arrayContaining(["draft", "closed", "submitted", "decided"]));

    const approved = orgCases.find((c) => c.status === "closed" && c.result === "approved")!;
    const view = await get(org, `/api/cases/${approved.id}`);
    expect(view.documents.map((d: { kind: string }) => d.kind)).toEqual(expect.arrayContaining(["acceptance-notice", "approval-decision", "certificate"]));
    expect(view.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(["submitted", "accepted", "decided", "delivered"]));
    const progress = (await t.request({ method: "GET", url: `/api/public/progress/${view.supervisionCode}` })).json();
    expect(progress.status).toBe("closed");
    const certificates = (await get(org, "/api/certificates?holder=me")).items;
    expect(certificates.length).toBeGreaterThan(0);
    const verify = (await t.request({ method: "GET", url: `/api/public/certificates/${certificates[0].certificateNo}` })).json();
    expect(verify).toMatchObject({ status: "valid", signatureValid: true });
  });

  it("leave questions and suggestions for a department: one answered by its clerk, one overdue, one near its date", async () => {
    const list = (await get("yz.wsjk.head", "/api/consultations")).items as { status: string; light: string | null; kind: string; reply?: { by: string } }[];
    expect(list.find((c) => c.status === "answered")?.reply?.by).toBe("蒋晓红");
    expect(list.map((c) => c.light)).toEqual(expect.arrayContaining(["red", "yellow", "green"]));
    expect(list.some((c) => c.kind === "suggestion")).toBe(true);
    const stats = await get("supervisor", "/api/supervision/stats");
    expect(stats.consultations.red).toBeGreaterThanOrEqual(1);
  });

  it("leave complaints and a bad evaluation's work order for the departments, some answered", async () => {
    const complaints = (await get("yb.scjg.head", "/api/complaints")).items;
    expect(complaints.some((c: { kind: string }) => c.kind === "evaluation")).toBe(true);
    expect(new Set(complaints.map((c: { status: string }) => c.status))).toEqual(new Set(["open", "replied"]));
    const yuzhong = (await get("yz.wsjk.head", "/api/complaints")).items;
    expect(yuzhong.some((c: { kind: string; status: string }) => c.kind === "complaint" && c.status === "replied")).toBe(true);
  });

  it("carry the applicants' delivery choices: pick-up (told it is ready), mail and electronic", async () => {
    const choices = await t.db.selectFrom("delivery_choices").select(["method", "ready_notice_at"]).execute();
    expect(new Set(choices.map((c) => c.method))).toEqual(new Set(["pickup", "mail", "electronic"]));
    expect(choices.find((c) => c.method === "pickup")!.ready_notice_at).not.toBeNull();
  });

  it("keep the audit chain whole", async () => {
    const verify = await get("supervisor", "/api/audit/verify");
    expect(verify.ok).toBe(true);
    expect(verify.entries).toBeGreaterThan(summary.cases * 3);
  });
});
