import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

// 送达方式: the applicant chooses how to receive the result (pick-up, mail with an address,
// electronic) until the decision; staff see the choice in the case file; the decision notice says
// how the result will come; one who chose pick-up is told once when it is ready.

const D = "500112-jtysw";
const ITEM = "YB-JTYS-001";
const MAIL = { method: "mail", recipientName: "陈晓燕", phone: "13912345678", address: "重庆市渝北区龙溪街道金山路18号3单元502" };

let t: TestPlatform;
let w: WorkflowDriver;
beforeAll(async () => {
  t = await startPlatform();
  w = new WorkflowDriver(t);
});
afterAll(async () => t?.close());

const staff = (role: Parameters<typeof staffWith>[0]) => t.login(staffWith(role, D).username);
const choose = (s: Session, id: string, body: unknown) => s.inject({ method: "PUT", url: `/api/cases/${id}/delivery-choice`, payload: body });
type Message = { title: string; text: string; caseId?: string };
const inboxOf = async (s: Session, caseId: string): Promise<Message[]> =>
  ((await s.inject({ method: "GET", url: "/api/inbox" })).json().items as Message[]).filter((m) => m.caseId === caseId);
const smsTo = async (phone: string): Promise<string[]> => (await t.request({ method: "GET", url: `/api/dev/outbox?to=${phone}` })).json().items.map((m: { text: string }) => m.text);

/** Accepted and through both reviews: the decision is next. */
async function toDecision(id: string): Promise<void> {
  expect((await (await staff("clerk")).inject({ method: "POST", url: `/api/cases/${id}/accept` })).statusCode).toBe(200);
  const handler = await staff("handler");
  await w.complete(handler, (await w.openTask(handler, id, "review")).id);
  const reviewer = await staff("reviewer");
  await w.complete(reviewer, (await w.openTask(reviewer, id, "review")).id);
}
const decide = async (id: string, result: "approved" | "denied" = "approved") => {
  const res = await (await staff("decider")).inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result, ...(result === "denied" ? { reasons: "车辆技术条件不符合要求。" } : {}) } });
  expect(res.statusCode, res.body).toBe(200);
};

describe("the applicant chooses how to receive the result", () => {
  it("mail with an address → staff see it → pick-up instead → decision → no more change; ready for pick-up told once, in English", async () => {
    const person = applicantOf("person", 0);
    const applicant = await t.login(person.phone);
    expect((await applicant.inject({ method: "PUT", url: "/api/me/language", payload: { lang: "en" } })).statusCode).toBe(200);
    const id = await w.apply(ITEM, applicant);
    expect((await w.view(applicant, id)).abilities.chooseDelivery).toBe(true);

    const mailed = await choose(applicant, id, MAIL);
    expect(mailed.statusCode, mailed.body).toBe(200);
    expect(mailed.json().method).toBe("mail");
    const mine = await w.view(applicant, id);
    expect(mine.deliveryChoice).toMatchObject({ method: "mail", recipientName: "陈晓燕", phone: MAIL.phone, address: MAIL.address });
    expect(mine.pickupPlace).toMatchObject({ name: "渝北区政务服务中心", address: "重庆市渝北区双龙大道108号" });

    // The window that mails the result sees the details in full; other staff the method, a masked phone and no address.
    const clerkView = await w.view(await staff("clerk"), id);
    expect(clerkView.deliveryChoice).toMatchObject({ method: "mail", phone: MAIL.phone, address: MAIL.address });
    expect(clerkView.abilities.chooseDelivery).toBe(false);
    const handlerView = await w.view(await staff("handler"), id);
    expect(handlerView.deliveryChoice.method).toBe("mail");
    expect(handlerView.deliveryChoice.address).toBeUndefined();
    expect(handlerView.deliveryChoice.phone).not.toBe(MAIL.phone);

    // Stored sealed: neither the phone nor the address is in the database in the clear.
    const stored = await sql<{ r: string }>`select row_to_json(x)::text as r from delivery_choices x where case_id = ${id}`.execute(t.db);
    expect(stored.rows[0]!.r).not.toContain(MAIL.phone);
    expect(stored.rows[0]!.r).not.toContain("金山路");
    const audit = await sql<{ r: string }>`select row_to_json(x)::text as r from audit_log x where action = 'case.delivery-chosen'`.execute(t.db);
    expect(audit.rows.map((r) => r.r).join("\n")).not.toContain(MAIL.phone);

    const pickup = await choose(applicant, id, { method: "pickup" });
    expect(pickup.statusCode, pickup.body).toBe(200);
    expect((await w.view(applicant, id)).deliveryChoice).toEqual(expect.objectContaining({ method: "pickup" }));
    expect((await w.view(applicant, id)).deliveryChoice.address).toBeUndefined();

    await toDecision(id);
    await decide(id);
    const approved = (await inboxOf(applicant, id)).find((m) => m.title === "Approved")!;
    expect(approved.text).toContain("You chose to collect it");
    expect(approved.text).not.toContain("Choose on the platform");

    const late = await choose(applicant, id, { method: "electronic" });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("DELIVERY_CHOICE_CLOSED");
    expect((await w.view(applicant, id)).abilities.chooseDelivery).toBe(false);

    // Ready for pick-up: once in the inbox, once by SMS, in English, with where to go and what to bring.
    const ready = (await inboxOf(applicant, id)).filter((m) => m.title === "Ready for pick-up");
    expect(ready).toHaveLength(1);
    expect(ready[0]!.text).toContain("渝北区政务服务中心");
    expect(ready[0]!.text).toContain("ID document");
    const sms = (await smsTo(person.phone)).filter((s) => s.includes("is ready. Collect it at"));
    expect(sms).toHaveLength(1);
    expect(sms[0]).toBe(`[Chongqing Online Approval] ${ready[0]!.text}`);

    // The clerk delivers at the hall; nothing more is said about readiness.
    const delivered = await (await staff("clerk")).inject({ method: "POST", url: `/api/cases/${id}/deliver`, payload: { method: "pickup", idChecked: true, recipientName: "陈晓燕" } });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect((await inboxOf(applicant, id)).filter((m) => m.title === "Ready for pick-up")).toHaveLength(1);
    expect((await choose(applicant, id, { method: "pickup" })).statusCode).toBe(409);
  });

  it("without a choice, the decision notice asks for one; a first choice after the decision is still taken once", async () => {
    const person = applicantOf("person", 1);
    const applicant = await t.login(person.phone);
    const id = await w.apply(ITEM, applicant);
    await toDecision(id);
    await decide(id, "denied");
    const denied = (await inboxOf(applicant, id)).find((m) => m.title === "不予许可")!;
    expect(denied.text).toContain("请登录平台选择送达方式");
    expect((await w.view(applicant, id)).abilities.chooseDelivery).toBe(true);

    expect((await choose(applicant, id, { method: "pickup" })).statusCode).toBe(200);
    const ready = (await inboxOf(applicant, id)).filter((m) => m.title === "结果可以领取");
    expect(ready).toHaveLength(1);
    expect(ready[0]!.text).toContain("身份证件");
    expect((await smsTo(person.phone)).filter((s) => s.includes("的结果已可领取"))).toHaveLength(1);
    const again = await choose(applicant, id, { method: "electronic" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("DELIVERY_CHOICE_CLOSED");
  });

  it("the clerk mails the result with the tracking number; the applicant reads it", async () => {
    const person = applicantOf("person", 2);
    const applicant = await t.login(person.phone);
    const id = await w.apply(ITEM, applicant);
    expect((await choose(applicant, id, MAIL)).statusCode).toBe(200);
    await toDecision(id);
    await decide(id);
    expect((await inboxOf(applicant, id)).find((m) => m.title === "准予许可")!.text).toContain("您选择邮寄送达");
    expect((await inboxOf(applicant, id)).some((m) => m.title === "结果可以领取")).toBe(false);
    const clerk = await staff("clerk");
    const choice = (await w.view(clerk, id)).deliveryChoice;
    const res = await clerk.inject({ method: "POST", url: `/api/cases/${id}/deliver`, payload: { method: "mail", address: choice.address, recipientName: choice.recipientName, trackingNo: "SF1234567890" } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await inboxOf(applicant, id)).find((m) => m.title === "已邮寄")!.text).toContain("SF1234567890");
    const stored = await sql<{ r: string }>`select row_to_json(x)::text as r from deliveries x where case_id = ${id}`.execute(t.db);
    expect(stored.rows[0]!.r).not.toContain("金山路");
  });

  it("refuses an incomplete or invalid mailing address or phone with 422, a stranger's case with 404, staff with 403", async () => {
    const applicant = await t.login(applicantOf("person", 0).phone);
    const id = await w.apply(ITEM, applicant);
    for (const [body, fields] of [
      [{ ...MAIL, phone: "12345" }, ["phone"]],
      [{ ...MAIL, address: "金山路" }, ["address"]],
      [{ ...MAIL, address: "12345678901" }, ["address"]],
      [{ method: "mail" }, ["recipientName", "phone", "address"]],
    ] as const) {
      const res = await choose(applicant, id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().error.code).toBe("DELIVERY_DETAILS_INVALID");
      expect(res.json().error.details.fields).toEqual(fields);
      expect(res.body).not.toContain("12345678901");
    }
    expect((await choose(applicant, id, { ...MAIL, phone: "023-67821880" })).statusCode).toBe(200);
    expect((await choose(applicant, id, { method: "by-pigeon" })).statusCode).toBe(400);

    const stranger = await t.login(applicantOf("person", 1).phone);
    const res = await choose(stranger, id, { method: "pickup" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("CASE_NOT_FOUND");
    expect((await choose(await staff("clerk"), id, { method: "pickup" })).statusCode).toBe(403);
    expect((await w.view(applicant, id)).deliveryChoice.method).toBe("mail");
  });
});
