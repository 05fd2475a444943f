/**
 * 安全设置: a staff member sets up an authenticator (scans the QR code, confirms with a code, keeps
 * the recovery codes), is asked for a code at the next login, and ends another session.
 */
import { describe, expect, it } from "vitest";
import { totpAt } from "../server/src/identity/totp.ts";
import { screenshot } from "./browser.ts";
import { browserSuite } from "./suite.ts";
import { axeCheck, staffLogin, twoChars, urlMatch, visible } from "./pages.ts";

// A staff member no other browser test logs in as.
const USERNAME = "cq.jtys.reviewer";

describe("security settings: an authenticator for a staff member", () => {
  const suite = browserSuite("security");
  const { newPage } = suite;

  it("sets up TOTP with a QR code and recovery codes, then needs a code to log in", async () => {
    const page = await newPage("staff");
    await staffLogin(page, USERNAME);
    // The account's pages sit under the header's 账户 menu.
    await page.getByRole("button", { name: /账户/ }).click();
    await page.getByRole("menuitem", { name: /安全设置/ }).click();
    await urlMatch(page, /\/workbench\/security$/);
    await visible(page.getByRole("heading", { name: "安全设置", level: 1 }));
    await visible(page.getByText("尚未绑定身份验证器。"));
    // Another login of the same person, to be ended from here.
    const other = await newPage("staff elsewhere");
    await staffLogin(other, USERNAME);

    await page.getByRole("button", { name: "开始绑定" }).click();
    await visible(page.getByRole("img", { name: "身份验证器绑定二维码" }));
    const secret = (await page.locator(".ant-typography code").first().innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, "security-scan");
    await page.getByLabel("动态验证码").fill(totpAt(secret, new Date()));
    await page.getByRole("button", { name: "确认绑定" }).click();
    await visible(page.getByText("请妥善保存恢复码"));
    const codes = await page.locator(".ant-list-item").allInnerTexts();
    expect(codes).toHaveLength(10);
    await screenshot(page, "security-recovery-codes");
    expect(await axeCheck(page, "security", { all: true })).toEqual([]);

    // End the other session from the list.
    await page.reload();
    await visible(page.getByText("已绑定身份验证器", { exact: false }));
    await page.getByRole("button", { name: twoChars("结束") }).first().click();
    await visible(page.getByText("已结束该登录"));
    await other.goto("/workbench");
    await urlMatch(other, /\/workbench\/login/);

    // The next login asks for a code; a recovery code works.
    await page.context().clearCookies();
    await page.goto("/workbench/login");
    await page.getByLabel("用户名", { exact: true }).fill(USERNAME);
    await page.getByLabel("密码", { exact: true }).fill("Demo@2026");
    await page.getByRole("button", { name: twoChars("登录") }).click();
    await visible(page.getByLabel("动态验证码或恢复码"));
    await screenshot(page, "security-login-code");
    await page.getByLabel("动态验证码或恢复码").fill(codes[0]!.trim());
    // The form's submit button, whatever its state shows (a loading icon changes its name).
    await page.locator("main form button[type=submit]").click();
    await urlMatch(page, /\/workbench$/);
  });
});
