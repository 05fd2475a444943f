import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

// The applicant is told of every event of the case in the in-app inbox and by SMS, in the language
// they read (R25, R34): one template per event (server/src/platform/applicantNotices.ts).

let t: TestPlatform;
let w: WorkflowDriver;
beforeAll(async () => {
  t = await startPlatform();
  w = new WorkflowDriver(t);
});
afterAll(async () => t?.close());

type Message = { title: string; text: string; caseId?: string };
const inboxOf = async (s: Session, caseId: string): Promise<Message[]> =>
  ((await s.inject({ method: "GET", url: "/api/inbox" })).json().items as Message[]).filter((m) => m.caseId === caseId);
const smsTo = async (phone: string): Promise<string[]> => (await t.request({ method: "GET", url: `/api/dev/outbox?to=${phone}` })).json().items.map((m: { text: string }) => m.text);

describe("the applicant is told of every event, in their language", () => {
  it("in Chinese: submitted with the reference number, accepted with the code and the due date, suspended with its kind, resumed, extended, approved, collected", async () => {
    const person = applicantOf("person", 1);
    const applicant = await t.login(person.phone);
    const id = await w.apply("YB-SCJG-001", applicant);
    const submitted = await w.view(applicant, id);
    expect((await inboxOf(applicant, id)).map((m) => m.title)).toEqual(["申请已提交"]);
    expect((await inboxOf(applicant, id))[0]!.text).toContain(submitted.referenceNo);

    const clerk = await t.login(staffWith("clerk", "500112-scjgj").username);
    expect((await clerk.inject({ method: "POST", url: `/api/cases/${id}/accept` })).statusCode).toBe(200);
    const accepted = await w.view(applicant, id);
    const acceptedMsg = (await inboxOf(applicant, id)).find((m) => m.title === "申请已受理")!;
    expect(acceptedMsg.text).toContain(accepted.supervisionCode);
    expect(acceptedMsg.text).toContain(accepted.deadline.dueDate);
    // The same words by SMS, with the platform's signature.
    expect(await smsTo(person.phone)).toContain(`【重庆市网上行政审批平台】${acceptedMsg.text}`);

    const head = await t.login(staffWith("department-head", "500112-scjgj").username);
    const susp = await head.inject({ method: "POST", url: `/api/cases/${id}/suspensions`, payload: { kind: "inspection", reason: "等待现场核查", expectedWorkingDays: 3 } });
    expect(susp.statusCode, susp.body).toBe(201);
    const suspended = (await inboxOf(applicant, id)).find((m) => m.title === "办理期限中止")!;
    expect(suspended.text).toContain("检验");
    expect(suspended.text).toContain("3个工作日");
    const ended = await head.inject({ method: "POST", url: `/api/cases/${id}/suspensions/${susp.json().id}/end` });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await inboxOf(applicant, id)).map((m) => m.title)).toContain("办理恢复计时");

    const ext = await head.inject({ method: "POST", url: `/api/cases/${id}/extensions`, payload: { workingDays: 2, reason: "需组织专家评审" } });
    expect(ext.statusCode, ext.body).toBe(201);
    const extended = (await inboxOf(applicant, id)).find((m) => m.title === "办理期限延长")!;
    expect(extended.text).toContain((await w.view(applicant, id)).deadline.dueDate);
    expect(extended.text).toContain("需组织专家评审");
  });

  it("in English for an applicant who reads English: the same events in English, SMS too", async () => {
    const person = applicantOf("person", 2);
    const applicant = await t.login(person.phone);
    expect((await applicant.inject({ method: "PUT", url: "/api/me/language", payload: { lang: "en" } })).statusCode).toBe(200);
    const id = await w.apply("YB-SCJG-001", applicant);
    const clerk = await t.login(staffWith("clerk", "500112-scjgj").username);
    const notice = await clerk.inject({ method: "POST", url: `/api/cases/${id}/supplement-notice`, payload: { items: [{ reason: "营业执照复印件不清晰，请重新上传" }] } });
    expect(notice.statusCode, notice.body).toBe(200);
    const messages = await inboxOf(applicant, id);
    expect(messages.map((m) => m.title)).toEqual(expect.arrayContaining(["Application submitted", "Please supplement your application"]));
    expect(messages.find((m) => m.title === "Please supplement your application")!.text).toContain("1 item(s)");
    expect((await smsTo(person.phone)).some((s) => s.startsWith("[Chongqing Online Approval] Your application"))).toBe(true);
  });

  it("by mail too where the applicant gave an address; each public step once", async () => {
    const person = applicantOf("organization", 0);
    const applicant = await t.login(person.phone);
    const bad = await applicant.inject({ method: "PUT", url: "/api/me/email", payload: { email: "not an address" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toContain("not an address");
    const email = "zhang.san@example.cn";
    const set = await applicant.inject({ method: "PUT", url: "/api/me/email", payload: { email } });
    expect(set.statusCode, set.body).toBe(200);
    expect((await applicant.inject({ method: "GET", url: "/api/me" })).json()).toMatchObject({ email, phoneMasked: expect.stringMatching(/^1\d{2}\*{4}\d{4}$/) });
    // Stored sealed, and audited without the address.
    const row = await t.db.selectFrom("users").select("email").where("email", "is not", null).execute();
    expect(row.every((r) => !r.email!.includes("@"))).toBe(true);
    const audit = await t.db.selectFrom("audit_log").select("new_values").where("action", "=", "user.email").execute();
    expect(JSON.stringify(audit)).not.toContain(email);

    const id = await w.apply("YB-SCJG-001", applicant);
    const clerk = await t.login(staffWith("clerk", "500112-scjgj").username);
    expect((await clerk.inject({ method: "POST", url: `/api/cases/${id}/accept` })).statusCode).toBe(200);
    const mails = (await t.db.selectFrom("outbox").select(["subject", "text", "channel", "to_index"]).where("channel", "=", "email").execute()).filter((m) => m.subject?.includes("申请已受理"));
    expect(mails).toHaveLength(1);
    expect((await t.request({ method: "GET", url: `/api/dev/outbox?to=${email}` })).json().items.length).toBeGreaterThanOrEqual(2);

    const handler = await t.login(staffWith("handler", "500112-scjgj").username);
    await w.complete(handler, (await w.openTask(handler, id, "review")).id);
    const steps = (await inboxOf(applicant, id)).filter((m) => m.title.startsWith("办理进度"));
    expect(steps).toHaveLength(1);
    expect(steps[0]!.text).toMatch(/已完成“.+”环节，进入“.+”环节/);

    // Removing the address stops the mails.
    expect((await applicant.inject({ method: "PUT", url: "/api/me/email", payload: { email: null } })).json()).toEqual({ email: null });
    expect((await applicant.inject({ method: "GET", url: "/api/me" })).json().email).toBeNull();
  });
});
