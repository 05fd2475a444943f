/**
 * Accounts: a citizen who forgot the password resets it with an SMS code (忘记密码 → 找回密码), and a
 * newly created staff member is sent to change the initial password before anything else.
 */
import { describe, expect, inject, it } from "vitest";
import { ApiSession } from "./api.ts";
import { screenshot } from "./browser.ts";
import { browserSuite } from "./suite.ts";
import { applicantLogin, makeIdNumber, makePhone, newestSms, twoChars, urlMatch, visible } from "./pages.ts";

const baseUrl = inject("baseUrl");
// A demo applicant that no other browser test logs in as.
const CITIZEN = "15102284650";
const NEW_PASSWORD = `Chongqing${Date.now().toString(36).slice(-4)}9`;

describe("accounts: a forgotten password, and a first login with an initial password", () => {
  const suite = browserSuite("accounts");
  const { newPage } = suite;

  it("a citizen resets a forgotten password with an SMS code and logs in with the new one", async () => {
    const page = await newPage("citizen");
    await page.goto("/login");
    await page.getByRole("link", { name: "忘记密码？" }).click();
    await urlMatch(page, /\/reset-password/);
    await visible(page.getByRole("heading", { name: "找回密码", level: 1 }));
    await page.getByLabel("手机号码").fill(CITIZEN);
    await page.getByRole("button", { name: "获取验证码" }).click();
    const sms = await newestSms(baseUrl, CITIZEN, "重置密码验证码");
    const code = /验证码为 (\d{6})/.exec(sms)![1]!;
    await page.getByLabel("短信验证码").fill(code);
    await page.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("确认新密码").fill(NEW_PASSWORD);
    await screenshot(page, "accounts-reset-filled");
    await page.getByRole("button", { name: "重置密码" }).click();
    await urlMatch(page, /\/login/);
    await visible(page.getByRole("alert").filter({ hasText: "重置成功，请用新密码登录" }));
    await screenshot(page, "accounts-reset-done");
    // The old password no longer works; the new one does.
    const old = await fetch(`${baseUrl}/api/auth/login`, {
      method: "POST", headers: { "content-type": "application/json", "x-requested-with": "fetch" }, body: JSON.stringify({ login: CITIZEN, password: "Demo@2026" }),
    });
    expect(old.status).toBe(401);
    await applicantLogin(page, CITIZEN, NEW_PASSWORD);
  });

  it("a new staff member logs in with the initial password from the SMS and must change it first", async () => {
    // The account is created through the two-person rule (API), as the staff pages would.
    const admin = await ApiSession.login(baseUrl, "cq.scjg.admin");
    const head = await ApiSession.login(baseUrl, "cq.scjg.head");
    const list = await admin.get<{ departments: { id: string; name: string }[] }>("/api/admin/staff");
    const dept = list.departments.find((d) => d.name === "重庆市市场监督管理局")!;
    const username = `cq.scjg.e2e${Date.now().toString(36)}`;
    const phone = makePhone();
    const filed = await admin.post<{ id: string }>("/api/admin/staff-changes", {
      kind: "create", reason: "新进窗口人员", staff: { username, name: "向明月", phone, idNumber: makeIdNumber("500103", "19960312"), departmentId: dept.id, roles: ["clerk"] },
    });
    await head.post(`/api/admin/staff-changes/${filed.id}/approve`, {});
    const initial = /初始密码 (\S+)，/.exec(await newestSms(baseUrl, phone, "初始密码"))![1]!;

    const page = await newPage("new staff");
    await page.goto("/workbench/login");
    await page.getByLabel("用户名", { exact: true }).fill(username);
    await page.getByLabel("密码", { exact: true }).fill(initial);
    await page.getByRole("button", { name: twoChars("登录") }).click();
    await urlMatch(page, /\/workbench\/password/);
    await visible(page.getByText("首次登录请修改初始密码"));
    await screenshot(page, "accounts-first-login");
    // Any other workbench page sends back here.
    await page.goto("/workbench/inbox");
    await urlMatch(page, /\/workbench\/password/);
    await page.getByLabel("当前密码").fill(initial);
    await page.getByLabel("新密码", { exact: true }).fill("Window2026ok");
    await page.getByLabel("确认新密码").fill("Window2026ok");
    await page.getByRole("button", { name: "修改密码" }).click();
    await visible(page.getByText("密码已修改"));
    await urlMatch(page, /\/workbench$/);
    await visible(page.getByRole("heading", { name: "待办", level: 1 }));
    await screenshot(page, "accounts-password-changed");
  });

  it("no page crashed", () => {
    expect(suite.pageErrors()).toEqual([]);
  });
});
