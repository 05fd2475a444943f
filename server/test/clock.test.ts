import { afterEach, describe, expect, it } from "vitest";
import { WorkCalendar } from "../src/clock/calendar.ts";
import { packageExceptions } from "../src/clock/seedCalendar.ts";
import { currentCalendar } from "../src/clock/calendarCache.ts";
import { calendarStamp } from "../src/clock/repository.ts";
import { pdfText, type Session, expectKeptViewsCurrent, startPlatform, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

// Expected dates are derived from the real 2026 holiday notice (the calculator itself has its own hand-checked table).
const cal = new WorkCalendar([...packageExceptions(2026), ...packageExceptions(2025)]);
const D = "500112-jtysw";
const ITEM = "YB-JTYS-001";

let t: TestPlatform;
// Each test ends with every case's public progress row as its tables say (suspensions, extensions, deemed acceptance).
afterEach(async () => {
  if (t) await expectKeptViewsCurrent(t);
  await t?.close();
});

async function setup() {
  t = await startPlatform();
  const w = new WorkflowDriver(t);
  const s = async (role: Parameters<typeof staffWith>[0], dept: string | null = D) => t.login(staffWith(role, dept ?? undefined).username);
  return { w, s, applicant: await t.login(applicantOf("person").phone) };
}

/** Sets the platform clock to 10:00 Beijing time on a day, running whatever became due. */
async function clockTo(day: string) {
  const res = await t.request({ method: "POST", url: "/api/dev/clock", payload: { now: `${day}T10:00:00+08:00` } });
  expect(res.statusCode, res.body).toBe(200);
}

async function acceptedCase(w: WorkflowDriver, applicant: Session, clerk: Session) {
  const id = await w.apply(ITEM, applicant);
  expect((await clerk.inject({ method: "POST", url: `/api/cases/${id}/accept` })).statusCode).toBe(200);
  return id;
}

describe("lights and escalation with the test clock", () => {
  it("green, then yellow, then red; escalated automatically after the first red working day; answered", async () => {
    const { w, s, applicant } = await setup();
    const id = await acceptedCase(w, applicant, await s("clerk"));
    const promised = (await w.guide(ITEM)).promisedDays as number;
    const yellowDays = (await w.guide(ITEM)).yellowDays as number;
    const due = cal.addWorkingDays("2026-11-27", promised);
    const yellowFrom = cal.subtractWorkingDays(due, yellowDays);
    const view = await w.view(applicant, id);
    expect(view.deadline).toMatchObject({ dueDate: due, light: "green", suspended: false });
    const supervisor = await s("supervisor", null);

    await clockTo(cal.subtractWorkingDays(yellowFrom, 1));
    expect((await w.view(applicant, id)).deadline.light).toBe("green");
    await clockTo(yellowFrom);
    expect((await w.view(applicant, id)).deadline.light).toBe("yellow");
    const yellowList = (await supervisor.inject({ method: "GET", url: "/api/supervision/cases?light=yellow" })).json().items;
    expect(yellowList.map((c: { caseId: string }) => c.caseId)).toContain(id);

    const firstRed = cal.addWorkingDays(due, 1);
    await clockTo(firstRed);
    const red = await w.view(applicant, id);
    expect(red.deadline.light).toBe("red");
    expect(red.deadline.remainingWorkingDays).toBeLessThan(0);
    const redList = (await supervisor.inject({ method: "GET", url: "/api/supervision/cases?light=red" })).json().items;
    expect(redList.find((c: { caseId: string }) => c.caseId === id)).toMatchObject({ light: "red", escalated: false });
    // Not yet escalated: the department has until the end of the first red working day to explain.
    expect((await supervisor.inject({ method: "GET", url: `/api/supervision/escalations?caseId=${id}` })).json().items).toEqual([]);

    const next = cal.addWorkingDays(firstRed, 1);
    await clockTo(next);
    const esc = (await supervisor.inject({ method: "GET", url: `/api/supervision/escalations?caseId=${id}` })).json().items;
    expect(esc).toHaveLength(1);
    expect(esc[0]).toMatchObject({ automatic: true, status: "open", responseDueDate: cal.addWorkingDays(next, 3), light: "green" });
    const listed = async () => (await supervisor.inject({ method: "GET", url: "/api/supervision/cases?light=red" })).json().items.find((c: { caseId: string }) => c.caseId === id);
    expect(await listed()).toMatchObject({ escalated: true, explained: false });
    // Moving on does not escalate twice.
    await clockTo(cal.addWorkingDays(next, 1));
    expect((await supervisor.inject({ method: "GET", url: `/api/supervision/escalations?caseId=${id}` })).json().items).toHaveLength(1);

    // The escalation has its own light.
    await clockTo(cal.addWorkingDays(next, 4));
    expect((await supervisor.inject({ method: "GET", url: `/api/supervision/escalations?caseId=${id}` })).json().items[0].light).toBe("red");

    // The department answers; a second answer is refused; a clerk of another department cannot.
    const other = await s("department-head", "cq-sthjj");
    expect((await other.inject({ method: "POST", url: `/api/supervision/escalations/${esc[0].id}/response`, payload: { text: "x" } })).statusCode).toBe(404);
    const head = await s("department-head");
    // Who may answer is said by the server: the department's head, not the supervisor who escalated.
    expect(esc[0].canAnswer).toBe(false);
    expect((await head.inject({ method: "GET", url: "/api/supervision/my-escalations" })).json().items).toContainEqual(expect.objectContaining({ id: esc[0].id, canAnswer: true }));
    expect((await head.inject({ method: "GET", url: `/api/supervision/escalations?caseId=${id}` })).json().items[0].canAnswer).toBe(true);
    const answer = await head.inject({ method: "POST", url: `/api/supervision/escalations/${esc[0].id}/response`, payload: { text: "因申请人车辆检测报告待补，已督促承办人员三日内办结。" } });
    expect(answer.statusCode, answer.body).toBe(200);
    expect((await head.inject({ method: "POST", url: `/api/supervision/escalations/${esc[0].id}/response`, payload: { text: "again" } })).statusCode).toBe(409);
    expect((await supervisor.inject({ method: "GET", url: `/api/supervision/escalations?caseId=${id}&status=answered` })).json().items).toHaveLength(1);
    // Answered, the case is no longer listed as escalated.
    expect(await listed()).toMatchObject({ escalated: false });
  });

  it("an explanation recorded by the end of the first red working day prevents automatic escalation; a supervisor escalates by hand", async () => {
    const { w, s, applicant } = await setup();
    const id = await acceptedCase(w, applicant, await s("clerk"));
    const promised = (await w.guide(ITEM)).promisedDays as number;
    const due = cal.addWorkingDays("2026-11-27", promised);
    const firstRed = cal.addWorkingDays(due, 1);
    await clockTo(firstRed);
    const handler = await s("handler");
    expect((await handler.inject({ method: "POST", url: `/api/cases/${id}/explanations`, payload: { text: "申请人申请变更经营范围，需重新核查。" } })).statusCode).toBe(201);
    await clockTo(cal.addWorkingDays(firstRed, 2));
    const supervisor = await s("supervisor", null);
    expect((await supervisor.inject({ method: "GET", url: `/api/supervision/escalations?caseId=${id}` })).json().items).toEqual([]);
    // Only the supervising office escalates by hand.
    expect((await handler.inject({ method: "POST", url: "/api/supervision/escalations", payload: { caseId: id, note: "x" } })).statusCode).toBe(403);
    const manual = await supervisor.inject({ method: "POST", url: "/api/supervision/escalations", payload: { caseId: id, note: "说明理由不充分，请限期办结。" } });
    expect(manual.statusCode, manual.body).toBe(201);
    const list = (await supervisor.inject({ method: "GET", url: `/api/supervision/escalations?caseId=${id}` })).json().items;
    expect(list[0]).toMatchObject({ automatic: false, status: "open" });
    const listed = (await supervisor.inject({ method: "GET", url: "/api/supervision/cases?light=red" })).json().items.find((c: { caseId: string }) => c.caseId === id);
    expect(listed).toMatchObject({ escalated: true, explained: true });
    // The department sees what it must answer.
    expect((await handler.inject({ method: "GET", url: "/api/supervision/my-escalations" })).json().items.map((e: { caseId: string }) => e.caseId)).toContain(id);
  });
});

describe("clock events", () => {
  it("a suspension stops the clock and moves the due date; the applicant is told why and for how long", async () => {
    const { w, s, applicant } = await setup();
    const id = await acceptedCase(w, applicant, await s("clerk"));
    const before = (await w.view(applicant, id)).deadline.dueDate as string;
    const handler = await s("handler");
    // The case file offers what the policy allows in this state, and nothing to the applicant.
    expect((await w.view(handler, id)).abilities).toMatchObject({ suspend: true, resume: false, extend: false, explain: true });
    expect((await w.view(applicant, id)).abilities).toMatchObject({ suspend: false, resume: false, extend: false, explain: false });
    const sus = await handler.inject({ method: "POST", url: `/api/cases/${id}/suspensions`, payload: { kind: "testing", reason: "车辆安全技术检测", expectedWorkingDays: 3 } });
    expect(sus.statusCode, sus.body).toBe(201);
    const during = await w.view(applicant, id);
    expect(during.status).toBe("suspended");
    expect(during.deadline).toMatchObject({ suspended: true, light: null });
    expect(during.timeline.find((e: { kind: string }) => e.kind === "suspended")).toBeTruthy();
    expect(during.documents.map((d: { kind: string }) => d.kind)).toContain("suspension-notice");
    const progress = (await t.request({ method: "GET", url: `/api/public/progress/${during.supervisionCode}` })).json();
    expect(progress).toMatchObject({ status: "suspended", suspended: true });
    expect(progress.suspensions).toEqual([{ id: expect.any(String), kind: "testing", reason: "车辆安全技术检测", from: "2026-11-27", expectedWorkingDays: 3, automatic: false }]);
    expect(during.suspensions[0]).toMatchObject({ reason: "车辆安全技术检测", expectedWorkingDays: 3 });
    expect((await w.view(handler, id)).abilities).toMatchObject({ suspend: false, resume: true });
    // Suspended from Fri 11-27 to Wed 12-02: Mon, Tue, Wed are not counted — the due date moves 3 working days.
    await clockTo("2026-12-02");
    const end = await handler.inject({ method: "POST", url: `/api/cases/${id}/suspensions/${sus.json().id}/end` });
    expect(end.statusCode, end.body).toBe(200);
    const after = await w.view(applicant, id);
    expect(after.status).toBe("in_progress");
    expect(after.deadline.dueDate).toBe(cal.addWorkingDays(before, 3));
    expect((await handler.inject({ method: "POST", url: `/api/cases/${id}/suspensions/${sus.json().id}/end` })).statusCode).toBe(409);
    // Not an Art. 45 kind: refused.
    expect((await handler.inject({ method: "POST", url: `/api/cases/${id}/suspensions`, payload: { kind: "site-check", reason: "现场核查", expectedWorkingDays: 2 } })).statusCode).toBe(400);
  });

  it("an extension needs the department head and stops at the statutory cap", async () => {
    const { w, s, applicant } = await setup();
    const id = await acceptedCase(w, applicant, await s("clerk"));
    const guide = await w.guide(ITEM);
    const before = (await w.view(applicant, id)).deadline.dueDate as string;
    expect((await (await s("handler")).inject({ method: "POST", url: `/api/cases/${id}/extensions`, payload: { workingDays: 2, reason: "x" } })).statusCode).toBe(403);
    const head = await s("department-head");
    expect((await w.view(head, id)).abilities).toMatchObject({ extend: true });
    expect((await w.view(await s("handler"), id)).abilities).toMatchObject({ extend: false });
    const ok = await head.inject({ method: "POST", url: `/api/cases/${id}/extensions`, payload: { workingDays: 2, reason: "需核查车辆挂靠情况" } });
    expect(ok.statusCode, ok.body).toBe(201);
    const after = await w.view(applicant, id);
    expect(after.deadline.dueDate).toBe(cal.addWorkingDays(before, 2));
    expect(after.timeline.some((e: { kind: string; note?: string }) => e.kind === "extended")).toBe(true);
    expect(after.extensions).toEqual([expect.objectContaining({ workingDays: 2, reason: "需核查车辆挂靠情况" })]);
    expect((await t.request({ method: "GET", url: `/api/public/progress/${after.supervisionCode}` })).json().extensions[0]).toMatchObject({ workingDays: 2, reason: "需核查车辆挂靠情况" });
    const room = guide.statutoryDays + guide.statutoryExtensionDays - guide.promisedDays - 2;
    const over = await head.inject({ method: "POST", url: `/api/cases/${id}/extensions`, payload: { workingDays: room + 1, reason: "超出上限" } });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.code).toBe("EXTENSION_BEYOND_CAP");
    expect(over.json().error.details.allowed).toBe(room);
    expect((await head.inject({ method: "POST", url: `/api/cases/${id}/extensions`, payload: { workingDays: room, reason: "至上限" } })).statusCode).toBe(201);
  });

  it("deemed acceptance after five working days without an answer, dated the day of receipt", async () => {
    const { w, s, applicant } = await setup();
    const id = await w.apply(ITEM, applicant); // received Fri 2026-11-27
    const lastDay = cal.addWorkingDays("2026-11-27", 5);
    await clockTo(lastDay);
    expect((await w.view(applicant, id)).status).toBe("submitted");
    await clockTo(cal.addWorkingDays(lastDay, 1));
    const v = await w.view(applicant, id);
    expect(v).toMatchObject({ status: "in_progress", deemedAccepted: true });
    expect(v.acceptedAt.slice(0, 10)).toBe("2026-11-27".slice(0, 10).replace("27", "27"));
    expect(v.supervisionCode).toBeTruthy();
    expect(v.timeline.map((e: { kind: string }) => e.kind)).toContain("deemed-accepted");
    // The notice says why it was accepted: deemed, not "the materials were complete".
    const notice = v.documents.find((d: { kind: string }) => d.kind === "acceptance-notice");
    const res = await applicant.inject({ method: "GET", url: `/api/documents/${notice.id}` });
    const words = pdfText(res.rawPayload).replace(/\s+/g, "");
    expect(words).toContain("即为受理");
    expect(words).not.toContain("申请材料齐全");
    // Counted from the day of receipt: the due date is already near.
    expect(v.deadline.dueDate).toBe(cal.addWorkingDays("2026-11-27", (await w.guide(ITEM)).promisedDays));
    const flags = (await (await s("supervisor", null)).inject({ method: "GET", url: "/api/supervision/flags" })).json().items;
    expect(flags.find((f: { caseId: string }) => f.caseId === id)).toMatchObject({ kind: "deemed-acceptance" });
  });

  it("a calendar change moves the due dates of open cases", async () => {
    const { w, s, applicant } = await setup();
    const id = await acceptedCase(w, applicant, await s("clerk"));
    const before = (await w.view(applicant, id)).deadline.dueDate as string;
    const dayOff = "2026-12-01"; // a Tuesday before the due date becomes a day off
    const admin = await s("platform-admin", null);
    expect((await (await s("handler")).inject({ method: "PUT", url: `/api/calendar/days/${dayOff}`, payload: { workday: false } })).statusCode).toBe(403);
    const put = await admin.inject({ method: "PUT", url: `/api/calendar/days/${dayOff}`, payload: { workday: false, note: "临时调整（测试）" } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ kind: "holiday", recomputed: expect.any(Number) });
    expect((await w.view(applicant, id)).deadline.dueDate).toBe(cal.addWorkingDays(before, 1));
    const day = (await t.request({ method: "GET", url: `/api/calendar?from=${dayOff}&to=${dayOff}` })).json().items[0];
    expect(day).toMatchObject({ date: dayOff, workday: false, kind: "holiday", note: "临时调整（测试）" });
    expect((await t.request({ method: "GET", url: "/api/calendar?from=2026-02-13&to=2026-02-16" })).json().items.map((d: { kind: string }) => d.kind)).toEqual([
      "workday", "makeup-workday", "holiday", "holiday",
    ]);
    expect((await t.request({ method: "GET", url: "/api/calendar?from=2026-02-30&to=2026-03-01" })).statusCode).toBe(400);
    const status = (await t.request({ method: "GET", url: "/api/calendar/status" })).json();
    expect(status).toMatchObject({ nextYear: 2027, nextYearMaintained: false });
    expect(status.warning).toMatch(/^2027年工作日历尚未维护/);
    const english = (await t.request({ method: "GET", url: "/api/calendar/status", headers: { "accept-language": "en" } })).json();
    expect(english.warning).toMatch(/^The working-day calendar for 2027 is not maintained yet/);
  });
});

describe("the calendar in memory", () => {
  it("is each database's own, even when two carry the same version", async () => {
    const other = await startPlatform();
    try {
      t = await startPlatform();
      const dayOff = async (p: TestPlatform, day: string) => {
        const admin = await p.login(staffWith("platform-admin").username);
        const put = await admin.inject({ method: "PUT", url: `/api/calendar/days/${day}`, payload: { workday: false, note: "临时调整（测试）" } });
        expect(put.statusCode, put.body).toBe(200);
      };
      // Copies of one template: the same calendar version, then the same next version for different days.
      await dayOff(t, "2026-12-08");
      await dayOff(other, "2026-12-09");
      expect(await calendarStamp(t.db)).toBe(await calendarStamp(other.db));
      const mine = await currentCalendar(t.db);
      const theirs = await currentCalendar(other.db);
      expect([mine.isWorkday("2026-12-08"), mine.isWorkday("2026-12-09")]).toEqual([false, true]);
      expect([theirs.isWorkday("2026-12-08"), theirs.isWorkday("2026-12-09")]).toEqual([true, false]);
      // A transaction of a database sees that database's copy.
      expect((await t.db.transaction().execute((trx) => currentCalendar(trx))).isWorkday("2026-12-08")).toBe(false);
    } finally {
      await other.close();
    }
  });
});

describe("figures", () => {
  it("the dashboard's numbers and the monthly report come from the cases", async () => {
    const { w, s, applicant } = await setup();
    const clerk = await s("clerk");
    const a = await acceptedCase(w, applicant, clerk);
    await acceptedCase(w, applicant, clerk);
    await w.apply(ITEM, applicant);
    // Carry one through to closing, on time.
    const handler = await s("handler");
    await w.complete(handler, (await w.openTask(handler, a, "review")).id);
    const reviewer = await s("reviewer");
    await w.complete(reviewer, (await w.openTask(reviewer, a, "review")).id);
    await (await s("decider")).inject({ method: "POST", url: `/api/cases/${a}/decision`, payload: { result: "approved" } });
    expect((await clerk.inject({ method: "POST", url: `/api/cases/${a}/deliver`, payload: { method: "electronic" } })).statusCode).toBe(200);

    const supervisor = await s("supervisor", null);
    const stats = (await supervisor.inject({ method: "GET", url: "/api/supervision/stats" })).json();
    const row = stats.items.find((r: { department: { name: string } }) => r.department.name.includes("渝北区交通"));
    expect(row).toMatchObject({ received: 3, accepted: 2, closed: 1, onTimeRate: 1, averageWorkingDays: 0, overdue: 0 });
    expect(stats.trend).toEqual([{ month: "2026-11", received: 3, closed: 1, onTime: 1 }]);
    // A department head sees only their own department.
    const head = (await (await s("department-head")).inject({ method: "GET", url: "/api/supervision/stats" })).json();
    expect(head.items.every((r: { department: { name: string } }) => r.department.name.includes("渝北区交通"))).toBe(true);
    expect((await applicant.inject({ method: "GET", url: "/api/supervision/stats" })).statusCode).toBe(403);

    const csv = await supervisor.inject({ method: "GET", url: "/api/supervision/reports/monthly?month=2026-11&format=csv" });
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.body).toContain("按时办结率");
    expect(csv.body).toMatch(/渝北区交通[^\n]*,3,2,1,100\.0%/);
    const pdf = await supervisor.inject({ method: "GET", url: "/api/supervision/reports/monthly?month=2026-11&format=pdf" });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await supervisor.inject({ method: "GET", url: "/api/supervision/reports/monthly?month=2026-13" })).statusCode).toBe(400);
  });
});

