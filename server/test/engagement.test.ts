import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

let t: TestPlatform;
let w: WorkflowDriver;
beforeAll(async () => {
  t = await startPlatform();
  w = new WorkflowDriver(t);
});
afterAll(async () => t.close());

const D = "500112-jtysw";
const as = (role: Parameters<typeof staffWith>[0], dept = D) => t.login(staffWith(role, dept).username);

/** A YB-JTYS-001 case carried to closed (picked up at the window). */
async function closedCase(applicant: Session): Promise<string> {
  const id = await w.apply("YB-JTYS-001", applicant);
  await (await as("clerk")).inject({ method: "POST", url: `/api/cases/${id}/accept` });
  const handler = await as("handler");
  await w.complete(handler, (await w.openTask(handler, id, "review")).id);
  const reviewer = await as("reviewer");
  await w.complete(reviewer, (await w.openTask(reviewer, id, "review")).id);
  expect((await (await as("decider")).inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved" } })).statusCode).toBe(200);
  const done = await (await as("clerk")).inject({ method: "POST", url: `/api/cases/${id}/deliver`, payload: { method: "electronic" } });
  expect(done.json()).toEqual({ status: "closed" });
  return id;
}

describe("evaluations (好差评, R37)", () => {
  it("the applicant evaluates a closed case once; a bad rating needs a comment and opens a work order the head answers", async () => {
    const applicant = await t.login(applicantOf("person", 0).phone);
    const open = await w.apply("YB-JTYS-001", applicant);
    // Not before the case is closed.
    const early = await applicant.inject({ method: "POST", url: `/api/cases/${open}/evaluation`, payload: { level: 5 } });
    expect(early.statusCode).toBe(409);

    const id = await closedCase(applicant);
    expect((await w.view(applicant, id)).abilities.evaluate).toBe(true);
    // Only the applicant: staff get 403, another applicant 404.
    expect((await (await as("clerk")).inject({ method: "POST", url: `/api/cases/${id}/evaluation`, payload: { level: 5 } })).statusCode).toBe(403);
    expect((await (await t.login(applicantOf("person", 1).phone)).inject({ method: "POST", url: `/api/cases/${id}/evaluation`, payload: { level: 5 } })).statusCode).toBe(404);
    expect((await applicant.inject({ method: "POST", url: `/api/cases/${id}/evaluation`, payload: { level: 6 } })).statusCode).toBe(400);

    const noComment = await applicant.inject({ method: "POST", url: `/api/cases/${id}/evaluation`, payload: { level: 2 } });
    expect(noComment.statusCode).toBe(422);
    expect(noComment.json().error.code).toBe("COMMENT_REQUIRED");
    const bad = await applicant.inject({
      method: "POST", url: `/api/cases/${id}/evaluation`,
      payload: { level: 2, dimensions: { efficiency: 2, attitude: 3, quality: 3 }, comment: "窗口让我跑了两趟才收齐材料。" },
    });
    expect(bad.statusCode, bad.body).toBe(201);
    expect(bad.json()).toMatchObject({ level: 2, workOrderId: expect.any(String) });
    const again = await applicant.inject({ method: "POST", url: `/api/cases/${id}/evaluation`, payload: { level: 5 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("EVALUATION_EXISTS");
    const view = await w.view(applicant, id);
    expect(view.evaluation).toMatchObject({ level: 2, dimensions: { efficiency: 2, attitude: 3, quality: 3 }, comment: "窗口让我跑了两趟才收齐材料。" });
    expect(view.abilities.evaluate).toBe(false);
    expect(view.expectedOfApplicant).toBeNull();

    // The work order reaches the department head with a reply date; the head answers under their name.
    const head = await as("department-head");
    const orders = (await head.inject({ method: "GET", url: "/api/complaints?status=open" })).json().items;
    const order = orders.find((o: { id: string }) => o.id === bad.json().workOrderId);
    expect(order).toMatchObject({ kind: "evaluation", caseId: id, status: "open", canReply: true, replyDueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const replied = await head.inject({ method: "POST", url: `/api/complaints/${order.id}/reply`, payload: { text: "已约谈窗口人员，今后一次性告知所需材料。" } });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({ status: "replied", reply: { by: staffWith("department-head", D).name }, canReply: false });
    const mine = (await applicant.inject({ method: "GET", url: `/api/complaints/${order.id}` })).json();
    expect(mine.reply.text).toBe("已约谈窗口人员，今后一次性告知所需材料。");

    // The figures: the dashboard and the department's public page.
    const supervisor = await t.login("supervisor");
    const stats = (await supervisor.inject({ method: "GET", url: "/api/supervision/stats" })).json().items;
    const dept = stats.find((s: { department: { id: string } }) => s.department.id === view.item.department.id);
    expect(dept.evaluations).toEqual({ count: 1, averageLevel: 2, satisfactionRate: 0, dissatisfied: 1 });
    const good = await closedCase(applicant);
    expect((await applicant.inject({ method: "POST", url: `/api/cases/${good}/evaluation`, payload: { level: 5 } })).json().workOrderId).toBeNull();
    const page = (await t.request({ method: "GET", url: `/api/public/departments/${view.item.department.id}` })).json();
    expect(page.figures).toMatchObject({ satisfaction: 0.5, evaluations: 2, closed: 2 });
    expect(page.figures.monthly).toEqual([{ month: "2026-11", closed: 2, onTime: 2 }]);
  });
});

describe("complaints (R33)", () => {
  it("an applicant complains about a case or a department; the head or admin replies by the date, once", async () => {
    const applicant = await t.login(applicantOf("person", 2).phone);
    const caseId = await w.apply("YB-JTYS-001", applicant);
    const filed = await applicant.inject({ method: "POST", url: "/api/complaints", payload: { subject: "受理太慢", text: "提交三天了还没有受理。", caseId } });
    expect(filed.statusCode, filed.body).toBe(201);
    // Filed on Friday 2026-11-27 (the test epoch): five working days later.
    expect(filed.json()).toEqual({ id: expect.any(String), replyDueDate: "2026-12-04" });
    expect((await applicant.inject({ method: "POST", url: "/api/complaints", payload: { subject: "泛泛而谈", text: "不知道找哪个部门。" } })).json().error.code).toBe("COMPLAINT_TARGET_REQUIRED");
    // Someone else's case: 404; staff cannot file: 403; nobody logged in: 401.
    const other = await t.login(applicantOf("person", 1).phone);
    expect((await other.inject({ method: "POST", url: "/api/complaints", payload: { subject: "受理太慢", text: "提交三天了还没有受理。", caseId } })).statusCode).toBe(404);
    expect((await (await as("clerk")).inject({ method: "POST", url: "/api/complaints", payload: { subject: "测试投诉", text: "测试投诉内容。", caseId } })).statusCode).toBe(403);
    expect((await t.request({ method: "POST", url: "/api/complaints", payload: { subject: "测试投诉", text: "测试投诉内容。", caseId } })).statusCode).toBe(401);

    const id = filed.json().id;
    // Visibility: the applicant, the department's head, the supervisor; not another department or applicant.
    expect((await other.inject({ method: "GET", url: `/api/complaints/${id}` })).statusCode).toBe(404);
    expect((await (await as("department-head", "cq-ghzrzyj")).inject({ method: "GET", url: `/api/complaints/${id}` })).statusCode).toBe(404);
    expect((await (await t.login("supervisor")).inject({ method: "GET", url: `/api/complaints/${id}` })).json()).toMatchObject({ canReply: false, status: "open" });
    // A handler may see the case but does not answer complaints.
    expect((await (await as("handler")).inject({ method: "GET", url: "/api/complaints" })).statusCode).toBe(403);
    expect((await (await as("handler")).inject({ method: "POST", url: `/api/complaints/${id}/reply`, payload: { text: "我们会尽快处理。" } })).statusCode).toBe(404);

    // Late by the calendar: overdue shows; the reply still goes through, once.
    t.platform.clock!.set(new Date("2026-12-07T02:00:00Z"));
    const admin = await as("department-admin");
    expect((await admin.inject({ method: "GET", url: "/api/complaints?status=open" })).json().items.find((c: { id: string }) => c.id === id)).toMatchObject({ overdue: true });
    expect((await admin.inject({ method: "POST", url: `/api/complaints/${id}/reply`, payload: { text: "短" } })).statusCode).toBe(400);
    const reply = await admin.inject({ method: "POST", url: `/api/complaints/${id}/reply`, payload: { text: "已于当日受理，并向申请人致歉。" } });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.json()).toMatchObject({ status: "replied", overdue: true });
    expect((await admin.inject({ method: "POST", url: `/api/complaints/${id}/reply`, payload: { text: "再次答复内容。" } })).json().error.code).toBe("COMPLAINT_REPLIED");
    const list = (await applicant.inject({ method: "GET", url: "/api/complaints" })).json().items;
    expect(list).toEqual([expect.objectContaining({ id, status: "replied", reply: expect.objectContaining({ by: staffWith("department-admin", D).name }) })]);
    const inbox = (await applicant.inject({ method: "GET", url: "/api/inbox" })).json().items;
    expect(inbox.some((m: { title: string }) => m.title.includes("受理太慢"))).toBe(true);
  });
});
