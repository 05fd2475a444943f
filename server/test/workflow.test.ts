import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../src/platform/ids.ts";
import { multipart, type Session, expectKeptViewsCurrent, startPlatform, type TestPlatform, tinyPdf, sampleFormValue } from "./helpers.ts";
import { demoData, staffWith } from "./fixtures.ts";
import { applicantOf, deptName, WorkflowDriver } from "./workflowDriver.ts";

let t: TestPlatform;
let w: WorkflowDriver;
const sessions = new Map<string, Session>();
async function as(username: string): Promise<Session> {
  if (!sessions.has(username)) sessions.set(username, await t.login(username));
  return sessions.get(username)!;
}
const staff = (role: Parameters<typeof staffWith>[0], dept: string) => as(staffWith(role, dept).username);

beforeAll(async () => {
  t = await startPlatform();
  w = new WorkflowDriver(t);
});
afterAll(async () => t.close());

describe("a single-department case from acceptance to hand-over", () => {
  it("review → audit → decision → pickup, with the applicant watching", async () => {
    const D = "500112-jtysw";
    const applicant = await as(applicantOf("person").phone);
    const id = await w.apply("YB-JTYS-001", applicant);
    const accepted = await (await staff("clerk", D)).inject({ method: "POST", url: `/api/cases/${id}/accept` });
    expect(accepted.json().status).toBe("in_progress");

    const handler = await staff("handler", D);
    const review = await w.openTask(handler, id, "review");
    expect(review.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(review.abilities).toEqual({ claim: true, complete: true });
    // The worklist shows it to the handler, with its light.
    const list = (await handler.inject({ method: "GET", url: "/api/worklist" })).json().items;
    // Accepted on Friday 2026-11-27 with one working day for the review: due Monday 11-30, green the day
    // it opens (not yellow at once), yellow on Monday, its last day.
    expect(review.dueDate).toBe("2026-11-30");
    expect(list.find((i: { taskId?: string }) => i.taskId === review.id)).toMatchObject({ kind: "review", dueDate: "2026-11-30", light: "green" });

    // Deciding now is too early; completing the decide step through /complete is not the way either.
    const decider = await staff("decider", D);
    expect((await decider.inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved" } })).statusCode).toBe(409);

    expect((await handler.inject({ method: "POST", url: `/api/tasks/${review.id}/claim` })).statusCode).toBe(200);
    // Someone else in the department cannot complete what the handler signed for.
    const reviewer = await staff("reviewer", D);
    expect((await reviewer.inject({ method: "POST", url: `/api/tasks/${review.id}/complete`, payload: { outcome: "pass", opinion: "x" } })).statusCode).toBe(403);
    await w.complete(handler, review.id, { outcome: "pass", opinion: "申请材料齐全，车辆和驾驶人条件符合《道路运输条例》第二十二条。" });
    // Acting twice: 409, and nothing changes.
    const twice = await handler.inject({ method: "POST", url: `/api/tasks/${review.id}/complete`, payload: { outcome: "pass", opinion: "again" } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("TASK_ALREADY_DONE");

    const audit = await w.openTask(reviewer, id, "review");
    expect(audit.name).not.toBe(review.name);
    await w.complete(reviewer, audit.id, { outcome: "pass", opinion: "同意承办意见。" });

    const decide = await w.openTask(decider, id, "decide");
    const viaComplete = await decider.inject({ method: "POST", url: `/api/tasks/${decide.id}/complete`, payload: { outcome: "pass", opinion: "准予" } });
    expect(viaComplete.statusCode).toBe(409);
    expect(viaComplete.json().error.code).toBe("TASK_NEEDS_COMMAND");
    // Only the decider decides.
    expect((await handler.inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved" } })).statusCode).toBe(403);
    const decision = await decider.inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved" } });
    expect(decision.statusCode, decision.body).toBe(200);
    expect(decision.json().status).toBe("decided");
    const [cert] = decision.json().certificates;
    expect(cert.certificateNo).toMatch(/^[A-HJKMNP-TV-Y]{2,4}-500112[0-9A-HJKMNP-TV-Y]{3}-\d{4}-[0-9A-HJKMNP-TV-Y]{5}-[0-9A-HJKMNP-TV-Y]{6}$/);
    expect((await decider.inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved" } })).statusCode).toBe(409);

    // The certificate verifies publicly, with the holder masked.
    const verify = await t.request({ method: "GET", url: `/api/public/certificates/${cert.certificateNo}` });
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ certificateNo: cert.certificateNo, status: "valid", signatureValid: true });
    expect(verify.json().holder).not.toBe(applicantOf("person").name);

    const clerk = await staff("clerk", D);
    const noId = await clerk.inject({ method: "POST", url: `/api/cases/${id}/deliver`, payload: { method: "pickup" } });
    expect(noId.statusCode).toBe(422);
    expect(noId.json().error.code).toBe("ID_CHECK_REQUIRED");
    const delivered = await clerk.inject({ method: "POST", url: `/api/cases/${id}/deliver`, payload: { method: "pickup", idChecked: true, recipientName: applicantOf("person").name } });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json()).toEqual({ status: "closed" });

    // The applicant's view: every public step with department and date; no opinions, no staff names.
    const view = await w.view(applicant, id);
    expect(view).toMatchObject({ status: "closed", result: "approved", expectedOfApplicant: "evaluate" });
    const kinds = view.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["submitted", "accepted", "step-opened", "task-completed", "decided", "delivered"]));
    for (const e of view.timeline) {
      expect(e.at).toBeTruthy();
      expect(e.department).toBe(deptName(D));
    }
    expect(JSON.stringify(view)).not.toContain("同意承办意见");
    expect(view.tasks.every((x: { opinion?: string }) => x.opinion === undefined)).toBe(true);
    expect(view.documents.map((d: { kind: string }) => d.kind)).toEqual(["acceptance-notice", "certificate", "approval-decision"]);

    const progress = (await t.request({ method: "GET", url: `/api/public/progress/${view.supervisionCode}` })).json();
    expect(progress.status).toBe("closed");
    expect(progress.steps.every((s: { status: string }) => s.status === "done")).toBe(true);
    // The library holds it for the applicant.
    const mine = (await applicant.inject({ method: "GET", url: "/api/certificates?holder=me" })).json().items;
    expect(mine.map((c: { certificateNo: string }) => c.certificateNo)).toContain(cert.certificateNo);
  });
});

describe("a multi-department case", () => {
  it("co-handle, a supplement round with re-review, an offline record, a return, and delivery of several results", async () => {
    const LEAD = "cq-wsjkw";
    const ASSIST = "cq-sthjj";
    const applicant = await as(applicantOf("organization").phone);
    const id = await w.apply("CQ-WSJK-001", applicant);
    await (await staff("clerk", LEAD)).inject({ method: "POST", url: `/api/cases/${id}/accept` });

    const handler = await staff("handler", LEAD);
    await w.complete(handler, (await w.openTask(handler, id, "review")).id);

    // The assisting department signs for its co-handle task and reads the shared materials itself.
    const assist = await staff("handler", ASSIST);
    const co = await w.openTask(assist, id, "co-handle");
    expect(co.department.name).toBe(deptName(ASSIST));
    expect((await assist.inject({ method: "POST", url: `/api/tasks/${co.id}/claim` })).json().status).toBe("claimed");
    const shared = await w.view(assist, id);
    const anUpload = shared.materials.find((m: { uploads: unknown[] }) => m.uploads.length).uploads[0];
    expect((await assist.inject({ method: "GET", url: anUpload.url })).statusCode).toBe(200);
    // The assisting department cannot return the case: it gives its opinion.
    const ret = await assist.inject({ method: "POST", url: `/api/tasks/${co.id}/complete`, payload: { outcome: "return", opinion: "退回" } });
    expect(ret.statusCode).toBe(422);
    await w.complete(assist, co.id, { outcome: "pass", opinion: "辐射防护设施符合要求，同意。" });

    // Paper originals travel labelled with the supervision code; every hand-over is registered.
    const leadId = shared.item.department.id;
    const ho = await handler.inject({
      method: "POST",
      url: `/api/cases/${id}/handovers`,
      payload: { items: ["放射诊疗设备清单（原件）", "辐射防护检测报告（原件）"], fromDepartmentId: leadId, toDepartmentId: co.department.id },
    });
    expect(ho.statusCode, ho.body).toBe(201);
    expect(ho.json().label).toBe(shared.supervisionCode);
    expect((await handler.inject({ method: "POST", url: `/api/handovers/${ho.json().id}/receive` })).statusCode).toBe(403);
    expect((await assist.inject({ method: "POST", url: `/api/handovers/${ho.json().id}/receive` })).statusCode).toBe(200);
    expect((await assist.inject({ method: "POST", url: `/api/handovers/${ho.json().id}/receive` })).statusCode).toBe(409);
    const withHandover = await w.view(handler, id);
    expect(withHandover.handovers[0]).toMatchObject({ label: shared.supervisionCode, from: { id: leadId }, to: { id: co.department.id }, receivedAt: expect.any(String) });

    // The lead handler finds a wrong material during the site review: one notice lists everything.
    const site = await w.openTask(handler, id, "offline");
    const guide = await w.guide("CQ-WSJK-001");
    const [m1, m2] = guide.materials.filter((m: { required: boolean }) => m.required);
    const notice = await handler.inject({
      method: "POST",
      url: `/api/cases/${id}/supplement-notice`,
      payload: { items: [{ materialId: m1.id, reason: "平面图未标注放射科防护区域" }, { materialId: m2.id, reason: "产权证明已过期" }] },
    });
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.json().status).toBe("supplement_requested");
    const second = await handler.inject({ method: "POST", url: `/api/cases/${id}/supplement-notice`, payload: { items: [{ reason: "再补一项" }] } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("SUPPLEMENT_ALREADY_REQUESTED");
    // While waiting for the applicant, the task is off the worklist and cannot be completed.
    expect((await handler.inject({ method: "POST", url: `/api/tasks/${site.id}/complete`, payload: { outcome: "pass", opinion: "x", record: { procedure: "现场审核", course: "x", result: "x" } } })).statusCode).toBe(409);

    const view = await w.view(applicant, id);
    expect(view.expectedOfApplicant).toBe("supplement");
    expect(view.supplementNotices[0].items).toHaveLength(2);
    // Supplementing only one of the two is refused, naming the other.
    await w.upload(applicant, id, m1.id);
    // The rejected file is no longer a current file beside its replacement; the other named material's
    // rejected file may be withdrawn before its replacement is given; a material the notice does not
    // name keeps its reviewed file.
    type Upload = { id: string; round: number; removable?: boolean; superseded?: boolean };
    type Mat = { materialId: string; uploads: Upload[] };
    const mine = (await w.view(applicant, id)).materials as Mat[];
    const m1Now = mine.find((m) => m.materialId === m1.id)!.uploads;
    expect(m1Now).toHaveLength(1);
    expect(m1Now[0]).toMatchObject({ removable: true });
    expect(m1Now[0]!.superseded).toBeUndefined();
    const rejected = mine.find((m) => m.materialId === m2.id)!.uploads[0]!;
    expect(rejected.removable).toBe(true);
    const unnamed = mine.find((m) => m.materialId !== m1.id && m.materialId !== m2.id && m.uploads.length > 0)?.uploads[0];
    if (unnamed) {
      expect(unnamed.removable).toBeUndefined();
      expect((await applicant.inject({ method: "DELETE", url: `/api/cases/${id}/materials/${unnamed.id}` })).statusCode).toBe(409);
    }
    expect((await applicant.inject({ method: "DELETE", url: `/api/cases/${id}/materials/${rejected.id}` })).statusCode).toBe(204);
    const staffSees = ((await w.view(handler, id)).materials as Mat[]).find((m) => m.materialId === m1.id)!.uploads;
    expect(staffSees.map((u) => Boolean(u.superseded)).sort()).toEqual([false, true]);
    const partial = await applicant.inject({ method: "POST", url: `/api/cases/${id}/supplements` });
    expect(partial.statusCode).toBe(422);
    expect(partial.json().error.details.missing).toEqual([{ materialId: m2.id, name: m2.name }]);
    await w.upload(applicant, id, m2.id);
    const supplemented = await applicant.inject({ method: "POST", url: `/api/cases/${id}/supplements` });
    expect(supplemented.json()).toEqual({ status: "in_progress" });

    // The assisting department that had already reviewed is asked to review again.
    const again = await w.openTask(assist, id, "co-handle");
    expect(again.id).not.toBe(co.id);
    const inbox = (await assist.inject({ method: "GET", url: "/api/inbox" })).json().items;
    expect(inbox.some((m: { caseId?: string }) => m.caseId === id)).toBe(true);

    // An offline step needs its course and result recorded.
    const noRecord = await handler.inject({ method: "POST", url: `/api/tasks/${site.id}/complete`, payload: { outcome: "pass", opinion: "合格" } });
    expect(noRecord.statusCode).toBe(422);
    await w.complete(handler, site.id, {
      outcome: "pass",
      opinion: "现场审核合格。",
      record: { procedure: "现场审核", course: "2026年11月30日，两名工作人员到场核查诊疗科室设置和放射防护。", result: "符合设置审批要求", participants: "王伟、李娜" },
    });
    // The audit step waits for the re-review.
    expect((await w.tasks(handler, id)).some((x) => x.kind === "review" && x.status === "open" && x.name !== "review")).toBe(false);
    await w.complete(assist, again.id, { outcome: "pass", opinion: "补正后的平面图已标注防护区域，同意。" });

    // The reviewer returns the case to the site review; it comes back and passes.
    const reviewer = await staff("reviewer", LEAD);
    const audit = await w.openTask(reviewer, id, "review");
    await w.complete(reviewer, audit.id, { outcome: "return", opinion: "现场审核记录缺少设备清单，请补充后重新提交。" });
    const site2 = await w.openTask(handler, id, "offline");
    await w.complete(handler, site2.id, {
      outcome: "pass",
      opinion: "已补充设备清单。",
      record: { procedure: "现场审核", course: "补充核查设备清单", result: "符合要求" },
    });
    await w.complete(reviewer, (await w.openTask(reviewer, id, "review")).id, { outcome: "pass", opinion: "同意。" });

    // The lead department sees every department's opinion before deciding.
    const decider = await staff("decider", LEAD);
    const file = await w.view(decider, id);
    const opinions = file.tasks.filter((x: { opinion?: string }) => x.opinion).map((x: { department: { name: string } }) => x.department.name);
    expect(opinions).toEqual(expect.arrayContaining([deptName(LEAD), deptName(ASSIST)]));
    expect(file.records.some((r: { kind: string }) => r.kind === "offline")).toBe(true);
    expect(file.abilities.decide).toBe(true);
    const decision = await decider.inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved" } });
    expect(decision.statusCode, decision.body).toBe(200);

    // Delivery waits for the assisting department's own licence, then hands both over at once.
    const clerk = await staff("clerk", LEAD);
    const early = await clerk.inject({ method: "POST", url: `/api/cases/${id}/deliver`, payload: { method: "electronic" } });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe("RESULTS_PENDING");
    const assistDecider = await staff("decider", ASSIST);
    // Only the assisting department's decider is offered its own result.
    const offered = (await w.view(assistDecider, id)).abilities.resultFor as string[];
    expect(offered).toHaveLength(1);
    expect((await w.view(decider, id)).abilities.resultFor).toEqual([]);
    const result = await assistDecider.inject({
      method: "POST",
      url: `/api/cases/${id}/results`,
      payload: { departmentId: (await w.view(assistDecider, id)).tasks.find((x: { kind: string }) => x.kind === "co-handle").department.id, result: "approved", certificateType: "radiation-safety-license", certificateName: "辐射安全许可证", validYears: 5 },
    });
    expect(result.statusCode, result.body).toBe(201);
    expect((await w.view(assistDecider, id)).abilities.resultFor).toEqual([]);
    const mail = await clerk.inject({ method: "POST", url: `/api/cases/${id}/deliver`, payload: { method: "mail", address: "重庆市渝中区" } });
    expect(mail.json().error.code).toBe("MAIL_DETAILS_REQUIRED");
    const done = await clerk.inject({ method: "POST", url: `/api/cases/${id}/deliver`, payload: { method: "mail", address: "重庆市渝中区解放碑路1号", trackingNo: "SF1234567890" } });
    expect(done.statusCode, done.body).toBe(200);
    const final = await w.view(applicant, id);
    expect(final.results).toHaveLength(2);
    expect(final.results.every((r: { certificateNo?: string }) => r.certificateNo)).toBe(true);
    expect(final.delivery).toMatchObject({ method: "mail", trackingNo: "SF1234567890" });
  });
});

describe("city–district joint handling and a denial", () => {
  it("pushes to the city counterpart, gets the result back, then denies with the applicant's rights", async () => {
    const D = "500112-scjgj";
    const applicant = await as(applicantOf("person", 1).phone);
    const id = await w.apply("YB-SCJG-002", applicant);
    await (await staff("clerk", D)).inject({ method: "POST", url: `/api/cases/${id}/accept` });
    await w.complete(await staff("handler", D), (await w.openTask(await staff("handler", D), id, "review")).id);
    const reviewer = await staff("reviewer", D);
    await w.complete(reviewer, (await w.openTask(reviewer, id, "review")).id);

    // The city bureau sees the pushed part, and only that department's staff can act on it.
    const city = await staff("handler", "cq-scjgj");
    const push = await w.openTask(city, id, "push");
    expect(push.department.name).toBe(deptName("cq-scjgj"));
    const otherCity = await staff("handler", "cq-sthjj");
    expect((await otherCity.inject({ method: "POST", url: `/api/tasks/${push.id}/claim` })).statusCode).toBe(404);
    await w.complete(city, push.id, { outcome: "fail", opinion: "经核查，该设备制造单位许可证已注销，不予赋码。" });
    const leadInbox = (await (await staff("clerk", D)).inject({ method: "GET", url: "/api/inbox" })).json().items;
    expect(leadInbox.some((m: { title: string; caseId?: string }) => m.caseId === id && m.title.includes("意见已返回"))).toBe(true);

    const decider = await staff("decider", D);
    const noReason = await decider.inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "denied" } });
    expect(noReason.statusCode).toBe(400);
    const denied = await decider.inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "denied", reasons: "设备制造单位许可证已注销，产品合格证明无效。" } });
    expect(denied.statusCode).toBe(200);
    expect(denied.json().certificates).toEqual([]);
    const doc = await applicant.inject({ method: "GET", url: `/api/documents/${denied.json().documentId}` });
    expect(doc.statusCode).toBe(200);
    const view = await w.view(applicant, id);
    expect(view.documents.map((d: { kind: string }) => d.kind)).toContain("denial-decision");
    const closed = await (await staff("clerk", D)).inject({ method: "POST", url: `/api/cases/${id}/deliver`, payload: { method: "electronic" } });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await w.view(applicant, id)).result).toBe("denied");
  });
});

describe("races, withdrawal, the hall, records", () => {
  it("two people completing one task at once: exactly one wins", async () => {
    const D = "500112-jtysw";
    const id = await w.apply("YB-JTYS-001", await as(applicantOf("person", 2).phone));
    await (await staff("clerk", D)).inject({ method: "POST", url: `/api/cases/${id}/accept` });
    // A second handler in the department.
    const second = staffWith("reviewer", D);
    const user = await t.db.selectFrom("users").select(["id", "department_id"]).where("username", "=", second.username).executeTakeFirstOrThrow();
    await t.db.insertInto("role_assignments").values({ id: newId(), user_id: user.id, role: "handler", department_id: user.department_id, region_code: null, created_at: new Date() }).execute();
    const a = await staff("handler", D);
    const b = await t.login(second.username);
    const task = await w.openTask(a, id, "review");
    const results = await Promise.all([a, b].map((s, i) => s.inject({ method: "POST", url: `/api/tasks/${task.id}/complete`, payload: { outcome: "pass", opinion: `意见${i}` } })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const tasks = await w.tasks(a, id);
    expect(tasks.filter((x) => x.kind === "review" && x.status === "done")).toHaveLength(1);
    // The next step opened exactly once.
    expect(tasks.filter((x) => x.kind === "review" && x.status === "open")).toHaveLength(1);
    // Two claims at once by two people: one wins, the other is told someone else signed.
    const next = tasks.find((x) => x.status === "open")!;
    const handlerUser = await t.db.selectFrom("users").select(["id", "department_id"]).where("username", "=", staffWith("handler", D).username).executeTakeFirstOrThrow();
    await t.db.insertInto("role_assignments").values({ id: newId(), user_id: handlerUser.id, role: "reviewer", department_id: handlerUser.department_id, region_code: null, created_at: new Date() }).execute();
    const a2 = await t.login(staffWith("handler", D).username);
    const claims = await Promise.all([a2, b].map((s) => s.inject({ method: "POST", url: `/api/tasks/${next.id}/claim` })));
    expect(claims.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(claims.find((r) => r.statusCode === 409)!.json().error.code).toBe("TASK_CLAIMED_BY_OTHER");
  });

  it("the applicant withdraws before acceptance; afterwards nothing can be done", async () => {
    const D = "500112-jtysw";
    const applicant = await as(applicantOf("person").phone);
    const id = await w.apply("YB-JTYS-001", applicant);
    expect((await w.view(applicant, id)).abilities.withdraw).toBe(true);
    expect((await (await staff("clerk", D)).inject({ method: "POST", url: `/api/cases/${id}/withdraw` })).statusCode).toBe(403);
    expect((await applicant.inject({ method: "POST", url: `/api/cases/${id}/withdraw` })).json()).toEqual({ status: "withdrawn" });
    expect((await (await staff("clerk", D)).inject({ method: "POST", url: `/api/cases/${id}/accept` })).statusCode).toBe(409);
    expect((await applicant.inject({ method: "POST", url: `/api/cases/${id}/withdraw` })).statusCode).toBe(409);
  });

  it("a clerk registers an in-person applicant, digitizes materials, records a paper original and accepts", async () => {
    const D = "500112-scjgj";
    const clerk = await staff("clerk", D);
    const lookup = await clerk.inject({ method: "GET", url: `/api/hall/applicants?idNumber=${applicantOf("person").idNumber}` });
    expect(lookup.json().items[0].name).toBe(applicantOf("person").name);
    expect((await (await as(applicantOf("person").phone)).inject({ method: "GET", url: "/api/hall/applicants?idNumber=1" })).statusCode).toBe(403);
    const newcomer = await clerk.inject({ method: "POST", url: "/api/hall/applicants", payload: { type: "person", name: "谭德明", idNumber: "500112195806160011", phone: "13983000001" } });
    expect([201, 400]).toContain(newcomer.statusCode);
    const applicantId = newcomer.statusCode === 201 ? newcomer.json().id : lookup.json().items[0].id;
    const itemId = await w.itemId("YB-SCJG-001");
    const guide = await w.guide("YB-SCJG-001");
    const formData: Record<string, string | number> = {};
    for (const f of guide.formFields) formData[f.key] = sampleFormValue(f, "现场填写");
    const created = await clerk.inject({ method: "POST", url: "/api/cases", payload: { itemId, formData, applicantId } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const [first, ...rest] = guide.materials.filter((m: { required: boolean }) => m.required);
    const paper = await clerk.inject({ method: "POST", url: `/api/cases/${id}/materials`, payload: { materialId: first.id, offline: true, note: "原件为大幅面图纸，无法扫描，已留存窗口。" } });
    expect(paper.statusCode).toBe(201);
    for (const m of rest) expect((await w.upload(clerk, id, m.id)).statusCode).toBe(201);
    expect((await clerk.inject({ method: "POST", url: `/api/cases/${id}/submit` })).statusCode).toBe(200);
    const acc = await clerk.inject({ method: "POST", url: `/api/cases/${id}/accept` });
    expect(acc.json().status).toBe("in_progress");
    const view = await w.view(clerk, id);
    expect(view.channel).toBe("hall");
    expect(view.materials.find((m: { materialId: string }) => m.materialId === first.id).uploads[0]).toMatchObject({ offline: true });
  });

  it("records verification, third-party results (never edited) and paper hand-overs", async () => {
    const D = "cq-sthjj";
    const applicant = await as(applicantOf("organization").phone);
    const id = await w.apply("CQ-STHJ-001", applicant);
    const clerk = await staff("clerk", D);
    await clerk.inject({ method: "POST", url: `/api/cases/${id}/accept` });
    const handler = await staff("handler", D);
    const v = await handler.inject({ method: "POST", url: `/api/cases/${id}/verifications`, payload: { method: "sms", result: "confirmed", note: "申请人回复确认" } });
    expect(v.statusCode).toBe(201);
    const sms = (await t.request({ method: "GET", url: `/api/dev/outbox?to=${applicantOf("organization").phone}` })).json().items;
    expect(sms[0].text).toContain("核实");
    await w.complete(handler, (await w.openTask(handler, id, "review")).id);
    const tp = await w.openTask(handler, id, "third-party");
    const text = "经技术评估，该单位排污口设置、污染防治设施及自行监测方案符合要求。\n评估机构：重庆市生态环境工程评估中心";
    const rec = await handler.inject({
      method: "POST",
      url: `/api/cases/${id}/third-party-results`,
      payload: { taskId: tp.id, agency: "重庆市生态环境工程评估中心", reportNo: "渝环评估〔2026〕118号", conclusion: "符合", receivedOn: "2026-11-27", text },
    });
    expect(rec.statusCode).toBe(201);
    await expect(t.db.updateTable("case_records").set({ data: JSON.stringify({ text: "改过的" }) }).where("id", "=", rec.json().id).execute()).rejects.toThrow(/append-only/);
    const file = await w.view(handler, id);
    expect(file.records.find((r: { kind: string }) => r.kind === "third-party").data.text).toBe(text);
    // A stranger cannot record anything on the case.
    expect((await (await staff("handler", "cq-wsjkw")).inject({ method: "POST", url: `/api/cases/${id}/verifications`, payload: { method: "phone", result: "confirmed" } })).statusCode).toBe(404);

    const clerkDept = file.item.department.id;
    const ho = await clerk.inject({ method: "POST", url: `/api/cases/${id}/handovers`, payload: { items: ["排污许可证申请表（原件）"], fromDepartmentId: clerkDept, toDepartmentId: clerkDept } });
    expect(ho.statusCode).toBe(400);
    const city = demoData.departments.find((d) => d.code === "cq-wsjkw")!;
    expect(city).toBeTruthy();
  });
});

describe("the wrong caller on workflow routes", () => {
  it("anonymous → 401, applicant → 404/403, other department → 404", async () => {
    const D = "500112-jtysw";
    const applicant = await as(applicantOf("person").phone);
    const id = await w.apply("YB-JTYS-001", applicant);
    await (await staff("clerk", D)).inject({ method: "POST", url: `/api/cases/${id}/accept` });
    const task = await w.openTask(await staff("handler", D), id, "review");
    for (const [method, url, payload] of [
      ["POST", `/api/tasks/${task.id}/claim`, undefined],
      ["POST", `/api/tasks/${task.id}/complete`, { outcome: "pass", opinion: "x" }],
      ["GET", `/api/cases/${id}/tasks`, undefined],
      ["POST", `/api/cases/${id}/decision`, { result: "approved" }],
      ["POST", `/api/cases/${id}/deliver`, { method: "electronic" }],
      ["POST", `/api/cases/${id}/supplement-notice`, { items: [{ reason: "x" }] }],
      ["GET", "/api/inbox", undefined],
    ] as const) {
      expect((await t.request({ method, url, payload }).then((r) => r.statusCode)), `${method} ${url}`).toBe(401);
    }
    expect((await applicant.inject({ method: "POST", url: `/api/tasks/${task.id}/claim` })).statusCode).toBe(403);
    expect((await applicant.inject({ method: "POST", url: `/api/cases/${id}/supplement-notice`, payload: { items: [{ reason: "x" }] } })).statusCode).toBe(403);
    const stranger = await as(applicantOf("person", 1).phone);
    expect((await stranger.inject({ method: "POST", url: `/api/tasks/${task.id}/claim` })).statusCode).toBe(404);
    expect((await stranger.inject({ method: "GET", url: `/api/cases/${id}/tasks` })).statusCode).toBe(404);
    const other = await staff("handler", "cq-ghzrzyj");
    expect((await other.inject({ method: "POST", url: `/api/tasks/${task.id}/complete`, payload: { outcome: "pass", opinion: "x" } })).statusCode).toBe(404);
    expect((await other.inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved" } })).statusCode).toBe(404);
    expect((await t.request({ method: "POST", url: "/api/tasks/nope/claim", cookie: other.cookie })).statusCode).toBe(404);
  });
});

describe("task attachments (working papers)", () => {
  it("are added to an open task by whoever may complete it, and read by staff on the case only", async () => {
    const D = "500112-jtysw";
    const applicant = await as(applicantOf("person").phone);
    const id = await w.apply("YB-JTYS-001", applicant);
    await (await staff("clerk", D)).inject({ method: "POST", url: `/api/cases/${id}/accept` });
    const handler = await staff("handler", D);
    const task = await w.openTask(handler, id, "review");
    const attach = (s: Session, file: { name: string; bytes: Buffer }) => {
      const body = multipart({}, file);
      return s.inject({ method: "POST", url: `/api/tasks/${task.id}/attachments`, payload: body.payload, headers: body.headers });
    };
    // Content decides the type, not the name.
    const fake = await attach(handler, { name: "现场照片.pdf", bytes: Buffer.from("MZ\x90\x00 not a pdf") });
    expect(fake.statusCode).toBe(415);
    // Only who may complete the task attaches to it.
    // (The decider: an earlier test gave this department's reviewer the handler role too.)
    expect((await attach(await staff("decider", D), { name: "审查意见.pdf", bytes: tinyPdf })).statusCode).toBe(403);
    const added = await attach(handler, { name: "现场核查记录.pdf", bytes: tinyPdf });
    expect(added.statusCode, added.body).toBe(201);
    const a = added.json();
    expect(a).toMatchObject({ fileName: "现场核查记录.pdf", mime: "application/pdf", size: tinyPdf.length });

    // Staff on the case see it listed and read the very bytes, checked by their hash.
    const listed = (await w.tasks(handler, id)).find((x) => x.id === task.id) as unknown as { attachments: { id: string }[] };
    expect(listed.attachments.map((x) => x.id)).toEqual([a.id]);
    const url = `/api/tasks/${task.id}/attachments/${a.id}/file`;
    for (const reader of [handler, await staff("decider", D), await as("supervisor")]) {
      const file = await reader.inject({ method: "GET", url });
      expect(file.statusCode).toBe(200);
      expect(file.headers["content-type"]).toBe("application/pdf");
      expect(file.headers["x-content-sha256"]).toBe(a.sha256);
      expect(file.rawPayload.equals(tinyPdf)).toBe(true);
    }
    // Internal working papers: not the applicant's, not another department's, not the public's.
    expect((await applicant.inject({ method: "GET", url })).statusCode).toBe(404);
    expect((await (await staff("handler", "cq-ghzrzyj")).inject({ method: "GET", url })).statusCode).toBe(404);
    expect((await t.request({ method: "GET", url })).statusCode).toBe(401);
    expect((await handler.inject({ method: "GET", url: `/api/tasks/${task.id}/attachments/nope/file` })).statusCode).toBe(404);

    // Once the task is done, nothing more is attached.
    await w.complete(handler, task.id);
    const late = await attach(handler, { name: "补充.pdf", bytes: tinyPdf });
    expect(late.statusCode).toBe(409);
  });
});

describe("what is kept for fast reads", () => {
  it("every case's public progress row is current after all of the above", async () => {
    expect(await expectKeptViewsCurrent(t)).toBeGreaterThan(0);
  });
});
