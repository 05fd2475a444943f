import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSweep } from "../src/cases/sweep.ts";
import { currentCalendar } from "../src/clock/calendarCache.ts";
import { noticeTaskLights } from "../src/clock/lightNotices.ts";
import { refreshLightsThrough } from "../src/clock/lights.ts";
import { shanghaiDay } from "../src/platform/clock.ts";
import { escalateUnexplainedRedCases } from "../src/supervision/autoEscalation.ts";
import { refreshCaseCounts } from "../src/supervision/counts.ts";
import type { Deps } from "../src/platform/context.ts";
import { type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf, deptName, WorkflowDriver } from "./workflowDriver.ts";

// Per staff statistics (R37(2)), the staff's notices of yellow and red tasks (R36), who handled the
// case of a bad-evaluation work order, and the case's own light on the escalation list.
// YB-JTYS-001 at 渝北区交通运输委员会: accept → 承办审查 (handler) → 审核 (reviewer) → 审批决定 → 制证送达,
// one working day per step. The clock starts on Friday 2026-11-27 09:00.

let t: TestPlatform;
let w: WorkflowDriver;
beforeAll(async () => {
  t = await startPlatform();
  w = new WorkflowDriver(t);
});
afterAll(async () => t?.close());

const D = "500112-jtysw";
const as = (role: Parameters<typeof staffWith>[0], dept: string | undefined = D) => t.login(staffWith(role, dept).username);
const setClock = async (now: string) => expect((await t.request({ method: "POST", url: "/api/dev/clock", payload: { now } })).statusCode).toBe(200);
const FROM = "2026-11-27T09:00:00+08:00";
const TO = "2027-01-01T00:00:00+08:00";

/** Inbox rows about a case whose title starts with `prefix`, with their addressing. */
const notices = (caseId: string, prefix: string) =>
  t.db.selectFrom("inbox").select(["user_id", "department_id", "role", "title", "text"]).where("case_id", "=", caseId).where("title", "like", `${prefix}%`).execute();

/** The sweep as a second server process would run it: its own deps object on the same database. */
const otherProcess = (): Deps => ({ ...t.platform.deps });

describe("per staff statistics and the staff's light notices", () => {
  let a: string;
  let b: string;
  let departmentId: string;
  let handler: Session;
  let handlerId: string;

  it("tells the claimant once when a task turns yellow, and the role's holders when nobody claimed it", async () => {
    departmentId = (await t.db.selectFrom("departments").select("id").where("code", "=", D).executeTakeFirstOrThrow()).id;
    const applicant = await t.login(applicantOf("person").phone);
    a = await w.apply("YB-JTYS-001", applicant);
    b = await w.apply("YB-JTYS-001", applicant);
    const clerk = await as("clerk");
    for (const id of [a, b]) expect((await clerk.inject({ method: "POST", url: `/api/cases/${id}/accept` })).statusCode).toBe(200);
    handler = await as("handler");
    handlerId = (await handler.inject({ method: "GET", url: "/api/me" })).json().id;
    const taskA = await w.openTask(handler, a, "review");
    expect((await handler.inject({ method: "POST", url: `/api/tasks/${taskA.id}/claim` })).statusCode).toBe(200);

    // Monday: both review tasks are due today (yellow).
    await setClock("2026-11-30T10:00:00+08:00");
    const now = t.platform.deps.clock.now();
    await runSweep(t.platform.deps, now);
    await Promise.all([runSweep(t.platform.deps, now), runSweep(otherProcess(), now)]);
    const toClaimant = await notices(a, "黄灯预警");
    expect(toClaimant).toHaveLength(1);
    expect(toClaimant[0]).toMatchObject({ user_id: handlerId, department_id: null });
    expect(toClaimant[0]!.text).toContain("承办审查");
    expect(toClaimant[0]!.text).toContain("将于2026-11-30到期");
    const toRole = await notices(b, "黄灯预警");
    expect(toRole).toEqual([expect.objectContaining({ user_id: null, department_id: departmentId, role: "handler" })]);
    const inbox = (await handler.inject({ method: "GET", url: "/api/inbox" })).json().items as { caseId?: string; title: string }[];
    expect(inbox.filter((m) => m.caseId === a && m.title.startsWith("黄灯预警"))).toHaveLength(1);
  });

  it("tells the department head once when a task turns red", async () => {
    // B's review is done on its due day; A's is not.
    await w.complete(handler, (await w.openTask(handler, b, "review")).id);
    await setClock("2026-12-01T10:00:00+08:00");
    const now = t.platform.deps.clock.now();
    await Promise.all([runSweep(t.platform.deps, now), runSweep(otherProcess(), now)]);
    await runSweep(t.platform.deps, now);
    const red = await notices(a, "红灯警告");
    expect(red).toEqual([expect.objectContaining({ department_id: departmentId, role: "department-head" })]);
    expect(red[0]!.text).toContain("承办审查");
    const head = await as("department-head");
    const headInbox = (await head.inject({ method: "GET", url: "/api/inbox" })).json().items as { caseId?: string; title: string }[];
    expect(headInbox.filter((m) => m.caseId === a && m.title.startsWith("红灯警告"))).toHaveLength(1);
    // B's review was done in time: no red notice, and the yellow one was not repeated.
    expect(await notices(b, "红灯警告")).toHaveLength(0);
    expect(await notices(a, "黄灯预警")).toHaveLength(1);
  });

  it("counts each staff member's cases, on-time steps and evaluations", async () => {
    // A's review is completed a day late; everything else on its day.
    await w.complete(handler, (await w.openTask(handler, a, "review")).id);
    const reviewer = await as("reviewer");
    for (const id of [a, b]) await w.complete(reviewer, (await w.openTask(reviewer, id, "review")).id);
    const decider = await as("decider");
    for (const id of [a, b]) expect((await decider.inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved" } })).statusCode).toBe(200);
    const clerk = await as("clerk");
    for (const id of [a, b]) expect((await clerk.inject({ method: "POST", url: `/api/cases/${id}/deliver`, payload: { method: "electronic" } })).json()).toEqual({ status: "closed" });
    const applicant = await t.login(applicantOf("person").phone);
    expect((await applicant.inject({ method: "POST", url: `/api/cases/${a}/evaluation`, payload: { level: 5 } })).statusCode).toBe(201);
    expect((await applicant.inject({ method: "POST", url: `/api/cases/${b}/evaluation`, payload: { level: 2, comment: "审核环节等了很久。" } })).statusCode).toBe(201);

    const supervisor = await t.login(staffWith("supervisor").username);
    const res = await supervisor.inject({ method: "GET", url: `/api/supervision/departments/${departmentId}/staff-stats?from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.department).toEqual({ id: departmentId, name: deptName(D) });
    const of = (role: Parameters<typeof staffWith>[0]) => {
      const name = staffWith(role, D).name;
      return body.items.find((i: { staff: { name: string } }) => i.staff.name === name);
    };
    const both = { count: 2, averageLevel: 3.5, satisfactionRate: 0.5, dissatisfied: 1 };
    expect(of("handler")).toMatchObject({ casesHandled: 2, tasksCompleted: 2, timedTasks: 2, onTimeTasks: 1, onTimeRate: 0.5, evaluations: both });
    expect(of("reviewer")).toMatchObject({ casesHandled: 2, tasksCompleted: 2, timedTasks: 2, onTimeTasks: 2, onTimeRate: 1, evaluations: both });
    expect(of("decider")).toMatchObject({ casesHandled: 2, onTimeRate: 1, evaluations: both });
    // The clerk accepted (no due date: not timed) and delivered both (timed, on time).
    expect(of("clerk")).toMatchObject({ casesHandled: 2, tasksCompleted: 4, timedTasks: 2, onTimeTasks: 2, onTimeRate: 1, evaluations: both });
    expect(body.items).toHaveLength(4);

    // The department's own head sees it; another department's head does not learn of it; a handler has no figures at all.
    const own = await (await as("department-head")).inject({ method: "GET", url: `/api/supervision/departments/${departmentId}/staff-stats?from=${encodeURIComponent(FROM)}` });
    expect(own.statusCode).toBe(200);
    const otherHead = await as("department-head", "cq-jtysw");
    const denied = await otherHead.inject({ method: "GET", url: `/api/supervision/departments/${departmentId}/staff-stats` });
    expect(denied.statusCode).toBe(404);
    expect(denied.json().error.code).toBe("DEPARTMENT_NOT_FOUND");
    expect((await handler.inject({ method: "GET", url: `/api/supervision/departments/${departmentId}/staff-stats` })).statusCode).toBe(403);
    expect((await supervisor.inject({ method: "GET", url: `/api/supervision/departments/nope/staff-stats` })).statusCode).toBe(404);
    expect((await supervisor.inject({ method: "GET", url: `/api/supervision/departments/${departmentId}/staff-stats?from=${encodeURIComponent(TO)}&to=${encodeURIComponent(FROM)}` })).statusCode).toBe(400);
  });

  it("shows who handled the case on the bad-evaluation work order, to staff only", async () => {
    const head = await as("department-head");
    const orders = (await head.inject({ method: "GET", url: "/api/complaints" })).json().items as { caseId?: string; kind: string; id: string; handledBy?: unknown[] }[];
    const order = orders.find((o) => o.caseId === b && o.kind === "evaluation")!;
    const name = (role: Parameters<typeof staffWith>[0]) => staffWith(role, D).name;
    const dept = deptName(D);
    expect(order.handledBy).toEqual([
      { name: name("clerk"), step: "受理", department: dept },
      { name: name("handler"), step: "承办审查", department: dept },
      { name: name("reviewer"), step: "审核", department: dept },
      { name: name("decider"), step: "审批决定", department: dept },
      { name: name("clerk"), step: "制证送达", department: dept },
    ]);
    expect((await head.inject({ method: "GET", url: `/api/complaints/${order.id}` })).json().handledBy).toHaveLength(5);
    const applicant = await t.login(applicantOf("person").phone);
    expect((await applicant.inject({ method: "GET", url: `/api/complaints/${order.id}` })).json().handledBy).toBeUndefined();
  });

  it("lists an escalation with the case's own light, and the automatic escalation tells the department", async () => {
    const applicant = await t.login(applicantOf("person").phone);
    const c = await w.apply("YB-JTYS-001", applicant);
    expect((await (await as("clerk")).inject({ method: "POST", url: `/api/cases/${c}/accept` })).statusCode).toBe(200);
    // Accepted on Tuesday 12-01 with 5 working days: due Tuesday 12-08, red on 12-09, escalated after it.
    await setClock("2026-12-10T10:00:00+08:00");
    const supervisor = await t.login(staffWith("supervisor").username);
    const list = (await supervisor.inject({ method: "GET", url: `/api/supervision/escalations?caseId=${c}` })).json().items;
    expect(list).toEqual([expect.objectContaining({ caseId: c, automatic: true, caseLight: "red", light: "green" })]);
    expect(await notices(c, "挂号督办")).toEqual([expect.objectContaining({ department_id: departmentId })]);
    const mine = (await (await as("department-head")).inject({ method: "GET", url: "/api/supervision/my-escalations" })).json().items;
    expect(mine.find((e: { caseId: string }) => e.caseId === c)).toMatchObject({ caseLight: "red" });
  });
});

describe("the sweep on a day when many limits pass", () => {
  it("escalates page by page and tells in commands of at most a batch of tasks, each with its audit record, every task told once", async () => {
    // Five more cases accepted; months later every open task is red and owes its notices again, told in batches of two.
    const applicant = await t.login(applicantOf("person").phone);
    const clerk = await as("clerk");
    const fresh: string[] = [];
    for (let i = 0; i < 5; i++) {
      const c = await w.apply("YB-JTYS-001", applicant);
      expect((await clerk.inject({ method: "POST", url: `/api/cases/${c}/accept` })).statusCode).toBe(200);
      fresh.push(c);
    }
    // Moved without a sweep (the dev clock's route would run one): the lights, then the automatic
    // escalations of the five, read in pages of two, each escalated once.
    t.platform.clock!.set(new Date("2027-03-01T10:00:00+08:00"));
    const deps = t.platform.deps;
    await refreshLightsThrough(t.db, shanghaiDay(deps.clock.now()), refreshCaseCounts);
    expect(await escalateUnexplainedRedCases(deps, deps.clock.now(), await currentCalendar(t.db), 2)).toBeGreaterThanOrEqual(5);
    const auto = await t.db.selectFrom("escalations").select("case_id").where("automatic", "=", true).where("case_id", "in", fresh).execute();
    expect(auto.map((e) => e.case_id).sort()).toEqual([...fresh].sort());
    expect(await escalateUnexplainedRedCases(deps, deps.clock.now(), await currentCalendar(t.db), 2)).toBe(0);
    await runSweep(t.platform.deps, t.platform.deps.clock.now());
    await t.db.updateTable("tasks").set({ yellow_noticed_at: null, red_noticed_at: null }).where("status", "in", ["open", "claimed"]).execute();
    await t.db.deleteFrom("inbox").where((eb) => eb.or([eb("title", "like", "黄灯预警%"), eb("title", "like", "红灯警告%")])).execute();
    const open = (light: ("yellow" | "red")[]) =>
      t.db.selectFrom("tasks").select("id").where("status", "in", ["open", "claimed"]).where("light", "in", light).execute().then((rs) => rs.map((r) => r.id).sort());
    const yellow = await open(["yellow"]);
    const red = await open(["red"]);
    expect(yellow.length + red.length).toBeGreaterThan(4);
    const audited = async () =>
      (
        await sql<{ v: { yellow: string[]; red: string[] } }>`
          select new_values as v from audit_log where action = 'task.light-notices'
          union all
          select e->'newValues' as v from audit_pending, jsonb_array_elements(entries) e where e->>'action' = 'task.light-notices'`.execute(t.db)
      ).rows.map((r) => r.v);
    const before = (await audited()).length;

    const now = t.platform.deps.clock.now();
    expect(await noticeTaskLights(t.platform.deps, now, 2)).toEqual({ yellow: yellow.length, red: red.length });
    const records = (await audited()).slice(before);
    expect(records.length).toBeGreaterThanOrEqual(Math.ceil(Math.max(yellow.length, red.length) / 2));
    for (const r of records) expect(r.yellow.length <= 2 && r.red.length <= 2, JSON.stringify(r)).toBe(true);
    expect(records.flatMap((r) => r.yellow).sort()).toEqual(yellow);
    expect(records.flatMap((r) => r.red).sort()).toEqual(red);
    const told = await t.db.selectFrom("inbox").select("title").where((eb) => eb.or([eb("title", "like", "黄灯预警%"), eb("title", "like", "红灯警告%")])).execute();
    expect(told.filter((m) => m.title.startsWith("黄灯预警"))).toHaveLength(yellow.length);
    expect(told.filter((m) => m.title.startsWith("红灯警告"))).toHaveLength(red.length);
    // Nothing is told twice.
    expect(await noticeTaskLights(t.platform.deps, now, 2)).toEqual({ yellow: 0, red: 0 });
  });
});
