import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditCodeCheckChar, idNumberCheckChar, orgCodeCheckChar } from "../src/identity/checkCharacters.ts";
import { DEMO_PASSWORD, startPlatform, type TestPlatform } from "./helpers.ts";
import { demoData, staffWith } from "./fixtures.ts";

let t: TestPlatform;
beforeAll(async () => {
  t = await startPlatform();
});
afterAll(async () => t.close());

const validId = (first17: string) => first17 + idNumberCheckChar(first17);
/** Registration authority + type + region + 8-char organization code, completed with both check characters. */
const validCredit = (head8: string, org8: string) => {
  const first17 = head8 + org8 + orgCodeCheckChar(org8);
  return first17 + creditCodeCheckChar(first17);
};

async function registerPerson(phone: string, idNumber: string, name = "王小明") {
  const sms = await t.request({ method: "POST", url: "/api/auth/sms-codes", payload: { phone, purpose: "register" } });
  expect(sms.statusCode).toBe(202);
  const smsCode = await t.smsCode(phone);
  return t.request({ method: "POST", url: "/api/auth/register", payload: { type: "person", name, idNumber, phone, smsCode, password: "Secret123" } });
}

describe("identity", () => {
  it("registers a person with a checked ID number and logs them in", async () => {
    const res = await registerPerson("13900000001", validId("50011219900307123"));
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ name: "王小明", kind: "applicant", applicantType: "person", roles: [] });
    const cookie = String(res.headers["set-cookie"]).split(";")[0]!;
    expect(String(res.headers["set-cookie"])).toMatch(/HttpOnly/i);
    const me = await t.request({ method: "GET", url: "/api/me", cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ name: "王小明", kind: "applicant", roles: [] });
  });

  it("refuses an ID number whose check digit is wrong, in Chinese and in English", async () => {
    const good = validId("50011219900307124");
    const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    const res = await registerPerson("13900000002", bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("INVALID_ID_NUMBER");
    expect(res.json().error.message).toMatch(/身份证/);
    const en = await t.request({
      method: "POST",
      url: "/api/auth/register",
      headers: { "accept-language": "en" },
      payload: { type: "person", name: "王小明", idNumber: bad, phone: "13900000002", smsCode: "000000", password: "Secret123" },
    });
    expect(en.json().error.message).toMatch(/ID card/);
  });

  it("refuses a wrong SMS code and counts the attempt; nothing is created", async () => {
    await t.request({ method: "POST", url: "/api/auth/sms-codes", payload: { phone: "13900000003", purpose: "register" } });
    const code = await t.smsCode("13900000003");
    const wrong = code === "000000" ? "111111" : "000000";
    const res = await t.request({
      method: "POST",
      url: "/api/auth/register",
      payload: { type: "person", name: "赵六", idNumber: validId("50010319851111002"), phone: "13900000003", smsCode: wrong, password: "Secret123" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("INVALID_SMS_CODE");
    const login = await t.request({ method: "POST", url: "/api/auth/login", payload: { login: "13900000003", password: "Secret123" } });
    expect(login.statusCode).toBe(401);
  });

  it("rate-limits SMS codes per phone", async () => {
    const first = await t.request({ method: "POST", url: "/api/auth/sms-codes", payload: { phone: "13900000004", purpose: "login" } });
    expect(first.statusCode).toBe(202);
    const second = await t.request({ method: "POST", url: "/api/auth/sms-codes", payload: { phone: "13900000004", purpose: "login" } });
    expect(second.statusCode).toBe(429);
    expect(second.json().error.code).toBe("RATE_LIMITED");
  });

  it("refuses to send a registration code for a wrong ID number, before any SMS", async () => {
    const phone = "13900000014";
    const first17 = "50011219880315002";
    const right = idNumberCheckChar(first17);
    const wrong = right === "1" ? "2" : "1";
    const bad = await t.request({ method: "POST", url: "/api/auth/sms-codes", payload: { phone, purpose: "register", idNumber: first17 + wrong } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("INVALID_ID_NUMBER");
    expect(bad.json().error.message).not.toContain("INVALID_ID_NUMBER");
    const good = await t.request({ method: "POST", url: "/api/auth/sms-codes", payload: { phone, purpose: "register", idNumber: first17 + right } });
    expect(good.statusCode).toBe(202);
  });

  it("registers an organization with a checked credit code; a bad one is refused", async () => {
    const phone = "13900000005";
    await t.request({ method: "POST", url: "/api/auth/sms-codes", payload: { phone, purpose: "register" } });
    const smsCode = await t.smsCode(phone);
    const legalRepresentative = { name: "陈强", idNumber: validId("50011219800101001") };
    const code = validCredit("91500112", "MA5U7Q8Y");
    const bad = code.slice(0, 17) + (code[17] === "1" ? "2" : "1");
    const refused = await t.request({
      method: "POST",
      url: "/api/auth/register",
      payload: { type: "organization", name: "重庆渝北测试有限公司", creditCode: bad, legalRepresentative, phone, smsCode, password: "Secret123" },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("INVALID_CREDIT_CODE");
    const ok = await t.request({
      method: "POST",
      url: "/api/auth/register",
      payload: { type: "organization", name: "重庆渝北测试有限公司", creditCode: code, legalRepresentative, phone, smsCode, password: "Secret123" },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().user.applicantType).toBe("organization");
    const byCode = await t.request({ method: "POST", url: "/api/auth/login", payload: { login: code, password: "Secret123" } });
    expect(byCode.statusCode).toBe(200);
  });

  it("refuses a phone that is already registered (409)", async () => {
    const taken = demoData.applicants[0]!.phone;
    const res = await registerPerson(taken, validId("50011219920202003"));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("PHONE_TAKEN");
  });

  it("validates the request shape with a 400, never a 500", async () => {
    for (const payload of [{}, { type: "person" }, { type: "alien", name: "x" }, "not json"]) {
      const res = await t.request({ method: "POST", url: "/api/auth/register", payload: payload as object, headers: { "content-type": "application/json" } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("logs in by phone, by ID number and by staff username", async () => {
    const person = demoData.applicants.find((a) => a.type === "person")!;
    expect((await t.request({ method: "POST", url: "/api/auth/login", payload: { login: person.phone, password: person.password } })).statusCode).toBe(200);
    expect((await t.request({ method: "POST", url: "/api/auth/login", payload: { login: person.idNumber, password: person.password } })).statusCode).toBe(200);
    const clerk = staffWith("clerk");
    const res = await t.request({ method: "POST", url: "/api/auth/login", payload: { login: clerk.username, password: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.kind).toBe("staff");
    expect(res.json().user.roles.map((r: { role: string }) => r.role)).toContain("clerk");
  });

  it("locks an account after repeated failures, even for the right password", async () => {
    const victim = staffWith("reviewer");
    for (let i = 0; i < 4; i++) {
      const r = await t.request({ method: "POST", url: "/api/auth/login", payload: { login: victim.username, password: "wrong-password-1" } });
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe("INVALID_CREDENTIALS");
    }
    const fifth = await t.request({ method: "POST", url: "/api/auth/login", payload: { login: victim.username, password: "wrong-password-1" } });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe("ACCOUNT_LOCKED");
    const right = await t.request({ method: "POST", url: "/api/auth/login", payload: { login: victim.username, password: DEMO_PASSWORD } });
    expect(right.statusCode).toBe(423);
    // After the lock runs out (platform clock), the right password works again.
    t.platform.clock!.set(new Date(t.platform.clock!.now().getTime() + 16 * 60_000));
    const later = await t.request({ method: "POST", url: "/api/auth/login", payload: { login: victim.username, password: DEMO_PASSWORD } });
    expect(later.statusCode).toBe(200);
  });

  it("unknown logins get the same 401 as wrong passwords", async () => {
    const res = await t.request({ method: "POST", url: "/api/auth/login", payload: { login: "nobody.here", password: "whatever1" } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("INVALID_CREDENTIALS");
  });

  it("GET /api/me carries the caller's abilities from the policy: a clerk has the hall desk of its department", async () => {
    const clerk = staffWith("clerk");
    const s = await t.login(clerk.username);
    const me = (await s.inject({ method: "GET", url: "/api/me" })).json();
    expect(me.abilities.sections).toMatchObject({ worklist: true, hall: true, staff: false, audit: false });
    expect(me.abilities.departments.hall).toHaveLength(1);
    expect(me.abilities).toMatchObject({ editCalendar: false, escalate: false });
  });

  it("logout ends the session", async () => {
    const s = await t.login(staffWith("clerk").username);
    expect((await s.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(200);
    expect((await s.inject({ method: "POST", url: "/api/auth/logout" })).statusCode).toBe(204);
    const after = await s.inject({ method: "GET", url: "/api/me" });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("NOT_LOGGED_IN");
  });

  it("a forgotten password is reset with an SMS code; every session ends and a lock is lifted", async () => {
    const phone = "13996007788";
    expect((await registerPerson(phone, validId("50010319900101123"), "刘晓红")).statusCode).toBe(201);
    const old = await t.login(phone, "Secret123");
    // Locked by failures first: the reset lifts the lock.
    for (let i = 0; i < 5; i++) await t.request({ method: "POST", url: "/api/auth/login", payload: { login: phone, password: "wrong-password-1" } });
    expect((await t.request({ method: "POST", url: "/api/auth/login", payload: { login: phone, password: "Secret123" } })).statusCode).toBe(423);

    expect((await t.request({ method: "POST", url: "/api/auth/sms-codes", payload: { phone, purpose: "reset" } })).statusCode).toBe(202);
    const code = await t.smsCode(phone);
    const weak = await t.request({ method: "POST", url: "/api/auth/password-reset", payload: { phone, smsCode: code, password: "abcdefgh" } });
    expect(weak.json().error.code).toBe("WEAK_PASSWORD");
    const wrong = await t.request({ method: "POST", url: "/api/auth/password-reset", payload: { phone, smsCode: code === "000000" ? "111111" : "000000", password: "NewSecret456" } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("INVALID_SMS_CODE");
    const ok = await t.request({ method: "POST", url: "/api/auth/password-reset", payload: { phone, smsCode: code, password: "NewSecret456" } });
    expect(ok.statusCode, ok.body).toBe(204);
    // The code is used up; the old session and the old password are gone; the new one works at once.
    expect((await t.request({ method: "POST", url: "/api/auth/password-reset", payload: { phone, smsCode: code, password: "Other789xyz" } })).statusCode).toBe(400);
    expect((await old.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(401);
    expect((await t.request({ method: "POST", url: "/api/auth/login", payload: { login: phone, password: "Secret123" } })).statusCode).toBe(401);
    await t.login(phone, "NewSecret456");
    // A phone without an account answers like a wrong code.
    const stranger = "13996007799";
    await t.request({ method: "POST", url: "/api/auth/sms-codes", payload: { phone: stranger, purpose: "reset" } });
    const none = await t.request({ method: "POST", url: "/api/auth/password-reset", payload: { phone: stranger, smsCode: await t.smsCode(stranger), password: "NewSecret456" } });
    expect(none.json().error.code).toBe("INVALID_SMS_CODE");
  });

  it("a logged-in user changes the password; other sessions end, this one stays", async () => {
    const phone = "13996007790";
    expect((await registerPerson(phone, validId("50010319900202123"), "陈思远")).statusCode).toBe(201);
    const a = await t.login(phone, "Secret123");
    const b = await t.login(phone, "Secret123");
    const change = (body: unknown) => a.inject({ method: "POST", url: "/api/auth/password", payload: body });
    expect((await change({ currentPassword: "nope-nope1", newPassword: "Changed789" })).json().error.code).toBe("CURRENT_PASSWORD_WRONG");
    expect((await change({ currentPassword: "Secret123", newPassword: "Secret123" })).json().error.code).toBe("SAME_PASSWORD");
    expect((await change({ currentPassword: "Secret123", newPassword: "short1" })).statusCode).toBe(400);
    expect((await change({ currentPassword: "Secret123", newPassword: "Changed789" })).statusCode).toBe(204);
    expect((await a.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(200);
    expect((await b.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(401);
    await t.login(phone, "Changed789");
    expect((await t.request({ method: "POST", url: "/api/auth/password", payload: { currentPassword: "x", newPassword: "Changed789x" } })).statusCode).toBe(401);
  });

  it("limits identity requests and public queries per address: the next one in the minute gets 429 with Retry-After", async () => {
    const limited = await startPlatform({ authRateLimit: 3, publicRateLimit: 2 });
    try {
      const attempt = () => limited.request({ method: "POST", url: "/api/auth/login", payload: { login: "nobody.here", password: "whatever1" } });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const fourth = await attempt();
      expect(fourth.statusCode).toBe(429);
      expect(fourth.json().error.code).toBe("RATE_LIMITED");
      expect(fourth.headers["retry-after"]).toBeDefined();
      // The public queries have their own limit (PUBLIC_RATE_LIMIT), lifted or tightened by configuration.
      const progress = () => limited.request({ method: "GET", url: "/api/public/progress/00000000000000000000" });
      for (let i = 0; i < 2; i++) expect((await progress()).statusCode).not.toBe(429);
      expect((await progress()).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it("refuses state-changing requests without the CSRF header", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { login: "x", password: "y" } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("CSRF_HEADER_MISSING");
  });

  it("writes an audit record for every change and the chain verifies", async () => {
    const admin = await t.login(staffWith("platform-admin").username);
    const verify = await admin.inject({ method: "GET", url: "/api/audit/verify" });
    expect(verify.statusCode).toBe(200);
    expect(verify.json().ok).toBe(true);
    expect(verify.json().entries).toBeGreaterThan(5);
    const log = await admin.inject({ method: "GET", url: "/api/audit?limit=500" });
    const actions = log.json().items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(["user.registered", "user.login", "user.login-failed", "user.locked", "user.logout", "sms.sent"]));
    // Nobody else reads the audit trail.
    const clerk = await t.login(staffWith("clerk").username);
    expect((await clerk.inject({ method: "GET", url: "/api/audit" })).statusCode).toBe(403);
    expect((await t.request({ method: "GET", url: "/api/audit/verify" })).statusCode).toBe(401);
  });

  it("detects tampering with the audit trail", async () => {
    const admin = await t.login(staffWith("platform-admin").username);
    const row = await t.db.selectFrom("audit_log").select(["id", "new_values"]).where("action", "=", "user.registered").orderBy("seq").limit(1).executeTakeFirstOrThrow();
    const tamper = () => t.db.updateTable("audit_log").set({ new_values: JSON.stringify({ type: "organization" }) }).where("id", "=", row.id).execute();
    // The table refuses edits outright...
    await expect(tamper()).rejects.toThrow(/append-only/);
    // ...and when someone with the owner's rights switches that off, the chain still tells.
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(t.db);
    await tamper();
    const verify = await admin.inject({ method: "GET", url: "/api/audit/verify" });
    expect(verify.json()).toMatchObject({ ok: false, firstBadEntry: row.id });
  });
});
