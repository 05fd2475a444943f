/**
 * Staff administration in the workbench: training records and the two-person rule (R16, R17).
 *
 * 渝北区市场监督管理局's department admin tries to make the newly hired, untrained clerk 蒋文龙 a
 * 承办 (handler): refused (UNTRAINED_STAFF) in the dialog. The admin records the clerk's training,
 * files the request again, and it waits; the department head approves it on the 待审批变更 tab, and
 * only then does the clerk hold the role (checked through GET /api/me as the clerk).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ApiSession } from "./api.ts";
import { screenshot } from "./browser.ts";
import { browserSuite } from "./suite.ts";
import { axeCheck, staffLogin, urlMatch, visible } from "./pages.ts";

const ADMIN = "yb.scjg.admin";
const HEAD = "yb.scjg.head";
const CLERK = "yb.scjg.clerk2";
const CLERK_NAME = "蒋文龙";
const COURSE = "行政许可法及食品经营许可审查培训";
const REASON = "窗口人员转岗承办食品经营许可审查";

/** Yesterday in Beijing, as the training's completion date. */
function yesterday(): string {
  return new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
}

async function openStaffPage(page: Page): Promise<void> {
  await page.getByRole("link", { name: "人员与角色" }).first().click();
  await urlMatch(page, /\/workbench\/config\/staff/);
  await visible(page.getByRole("heading", { name: "人员与角色", level: 1 }));
}

async function openDrawer(page: Page): Promise<ReturnType<Page["getByRole"]>> {
  await page.getByLabel("搜索").fill(CLERK_NAME);
  // The list is searched after a pause in typing; while the search runs, the old rows stay under a
  // loading veil that catches the clicks. A click on the old row then opened nothing (seen in CI).
  await visible(page.getByRole("search").getByRole("status").filter({ hasText: "共 1 人" }));
  const table = page.getByRole("table", { name: "工作人员列表" });
  const row = await visible(table.getByRole("row").filter({ hasText: CLERK }));
  await row.getByRole("button", { name: CLERK_NAME }).click();
  return visible(page.getByRole("dialog", { name: `人员详情：${CLERK_NAME}` }));
}

async function requestHandlerRole(page: Page, drawer: ReturnType<Page["getByRole"]>) {
  await drawer.getByRole("button", { name: "申请授予角色" }).click();
  const dialog = await visible(page.getByRole("dialog", { name: `申请授予角色：${CLERK_NAME}` }));
  await dialog.getByLabel("角色").click();
  await page.locator(".ant-select-item-option").filter({ hasText: /^承办$/ }).click();
  await dialog.getByLabel("申请理由").fill(REASON);
  await dialog.getByRole("button", { name: "提交申请" }).click();
  return dialog;
}

describe("staff administration: a training record, then a role granted by two people", () => {
  const suite = browserSuite("staff");
  const { baseUrl, newPage } = suite;

  it("the department admin is refused an approving role for an untrained clerk, records the training and files the request", async () => {
    const before = (await (await ApiSession.login(baseUrl, CLERK)).get<{ roles: { role: string }[] }>("/api/me")).roles.map((r) => r.role);
    expect(before).toEqual(["clerk"]);

    const page = await newPage(ADMIN);
    await staffLogin(page, ADMIN);
    await openStaffPage(page);
    const table = page.getByRole("table", { name: "工作人员列表" });
    await visible(table.getByRole("row").filter({ hasText: CLERK }).getByText("未培训"));
    await screenshot(page, "staff-list");
    expect(await axeCheck(page, "staff list")).toEqual([]);

    let drawer = await openDrawer(page);
    // R17: refused while there is no training record, with the reason in the dialog.
    const refused = await requestHandlerRole(page, drawer);
    // The reason and what to do next in words, never the error's code.
    const reason = await visible(refused.getByRole("alert").filter({ hasText: "该工作人员尚未登记培训合格，不能承担审批职责。" }));
    await visible(reason.getByText("请先在该工作人员的“培训记录”中登记培训，登记后再重新提交申请。"));
    expect(await reason.innerText()).not.toContain("UNTRAINED_STAFF");
    await screenshot(page, "staff-untrained-refused");
    await refused.getByRole("button", { name: "取消" }).click();
    await refused.waitFor({ state: "hidden" });

    // The training record.
    await drawer.getByLabel("课程名称").fill(COURSE);
    await drawer.getByLabel("学时").fill("16");
    await drawer.getByLabel("证书编号（选填）").fill("YB-PX-E2E-001");
    await drawer.getByLabel("完成日期").fill(yesterday());
    await drawer.getByLabel("完成日期").press("Enter");
    await visible(page.getByText(`已为 ${CLERK_NAME} 登记培训`));
    await visible(drawer.getByRole("table", { name: "培训记录" }).getByText(COURSE));
    await screenshot(page, "staff-trained");

    // Filed again: accepted, waiting for a second person.
    drawer = page.getByRole("dialog", { name: `人员详情：${CLERK_NAME}` });
    const filed = await requestHandlerRole(page, drawer);
    await visible(page.getByText("变更申请已提交，等待审批"));
    await filed.waitFor({ state: "hidden" });
    await visible(drawer.getByText("该工作人员有一项变更正在等待审批"));
    await screenshot(page, "staff-change-pending");
    // Nothing has changed yet.
    const meanwhile = (await (await ApiSession.login(baseUrl, CLERK)).get<{ roles: { role: string }[] }>("/api/me")).roles.map((r) => r.role);
    expect(meanwhile).toEqual(["clerk"]);
  });

  it("the department head approves it on the 待审批变更 tab; only then the clerk holds the role", async () => {
    suite.needEarlierSteps();
    const page = await newPage(HEAD);
    await staffLogin(page, HEAD);
    // The head was told in the workbench inbox, and marks the message read (for the head only).
    await page.getByRole("link", { name: "消息" }).first().click();
    const messages = page.getByRole("list", { name: "我的消息" });
    const message = await visible(messages.getByRole("listitem").filter({ hasText: "人员变更待审批" }).first());
    await message.getByRole("button", { name: /^标为已读/ }).click();
    await message.getByRole("button", { name: /^标为已读/ }).waitFor({ state: "detached" });
    await screenshot(page, "staff-head-inbox-read");
    await openStaffPage(page);
    await page.getByRole("tab", { name: /^待审批变更/ }).click();
    const pending = page.getByRole("table", { name: "待审批变更" });
    const row = await visible(pending.getByRole("row").filter({ hasText: CLERK_NAME }).filter({ hasText: "授予角色：承办" }));
    expect(await row.innerText()).toContain(REASON);
    await screenshot(page, "staff-pending-for-head");
    expect(await axeCheck(page, "staff pending changes")).toEqual([]);
    await row.getByRole("button", { name: "批准" }).click();
    const dialog = await visible(page.getByRole("dialog", { name: `批准变更：${CLERK_NAME}` }));
    await dialog.getByLabel("审批意见（选填）").fill("已核对培训证书");
    await dialog.getByRole("button", { name: "批准" }).click();
    await visible(page.getByText("已批准，变更已生效"));
    await dialog.waitFor({ state: "hidden" });
    await screenshot(page, "staff-approved");

    const after = (await (await ApiSession.login(baseUrl, CLERK)).get<{ roles: { role: string }[] }>("/api/me")).roles.map((r) => r.role);
    expect(after.sort()).toEqual(["clerk", "handler"]);
    const changes = await (await ApiSession.login(baseUrl, HEAD)).get<{ items: { staffName: string; status: string; decidedBy: { name: string } | null }[] }>("/api/admin/staff-changes?status=approved");
    expect(changes.items).toContainEqual(expect.objectContaining({ staffName: CLERK_NAME, status: "approved", decidedBy: expect.objectContaining({ name: "胡晓燕" }) }));
  });

  it("no page crashed", () => {
    expect(suite.pageErrors()).toEqual([]);
  });
});
