import { consultationReplyWorkingDays } from "@cq/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentCalendar } from "../src/clock/calendarCache.ts";
import { shanghaiDay } from "../src/platform/clock.ts";
import { type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { demoData, staffWith } from "./fixtures.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

// Consultations (咨询) and suggestions (建议), R33: a named staff member of the answering
// department, a reply date in working days, lights as the clock moves, reassignment by the head,
// the answer told to the asker in the inbox and by SMS in their language.

let t: TestPlatform;
let w: WorkflowDriver;
beforeAll(async () => {
  t = await startPlatform();
  w = new WorkflowDriver(t);
});
afterAll(async () => t?.close());

const D1 = "500112-scjgj";
const as = (role: Parameters<typeof staffWith>[0], dept = D1) => t.login(staffWith(role, dept).username);
const clerkNames = (dept: string) => demoData.staff.filter((s) => s.departmentCode === dept && s.roles.includes("clerk")).map((s) => s.name);
const loginOf = (name: string) => t.login(demoData.staff.find((s) => s.name === name)!.username);

async function clockTo(day: string) {
  const res = await t.request({ method: "POST", url: "/api/dev/clock", payload: { now: `${day}T10:00:00+08:00` } });
  expect(res.statusCode, res.body).toBe(200);
}
const today = () => shanghaiDay(t.platform.deps.clock.now());
const itemId = async (code: string) => (await t.db.selectFrom("items").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
const departmentId = async (code: string) => (await t.db.selectFrom("departments").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
const smsTo = async (phone: string): Promise<string[]> => (await t.request({ method: "GET", url: `/api/dev/outbox?to=${phone}` })).json().items.map((m: { text: string }) => m.text);
const inbox = async (s: Session): Promise<{ title: string; text: string }[]> => (await s.inject({ method: "GET", url: "/api/inbox" })).json().items;
const get = async (s: Session, id: string) => s.inject({ method: "GET", url: `/api/consultations/${id}` });

describe("consultations and suggestions (R33)", () => {
  it("a question about an item: a named clerk, a reply date in working days, yellow then red, reassigned, answered and told", async () => {
    const person = applicantOf("person", 0);
    const applicant = await t.login(person.phone);
    const asked = await applicant.inject({
      method: "POST", url: "/api/consultations",
      payload: { kind: "question", subject: "小餐馆需要哪些材料", text: "请问开办小餐馆的食品经营许可需要准备哪些材料？", itemId: await itemId("YB-SCJG-001") },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const calendar = await currentCalendar(t.db);
    const due = calendar.addWorkingDays(today(), consultationReplyWorkingDays.question);
    expect(asked.json()).toMatchObject({ replyDueDate: due });
    const firstAssignee: string = asked.json().assignee.name;
    expect(clerkNames(D1)).toContain(firstAssignee);
    const id: string = asked.json().id;

    // The assignee is told in their inbox; it is green, theirs to answer, not theirs to reassign.
    const assignee = await loginOf(firstAssignee);
    expect((await inbox(assignee)).map((m) => m.title)).toContain("咨询待答复：小餐馆需要哪些材料");
    const seen = (await get(assignee, id)).json();
    expect(seen).toMatchObject({ status: "open", light: "green", item: { name: expect.any(String) }, assignee: { name: firstAssignee }, abilities: { reply: true, assign: false } });
    expect(seen.assignees).toBeUndefined();

    // Yellow one working day before the date, red the working day after it.
    await clockTo(calendar.subtractWorkingDays(due, 1));
    expect((await get(assignee, id)).json().light).toBe("yellow");
    const supervisor = await t.login("supervisor");
    const yellow = (await supervisor.inject({ method: "GET", url: "/api/consultations?light=yellow" })).json();
    expect(yellow.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(yellow.counts.yellow).toBeGreaterThanOrEqual(1);
    await clockTo(calendar.addWorkingDays(due, 1));
    expect((await get(assignee, id)).json()).toMatchObject({ light: "red", overdue: true });
    const red = (await supervisor.inject({ method: "GET", url: "/api/consultations?light=red" })).json();
    expect(red.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(red.items.every((c: { light: string }) => c.light === "red")).toBe(true);
    expect(red.counts.red).toBeGreaterThanOrEqual(1);
    const stats = (await supervisor.inject({ method: "GET", url: "/api/supervision/stats" })).json();
    expect(stats.consultations.red).toBeGreaterThanOrEqual(1);

    // The head reassigns it to the other clerk, who is told; not to someone of another department.
    const head = await as("department-head");
    const detail = (await get(head, id)).json();
    expect(detail.abilities).toEqual({ reply: true, assign: true });
    const other = clerkNames(D1).find((n) => n !== firstAssignee)!;
    const otherId = detail.assignees.find((s: { name: string }) => s.name === other).id;
    const outsider = demoData.staff.find((s) => s.departmentCode !== D1)!;
    const outsiderId = (await t.db.selectFrom("users").select("id").where("username", "=", outsider.username).executeTakeFirstOrThrow()).id;
    const wrong = await head.inject({ method: "POST", url: `/api/consultations/${id}/assign`, payload: { assigneeId: outsiderId } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe("CONSULTATION_ASSIGNEE_INVALID");
    expect((await assignee.inject({ method: "POST", url: `/api/consultations/${id}/assign`, payload: { assigneeId: otherId } })).statusCode).toBe(403);
    const moved = await head.inject({ method: "POST", url: `/api/consultations/${id}/assign`, payload: { assigneeId: otherId } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().assignee.name).toBe(other);
    const newAssignee = await loginOf(other);
    expect((await inbox(newAssignee)).map((m) => m.title)).toContain("咨询待答复：小餐馆需要哪些材料");
    expect((await get(assignee, id)).json().abilities.reply).toBe(false);
    const audit = await t.db.selectFrom("audit_log").select(["action"]).where("object_id", "=", id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["consultation.asked", "consultation.assigned"]));

    // Nobody else may know of it.
    expect((await get(await t.login(applicantOf("person", 1).phone), id)).statusCode).toBe(404);
    const otherDept = await t.login(staffWith("clerk", "500103-wsjkw").username);
    expect((await get(otherDept, id)).statusCode).toBe(404);
    expect((await otherDept.inject({ method: "POST", url: `/api/consultations/${id}/reply`, payload: { text: "这是别的部门的答复。" } })).statusCode).toBe(404);
    expect((await applicant.inject({ method: "POST", url: `/api/consultations/${id}/reply`, payload: { text: "我自己来答复一下。" } })).statusCode).toBe(403);

    // The new assignee answers under their name; once only.
    const answer = "需提交食品经营许可申请书、营业执照复印件、食品安全管理制度等，详见办事指南。";
    const replied = await newAssignee.inject({ method: "POST", url: `/api/consultations/${id}/reply`, payload: { text: answer } });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({ status: "answered", light: null, reply: { text: answer, by: other }, abilities: { reply: false, assign: false } });
    const again = await head.inject({ method: "POST", url: `/api/consultations/${id}/reply`, payload: { text: "再答复一次试试看。" } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("CONSULTATION_ANSWERED");

    // The asker reads it in 我的咨询 and in the inbox, and got an SMS in Chinese.
    const mine = (await applicant.inject({ method: "GET", url: "/api/my/consultations" })).json().items;
    expect(mine.find((c: { id: string }) => c.id === id)).toMatchObject({ status: "answered", reply: { text: answer, by: other } });
    const told = (await inbox(applicant)).find((m) => m.title === "您的咨询建议已答复")!;
    expect(told.text).toContain(answer);
    expect(told.text).toContain(other);
    expect((await smsTo(person.phone)).some((s) => s.startsWith("【重庆市网上行政审批平台】") && s.includes("小餐馆需要哪些材料") && s.includes(other))).toBe(true);
  });

  it("a suggestion to a department, in English: ten working days, answered by the head, the SMS in English", async () => {
    const person = applicantOf("person", 2);
    const applicant = await t.login(person.phone);
    expect((await applicant.inject({ method: "PUT", url: "/api/me/language", payload: { lang: "en" } })).statusCode).toBe(200);
    const asked = await applicant.inject({
      method: "POST", url: "/api/consultations",
      payload: { kind: "suggestion", subject: "Longer hall hours", text: "Please open the hall on Saturday mornings.", departmentId: await departmentId(D1) },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().replyDueDate).toBe((await currentCalendar(t.db)).addWorkingDays(today(), consultationReplyWorkingDays.suggestion));
    const head = await as("department-head");
    const replied = await head.inject({ method: "POST", url: `/api/consultations/${asked.json().id}/reply`, payload: { text: "We will try Saturday openings next month." } });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json().reply.by).toBe(staffWith("department-head", D1).name);
    const sms = await smsTo(person.phone);
    expect(sms.some((s) => s.startsWith("[Chongqing Online Approval] ") && s.includes('suggestion "Longer hall hours"'))).toBe(true);
    expect((await inbox(applicant)).map((m) => m.title)).toContain("Your question was answered");
  });

  it("about a case: only one's own; a target is required; staff cannot ask", async () => {
    const owner = await t.login(applicantOf("person", 0).phone);
    const caseId = await w.apply("YB-SCJG-001", owner);
    const stranger = await t.login(applicantOf("person", 1).phone);
    const payload = { kind: "question", subject: "进度如何", text: "请问这个办件现在到哪一步了？", caseId };
    expect((await stranger.inject({ method: "POST", url: "/api/consultations", payload })).statusCode).toBe(404);
    const ok = await owner.inject({ method: "POST", url: "/api/consultations", payload });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await get(owner, ok.json().id)).json()).toMatchObject({ caseId, department: { id: await departmentId(D1) } });
    const none = await owner.inject({ method: "POST", url: "/api/consultations", payload: { kind: "question", subject: "随便问问", text: "没有选择事项或部门。" } });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe("CONSULTATION_TARGET_REQUIRED");
    expect((await (await as("clerk")).inject({ method: "POST", url: "/api/consultations", payload })).statusCode).toBe(403);
    // Staff of the department list it; the one assigned to it finds it under "mine".
    const clerkList = (await (await as("clerk")).inject({ method: "GET", url: "/api/consultations?status=open" })).json();
    expect(clerkList.items.map((c: { id: string }) => c.id)).toContain(ok.json().id);
    expect((await stranger.inject({ method: "GET", url: "/api/consultations" })).statusCode).toBe(403);
  });
});
