import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idNumberCheckChar } from "../src/identity/checkCharacters.ts";
import { type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { demoData, staffWith } from "./fixtures.ts";
import { applicantOf } from "./workflowDriver.ts";

let t: TestPlatform;
beforeAll(async () => {
  t = await startPlatform();
});
afterAll(async () => t.close());

const byUsername = (u: string) => demoData.staff.find((s) => s.username === u)!;
const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);

async function staffId(admin: Session, username: string): Promise<string> {
  const res = await admin.inject({ method: "GET", url: `/api/admin/staff?q=${encodeURIComponent(username)}` });
  expect(res.statusCode, res.body).toBe(200);
  const found = res.json().items.find((s: { username: string }) => s.username === username);
  if (!found) throw new Error(`${username} not in the list`);
  return found.id;
}

async function request(s: Session, body: unknown) {
  return s.inject({ method: "POST", url: "/api/admin/staff-changes", payload: body });
}

async function rolesOf(username: string): Promise<string[]> {
  const me = await (await t.login(username)).inject({ method: "GET", url: "/api/me" });
  return me.json().roles.map((r: { role: string }) => r.role);
}

describe("staff administration: two people and training (R14, R16, R17)", () => {
  it("an untrained clerk gets an approving role only after a training record and a second person's approval", async () => {
    const admin = await t.login("yb.scjg.admin");
    const head = await t.login("yb.scjg.head");
    const clerk2 = byUsername("yb.scjg.clerk2");
    const id = await staffId(admin, clerk2.username);

    const detail = (await admin.inject({ method: "GET", url: `/api/admin/staff/${id}` })).json();
    expect(detail.trained).toBe(false);
    expect(detail.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(detail.roles.map((r: { role: string }) => r.role)).toEqual(["clerk"]);

    // R17: refused at request time while there is no training record.
    const early = await request(admin, { kind: "grant-role", reason: "充实经办力量", staffId: id, grant: { role: "handler" } });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe("UNTRAINED_STAFF");

    // Training: bad dates are refused, a real record makes the clerk "trained".
    const future = await admin.inject({ method: "POST", url: `/api/admin/staff/${id}/training`, payload: { course: "行政许可法及审批业务培训", hours: 16, completedOn: "2030-01-01" } });
    expect(future.statusCode).toBe(400);
    const notADay = await admin.inject({ method: "POST", url: `/api/admin/staff/${id}/training`, payload: { course: "行政许可法及审批业务培训", hours: 16, completedOn: "2026-02-30" } });
    expect(notADay.statusCode).toBe(400);
    // The head reads staff records but does not administer them.
    const byHead = await head.inject({ method: "POST", url: `/api/admin/staff/${id}/training`, payload: { course: "行政许可法", hours: 8, completedOn: "2026-03-02" } });
    expect(byHead.statusCode).toBe(403);
    const trained = await admin.inject({ method: "POST", url: `/api/admin/staff/${id}/training`, payload: { course: "行政许可法及审批业务培训", hours: 16, completedOn: "2026-03-06", certificateNo: "YB-PX-2026-031" } });
    expect(trained.statusCode, trained.body).toBe(201);
    const afterTraining = (await admin.inject({ method: "GET", url: `/api/admin/staff/${id}` })).json();
    expect(afterTraining.trained).toBe(true);
    expect(afterTraining.trainings).toEqual([expect.objectContaining({ course: "行政许可法及审批业务培训", hours: 16, completedOn: "2026-03-06", certificateNo: "YB-PX-2026-031", recordedBy: "冯志远" })]);

    // The request is filed; nothing has changed yet.
    const filed = await request(admin, { kind: "grant-role", reason: "充实经办力量", staffId: id, grant: { role: "handler" } });
    expect(filed.statusCode, filed.body).toBe(201);
    const change = filed.json();
    expect(change).toMatchObject({ kind: "grant-role", status: "pending", staffId: id, staffName: clerk2.name, canApprove: false, canWithdraw: true, payload: { grant: { role: "handler", departmentId: expect.any(String), regionCode: null } } });
    expect(await rolesOf(clerk2.username)).toEqual(["clerk"]);
    // One pending change per staff member.
    const second = await request(admin, { kind: "update", reason: "更正姓名", staffId: id, changes: { name: "蒋文隆" } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("STAFF_CHANGE_PENDING");

    // The requester and the staff member concerned cannot approve; an outsider does not see it.
    const self = await admin.inject({ method: "POST", url: `/api/admin/staff-changes/${change.id}/approve`, payload: {} });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe("SAME_PERSON_APPROVAL");
    const target = await (await t.login(clerk2.username)).inject({ method: "POST", url: `/api/admin/staff-changes/${change.id}/approve`, payload: {} });
    expect(target.statusCode).toBe(403);
    const otherHead = await (await t.login("cq.scjg.head")).inject({ method: "POST", url: `/api/admin/staff-changes/${change.id}/approve`, payload: {} });
    expect(otherHead.statusCode).toBe(404);
    expect(otherHead.json().error.code).toBe("STAFF_CHANGE_NOT_FOUND");

    // The head sees it waiting, with the right to approve, in the list and in the inbox.
    const pending = (await head.inject({ method: "GET", url: "/api/admin/staff-changes?status=pending" })).json().items;
    expect(pending).toContainEqual(expect.objectContaining({ id: change.id, canApprove: true, canWithdraw: false, requestedBy: expect.objectContaining({ name: "冯志远" }) }));
    const inbox = (await head.inject({ method: "GET", url: "/api/inbox" })).json();
    expect(JSON.stringify(inbox)).toContain("人员变更待审批");

    const approved = await head.inject({ method: "POST", url: `/api/admin/staff-changes/${change.id}/approve`, payload: { note: "已核对培训证书" } });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: "approved", decidedBy: { name: "胡晓燕" }, decisionNote: "已核对培训证书", canApprove: false });
    expect((await rolesOf(clerk2.username)).sort()).toEqual(["clerk", "handler"]);
    const again = await head.inject({ method: "POST", url: `/api/admin/staff-changes/${change.id}/approve`, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("STAFF_CHANGE_DECIDED");
    const dup = await request(admin, { kind: "grant-role", reason: "重复", staffId: id, grant: { role: "handler" } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("ROLE_ALREADY_HELD");

    // The audit holds the request, the approval and the grant with the staff member as object.
    const supervisor = await t.login("supervisor");
    const all = (await supervisor.inject({ method: "GET", url: "/api/audit" })).json().items as { action: string; objectId: string }[];
    for (const action of ["staff.training", "staff.change.request", "staff.change.approve", "staff.role.grant"]) expect(all.map((a) => a.action)).toContain(action);
    expect((await supervisor.inject({ method: "GET", url: "/api/audit/verify" })).json().ok).toBe(true);
  });

  it("a new staff member is created on approval, untrained, and gets the initial password by SMS", async () => {
    const admin = await t.login("cq.scjg.admin");
    const head = await t.login("cq.scjg.head");
    const list = (await admin.inject({ method: "GET", url: "/api/admin/staff" })).json();
    const dept = list.departments.find((d: { name: string }) => d.name.includes("市场监督管理局"));
    expect(list.canRequest).toBe(true);
    const staff = { username: "cq.scjg.clerk3", name: "向明月", phone: "13996001234", idNumber: idNumber("50010319960312262"), departmentId: dept.id, roles: ["clerk"] };

    const approving = await request(admin, { kind: "create", reason: "新进窗口人员", staff: { ...staff, roles: ["clerk", "decider"] } });
    expect(approving.statusCode).toBe(422);
    expect(approving.json().error.code).toBe("UNTRAINED_STAFF");
    const badId = await request(admin, { kind: "create", reason: "新进窗口人员", staff: { ...staff, idNumber: "500103199603122620" === staff.idNumber ? "500103199603122621" : "500103199603122620" } });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.code).toBe("INVALID_ID_NUMBER");
    const taken = await request(admin, { kind: "create", reason: "新进窗口人员", staff: { ...staff, username: "cq.scjg.head" } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe("USERNAME_TAKEN");
    const phoneTaken = await request(admin, { kind: "create", reason: "新进窗口人员", staff: { ...staff, phone: byUsername("cq.scjg.clerk").phone } });
    expect(phoneTaken.json().error.code).toBe("PHONE_TAKEN");
    // Another department's admin may not file for this department.
    const outsider = await request(await t.login("cq.zjw.admin"), { kind: "create", reason: "新进窗口人员", staff });
    expect(outsider.statusCode).toBe(403);

    const filed = await request(admin, { kind: "create", reason: "新进窗口人员", staff });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().payload.staff.idNumber).toMatch(/^500103\*+\d{3}[\dX]$/);
    // The same username cannot be asked for twice while the first request waits.
    const twice = await request(admin, { kind: "create", reason: "新进窗口人员", staff: { ...staff, phone: "13996001235", idNumber: idNumber("50010319960312263") } });
    expect(twice.json().error.code).toBe("USERNAME_TAKEN");

    const approved = await head.inject({ method: "POST", url: `/api/admin/staff-changes/${filed.json().id}/approve`, payload: {} });
    expect(approved.statusCode, approved.body).toBe(200);
    const newId = approved.json().staffId as string;
    expect(newId).toBeTruthy();
    const sms = (await t.request({ method: "GET", url: `/api/dev/outbox?to=${staff.phone}` })).json().items[0].text as string;
    const password = /初始密码 (\S+)，/.exec(sms)![1]!;
    const session = await t.login(staff.username, password);
    const me = (await session.inject({ method: "GET", url: "/api/me" })).json();
    expect(me).toMatchObject({ name: "向明月", kind: "staff", trained: false, mustChangePassword: true });
    expect(me.roles).toEqual([expect.objectContaining({ role: "clerk", departmentId: dept.id })]);
    // Until the initial password is changed, the account acts with none of its roles.
    const lookup = `/api/hall/applicants?phone=${applicantOf("person", 0).phone}`;
    expect((await session.inject({ method: "GET", url: lookup })).statusCode).toBe(403);
    const changed = await session.inject({ method: "POST", url: "/api/auth/password", payload: { currentPassword: password, newPassword: "Window2026ok" } });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await session.inject({ method: "GET", url: "/api/me" })).json().mustChangePassword).toBe(false);
    expect((await session.inject({ method: "GET", url: lookup })).statusCode).toBe(200);
    const detail = (await admin.inject({ method: "GET", url: `/api/admin/staff/${newId}` })).json();
    expect(detail.changes).toEqual([expect.objectContaining({ kind: "create", status: "approved" })]);
  });

  it("rejection changes nothing; disabling ends the member's sessions; a revoked role is gone", async () => {
    const admin = await t.login("yb.scjg.admin");
    const head = await t.login("yb.scjg.head");
    const clerk = byUsername("yb.scjg.clerk");
    const id = await staffId(admin, clerk.username);
    const clerkSession = await t.login(clerk.username);

    const filed = (await request(admin, { kind: "update", reason: "调离窗口岗位", staffId: id, changes: { disabled: true } })).json();
    const noReason = await head.inject({ method: "POST", url: `/api/admin/staff-changes/${filed.id}/reject`, payload: {} });
    expect(noReason.statusCode).toBe(400);
    const rejected = await head.inject({ method: "POST", url: `/api/admin/staff-changes/${filed.id}/reject`, payload: { reason: "调令尚未下达" } });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: "rejected", decisionNote: "调令尚未下达" });
    expect((await clerkSession.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(200);

    // Withdrawal is the requester's.
    const second = (await request(admin, { kind: "update", reason: "调离窗口岗位", staffId: id, changes: { disabled: true } })).json();
    expect((await head.inject({ method: "POST", url: `/api/admin/staff-changes/${second.id}/withdraw` })).statusCode).toBe(403);
    expect((await admin.inject({ method: "POST", url: `/api/admin/staff-changes/${second.id}/withdraw` })).json().status).toBe("withdrawn");
    expect((await admin.inject({ method: "POST", url: `/api/admin/staff-changes/${second.id}/withdraw` })).json().error.code).toBe("STAFF_CHANGE_DECIDED");

    // The region admin is a responsible person too.
    const third = (await request(admin, { kind: "update", reason: "调离窗口岗位", staffId: id, changes: { disabled: true } })).json();
    const regionAdmin = await t.login("yb.admin");
    expect((await regionAdmin.inject({ method: "POST", url: `/api/admin/staff-changes/${third.id}/approve`, payload: {} })).statusCode).toBe(200);
    expect((await clerkSession.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(401);
    expect((await t.request({ method: "POST", url: "/api/auth/login", payload: { login: clerk.username, password: "Demo@2026" } })).statusCode).toBe(401);

    // Revoking: the handler loses the role.
    const handler = byUsername("yb.scjg.handler");
    const hid = await staffId(admin, handler.username);
    const handlerDetail = (await admin.inject({ method: "GET", url: `/api/admin/staff/${hid}` })).json();
    // A trained demo member carries the record that qualified them.
    expect(handlerDetail.trainings).toEqual([expect.objectContaining({ hours: 16, recordedBy: "冯玉洁" })]);
    const ra = handlerDetail.roles[0];
    const wrongRa = await request(admin, { kind: "revoke-role", reason: "岗位调整", staffId: hid, roleAssignmentId: "nope" });
    expect(wrongRa.statusCode).toBe(404);
    const revoke = (await request(admin, { kind: "revoke-role", reason: "岗位调整", staffId: hid, roleAssignmentId: ra.id })).json();
    expect(revoke.payload).toMatchObject({ role: "handler", roleAssignmentId: ra.id });
    expect((await head.inject({ method: "POST", url: `/api/admin/staff-changes/${revoke.id}/approve`, payload: {} })).statusCode).toBe(200);
    expect(await rolesOf(handler.username)).toEqual([]);
  });

  it("a staff member's forgotten password is reset by two people; the new one comes by SMS and must be changed", async () => {
    const admin = await t.login("yb.scjg.admin");
    const decider = byUsername("yb.scjg.decider");
    const id = await staffId(admin, decider.username);
    const before = await t.login(decider.username);
    const filed = await request(admin, { kind: "reset-password", reason: "本人遗忘密码，已核验身份", staffId: id });
    expect(filed.statusCode, filed.body).toBe(201);
    // Nothing happens before the approval.
    expect((await before.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(200);
    expect((await (await t.login("yb.scjg.head")).inject({ method: "POST", url: `/api/admin/staff-changes/${filed.json().id}/approve`, payload: {} })).statusCode).toBe(200);
    expect((await before.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(401);
    expect((await t.request({ method: "POST", url: "/api/auth/login", payload: { login: decider.username, password: "Demo@2026" } })).statusCode).toBe(401);
    const sms = (await t.request({ method: "GET", url: `/api/dev/outbox?to=${decider.phone}` })).json().items[0].text as string;
    const password = /初始密码 (\S+)，/.exec(sms)![1]!;
    const session = await t.login(decider.username, password);
    expect((await session.inject({ method: "GET", url: "/api/me" })).json()).toMatchObject({ mustChangePassword: true });
  });

  it("two responsible people approving at once: exactly one wins", async () => {
    const admin = await t.login("yb.scjg.admin");
    const id = await staffId(admin, "yb.scjg.reviewer");
    const filed = (await request(admin, { kind: "update", reason: "手机号变更", staffId: id, changes: { phone: "13996005678" } })).json();
    const [a, b] = await Promise.all([
      (await t.login("yb.scjg.head")).inject({ method: "POST", url: `/api/admin/staff-changes/${filed.id}/approve`, payload: {} }),
      (await t.login("yb.admin")).inject({ method: "POST", url: `/api/admin/staff-changes/${filed.id}/approve`, payload: {} }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const grants = (await (await t.login("supervisor")).inject({ method: "GET", url: `/api/audit` })).json().items.filter(
      (e: { action: string; objectId: string }) => e.action === "staff.update" && e.objectId === id,
    );
    expect(grants).toHaveLength(1);
  });

  it("each admin sees and acts only inside its scope; platform roles are the platform admin's", async () => {
    const ybAdmin = await t.login("yb.scjg.admin");
    const cqClerk = byUsername("cq.scjg.clerk");
    const platform = await t.login("admin");
    const cqClerkId = await staffId(platform, cqClerk.username);
    // A district department admin sees only its department, and not the city's staff.
    const list = (await ybAdmin.inject({ method: "GET", url: "/api/admin/staff" })).json().items as { department: { id: string } | null; username: string }[];
    expect(list.length).toBeGreaterThan(3);
    expect(new Set(list.map((s) => s.department?.id)).size).toBe(1);
    expect((await ybAdmin.inject({ method: "GET", url: `/api/admin/staff/${cqClerkId}` })).statusCode).toBe(404);
    expect((await request(ybAdmin, { kind: "update", reason: "测试", staffId: cqClerkId, changes: { name: "某某" } })).statusCode).toBe(404);
    // The region admin sees its region's departments only.
    const region = (await (await t.login("yb.admin")).inject({ method: "GET", url: "/api/admin/staff" })).json();
    expect(region.departments.every((d: { regionCode: string }) => d.regionCode === "500112")).toBe(true);
    expect(region.items.some((s: { username: string }) => s.username === "yb.admin")).toBe(true);
    expect(region.items.some((s: { username: string }) => s.username.startsWith("cq."))).toBe(false);
    // Platform roles: only the platform admin asks for them.
    const ybHandler = await staffId(ybAdmin, "yb.scjg.decider");
    const platformRole = await request(ybAdmin, { kind: "grant-role", reason: "测试", staffId: ybHandler, grant: { role: "platform-admin" } });
    expect(platformRole.statusCode).toBe(403);
    // The supervisor role reads every department: not even inside its own department may a department admin ask for it.
    expect((await request(ybAdmin, { kind: "grant-role", reason: "测试", staffId: ybHandler, grant: { role: "supervisor" } })).statusCode).toBe(403);
    expect((await request(ybAdmin, { kind: "grant-role", reason: "测试", staffId: ybHandler, grant: { role: "supervisor", departmentId: region.departments[0].id } })).statusCode).toBe(403);
    const wrongDept = await request(platform, { kind: "grant-role", reason: "测试", staffId: cqClerkId, grant: { role: "handler", departmentId: (await (await t.login("yb.scjg.admin")).inject({ method: "GET", url: "/api/admin/staff" })).json().departments[0].id } });
    expect(wrongDept.statusCode).toBe(422);
    expect(wrongDept.json().error.code).toBe("ROLE_SCOPE_INVALID");
    const noRegion = await request(platform, { kind: "grant-role", reason: "测试", staffId: cqClerkId, grant: { role: "region-admin", regionCode: "500999" } });
    expect(noRegion.json().error.code).toBe("ROLE_SCOPE_INVALID");
    // Who may not open the staff pages at all.
    expect((await (await t.login(staffWith("handler", "cq-scjgj").username)).inject({ method: "GET", url: "/api/admin/staff" })).statusCode).toBe(403);
    expect((await (await t.login(applicantOf("person", 0).phone)).inject({ method: "GET", url: "/api/admin/staff-changes" })).statusCode).toBe(403);
    expect((await t.request({ method: "GET", url: "/api/admin/staff" })).statusCode).toBe(401);
    expect((await t.request({ method: "POST", url: "/api/admin/staff-changes", payload: { kind: "update", reason: "测试", staffId: cqClerkId, changes: { name: "某某" } } })).statusCode).toBe(401);
    // Bad input is a 400 with a stable code, never a 500.
    const bad = await request(platform, { kind: "update", reason: "x", staffId: cqClerkId, changes: {} });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
    expect((await request(platform, { kind: "promote", reason: "测试" })).statusCode).toBe(400);
    expect((await platform.inject({ method: "POST", url: "/api/admin/staff-changes/nope/approve", payload: {} })).json().error.code).toBe("STAFF_CHANGE_NOT_FOUND");
    expect((await platform.inject({ method: "GET", url: "/api/admin/staff/nope" })).json().error.code).toBe("STAFF_NOT_FOUND");
  });
});
