/**
 * 系统对接 (department systems' clients, R5), end to end.
 *
 * The demo department admin opens 系统对接, creates a client for the department's own system with
 * two scopes; the token is shown once, with a warning and a copy button, and never again: the list
 * shows only its last four characters. The drawer shows the client's details and recent calls.
 * Revoking asks first; the list then marks the client revoked. In English and elder mode the page
 * reads in words. Every page passes axe-core.
 */
import { describe, expect, it } from "vitest";
import { screenshot } from "./browser.ts";
import { browserSuite } from "./suite.ts";
import { axeCheck, staffLogin, visible } from "./pages.ts";

const DEPT_ADMIN = "cq.scjg.admin";
const NAME = `市场监管业务系统${Date.now() % 100000}`;

describe("系统对接: a department admin creates, inspects and revokes an integration client", () => {
  const suite = browserSuite("integrations");
  const { newPage } = suite;

  it("creates a client, sees its token once, finds it in the list and revokes it", async () => {
    const page = await newPage("department admin");
    await staffLogin(page, DEPT_ADMIN);
    await page.getByRole("link", { name: "系统对接" }).first().click();
    await visible(page.getByRole("heading", { name: "系统对接", level: 1 }));

    await page.getByRole("button", { name: "新建接口客户端" }).click();
    const form = await visible(page.getByRole("dialog", { name: "新建接口客户端" }));
    await form.getByLabel("名称").fill(NAME);
    await form.getByRole("checkbox", { name: /回传办理结果/ }).check();
    expect(await axeCheck(page, "create dialog")).toEqual([]);
    await form.getByRole("button", { name: "创建" }).click();

    const shown = await visible(page.getByRole("dialog", { name: "接口令牌" }));
    await visible(shown.getByText(/令牌只显示这一次/));
    await visible(shown.getByRole("button", { name: "复制令牌" }));
    const token = await shown.getByTestId("integration-token").inputValue();
    expect(token).toMatch(/^cqi_[A-Za-z0-9_-]{43}$/);
    await screenshot(page, "integrations-token-once");
    expect(await axeCheck(page, "token shown once")).toEqual([]);
    await shown.getByRole("button", { name: "我已保存，关闭" }).click();
    await expect.poll(() => page.getByRole("dialog", { name: "接口令牌" }).count()).toBe(0);

    // The list: the client with readable scopes, the token's last four characters only.
    const row = await visible(page.getByRole("row").filter({ hasText: NAME }));
    await visible(row.getByText(`…${token.slice(-4)}`));
    await visible(row.getByText("读取办件（cases:read）"));
    await visible(row.getByText("使用中"));
    expect(await page.content()).not.toContain(token);
    await screenshot(page, "integrations-list");

    // The drawer: details and recent calls.
    await row.getByRole("button", { name: "详情" }).click();
    const drawer = await visible(page.getByRole("dialog", { name: `接口客户端：${NAME}` }));
    await visible(drawer.getByRole("heading", { name: "最近调用" }));
    await visible(drawer.getByText("从未调用"));
    await screenshot(page, "integrations-drawer");
    expect(await axeCheck(page, "client drawer")).toEqual([]);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("dialog", { name: `接口客户端：${NAME}` }).count()).toBe(0);

    // Revocation asks first.
    await row.getByRole("button", { name: "吊销" }).click();
    const confirm = await visible(page.getByRole("dialog", { name: `吊销“${NAME}”` }));
    await visible(confirm.getByText(/所有令牌立即失效/));
    await confirm.getByRole("button", { name: "吊销" }).click();
    await visible(page.getByRole("row").filter({ hasText: NAME }).getByText("已吊销"));
    await expect.poll(() => page.getByRole("row").filter({ hasText: NAME }).getByRole("button", { name: "吊销" }).count()).toBe(0);
    await screenshot(page, "integrations-revoked");
  });

  it("in English and elder mode the page reads in words", async () => {
    suite.needEarlierSteps();
    const page = await newPage("department admin, English and elder mode");
    await staffLogin(page, DEPT_ADMIN);
    await page.getByRole("link", { name: "系统对接" }).first().click();
    await visible(page.getByRole("heading", { name: "系统对接", level: 1 }));
    await page.getByRole("button", { name: "English" }).click();
    await visible(page.getByRole("heading", { name: "System integration", level: 1 }));
    await visible(page.getByRole("row").filter({ hasText: NAME }).getByText("Revoked"));
    await page.getByRole("button", { name: /长辈模式|Easy reading/ }).click();
    // The pointer away, its tooltip gone (tooltips float outside the page's landmarks).
    await page.mouse.move(5, 890);
    await page.locator(".ant-tooltip:not(.ant-tooltip-hidden)").waitFor({ state: "detached" }).catch(() => undefined);
    await screenshot(page, "integrations-english-elder");
    expect(await axeCheck(page, "integrations in English, elder mode", { all: true })).toEqual([]);
  });
});
