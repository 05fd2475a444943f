/**
 * Document templates in the workbench (文书模板, R12), end to end.
 *
 * A department admin of the demo data opens 文书模板, finds the acceptance notice (受理通知书)
 * among the kinds with whose words are in force, and edits it: a placeholder inserted at the
 * cursor from the placeholder panel, the live PDF preview rendering again. A placeholder the kind
 * does not know is marked at once beside the field, and the server's refusal (422) shows in the
 * preview pane; saving is refused until it is gone. Saved with a note, the new version heads the
 * history; its words can be read there. In English and elder mode the page reads in words, and
 * "恢复平台默认" (after a confirmation) puts the platform default back as a new version. The
 * platform admin starts on the platform defaults and can choose the department's templates instead.
 * Every page passes axe-core.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "./browser.ts";
import { browserSuite } from "./suite.ts";
import { axeCheck, staffLogin, twoChars, UI_TIMEOUT, visible } from "./pages.ts";

const DEPT_ADMIN = "cq.scjg.admin";
const DEPT_ADMIN_NAME = "马丽萍";
const DEPARTMENT = "重庆市市场监督管理局";
const KIND = "受理通知书";
const NOTE = "正文加入申请编号，便于电话咨询";

/** The live preview's state, as the pane announces it (data-state: rendering, ready, error, idle). */
const previewState = (page: Page) => page.locator(".tpl-preview-status").getAttribute("data-state");
const previewFrame = (page: Page) => page.locator("iframe.tpl-preview-frame");

/** Waits for the preview to settle in `state`, then returns the blob URL the frame shows (if any). */
async function previewSettles(page: Page, state: "ready" | "error"): Promise<string | null> {
  await expect.poll(() => previewState(page), { timeout: UI_TIMEOUT, interval: 200, message: `the preview to be ${state}` }).toBe(state);
  return (await previewFrame(page).count()) ? previewFrame(page).getAttribute("src") : null;
}

/** Moves the pointer away and waits for tooltips to go (they float outside the page's landmarks). */
async function calmPointer(page: Page) {
  await page.mouse.move(5, 890);
  await page.locator(".ant-tooltip:not(.ant-tooltip-hidden)").waitFor({ state: "detached" }).catch(() => undefined);
}

async function caretToEnd(field: Locator) {
  await field.click();
  await field.press("ControlOrMeta+End");
}

describe("document templates: a department edits its acceptance notice with a live preview", () => {
  const suite = browserSuite("templates");
  const { newPage } = suite;

  it("the department admin edits 受理通知书, sees the preview follow, an unknown placeholder marked, saves and reads the history", async () => {
    const page = await newPage("department admin");
    await staffLogin(page, DEPT_ADMIN);

    // 文书模板: the kinds of the admin's department, with whose words are in force.
    await page.getByRole("link", { name: "文书模板" }).first().click();
    await visible(page.getByRole("heading", { name: "文书模板", level: 1 }));
    const list = page.getByRole("region", { name: "文书种类及当前使用的文字" });
    const row = await visible(list.getByRole("row").filter({ has: page.getByRole("link", { name: KIND, exact: true }) }));
    await visible(row.getByText(/平台内置|平台默认|本部门版本/));
    await visible(row.getByText(/第 \d+ 版/));
    expect(await list.innerText()).not.toMatch(/acceptance-notice|cq-scjgj/); // names, never raw kinds or ids
    await screenshot(page, "templates-list");
    expect(await axeCheck(page, "templates list", { all: true })).toEqual([]);

    // The editor: words on the left, placeholders and the live preview on the right.
    await row.getByRole("link", { name: KIND, exact: true }).click();
    await visible(page.getByRole("heading", { name: KIND, level: 1 }));
    await visible(page.getByRole("heading", { name: "实时预览", level: 2 }));
    const first = await previewSettles(page, "ready");
    expect(first).toMatch(/^blob:/);

    // A placeholder inserted at the cursor (the end of the first paragraph); the preview renders again.
    const paragraph = page.getByLabel("第 1 段", { exact: true });
    await caretToEnd(paragraph);
    await paragraph.pressSequentially("（申请编号：");
    await page.getByRole("button", { name: /^插入占位符 \{\{申请编号\}\}/ }).click();
    await paragraph.pressSequentially("）");
    await expect.poll(() => paragraph.inputValue()).toMatch(/（申请编号：\{\{申请编号\}\}）$/);
    await visible(page.getByText("有未保存的修改"));
    await expect.poll(async () => (await previewSettles(page, "ready")) !== first, { timeout: UI_TIMEOUT }).toBe(true);
    await calmPointer(page);
    await screenshot(page, "templates-editor-preview");
    expect(await axeCheck(page, "template editor", { all: true })).toEqual([]);

    // A placeholder the acceptance notice does not know: marked at once, refused by the preview, not saved.
    const footnote = page.getByLabel("页脚说明", { exact: true });
    await footnote.fill("证照编号：{{证照编号}}");
    await visible(page.getByText("本类文书没有这些占位符：{{证照编号}}"));
    await visible(page.getByRole("alert").filter({ hasText: "以下占位符本类文书不能使用：{{证照编号}}" }));
    await visible(page.locator(".tpl-ph-unknown").filter({ hasText: "{{证照编号}}" }).first());
    await previewSettles(page, "error");
    await visible(page.getByText("无法生成预览"));
    await visible(page.getByText("占位符 {{证照编号}} 本类文书不能使用。"));
    await calmPointer(page);
    await screenshot(page, "templates-unknown-placeholder");
    expect(await axeCheck(page, "template editor with an unknown placeholder", { all: true })).toEqual([]);
    await page.getByRole("button", { name: "保存新版本" }).click();
    await visible(page.getByText("请先改正标出的问题。"));
    expect(await page.getByRole("dialog", { name: "保存新版本" }).count()).toBe(0);

    // Corrected, saved with a note: the new version heads the history.
    await footnote.fill("");
    await expect.poll(() => page.getByText("本类文书没有这些占位符").count()).toBe(0);
    await previewSettles(page, "ready");
    await page.getByRole("button", { name: "保存新版本" }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "保存新版本" }));
    await dialog.getByLabel("修改说明（可选）").fill(NOTE);
    await dialog.getByRole("button", { name: twoChars("保存") }).click();
    await dialog.waitFor({ state: "hidden" });
    const saved = await visible(page.getByRole("alert").filter({ hasText: /已保存为第 \d+ 版/ }).or(page.locator(".ant-alert-success").filter({ hasText: /已保存为第 \d+ 版/ })).first());
    const version = /第 (\d+) 版/.exec(await saved.innerText())![1]!;
    const history = page.getByRole("region", { name: `${KIND}的版本历史` });
    const newest = await visible(history.getByRole("row").filter({ hasText: NOTE }));
    await visible(newest.getByText(`第 ${version} 版`, { exact: true }));
    await visible(newest.getByText("当前"));
    await visible(newest.getByText("部门版本"));
    await visible(newest.getByText(DEPT_ADMIN_NAME));
    expect(await page.getByText("有未保存的修改").count()).toBe(0);
    await expect.poll(() => paragraph.inputValue()).toContain("{{申请编号}}");

    // The saved words, read from the history.
    await newest.getByRole("button", { name: `查看第 ${version} 版` }).click();
    const view = await visible(page.getByRole("dialog", { name: `第 ${version} 版的文字` }));
    await visible(view.getByText("{{申请编号}}").first());
    await screenshot(page, "templates-history");
    expect(await axeCheck(page, "a version's words", { all: true })).toEqual([]);
    await view.getByRole("button", { name: twoChars("关闭") }).first().click();
    await view.waitFor({ state: "hidden" });

    // The list now says the department's own words are in force.
    await page.getByRole("link", { name: "返回文书模板" }).click();
    const after = await visible(page.getByRole("region", { name: "文书种类及当前使用的文字" }).getByRole("row").filter({ has: page.getByRole("link", { name: KIND, exact: true }) }));
    await visible(after.getByText("本部门版本"));
    await visible(after.getByText(`第 ${version} 版`, { exact: true }));
    await visible(after.getByText(new RegExp(DEPT_ADMIN_NAME)));
  });

  it("in English and elder mode the editor reads in words, and the platform default can be put back", async () => {
    suite.needEarlierSteps();
    const page = await newPage("department admin, English and elder mode");
    await staffLogin(page, DEPT_ADMIN);
    await page.getByRole("link", { name: "文书模板" }).first().click();
    await page.getByRole("link", { name: KIND, exact: true }).click();
    await visible(page.getByRole("heading", { name: KIND, level: 1 }));
    await previewSettles(page, "ready");

    await page.getByRole("button", { name: "English" }).click();
    await visible(page.getByRole("heading", { name: "Acceptance notice", level: 1 }));
    await visible(page.getByRole("button", { name: /^Insert placeholder \{\{申请人\}\}: Applicant/ }));
    await page.getByRole("button", { name: /长辈模式|Easy reading/ }).click();
    await calmPointer(page);
    await screenshot(page, "templates-english-elder");
    expect(await axeCheck(page, "template editor in English, elder mode", { all: true })).toEqual([]);
    await page.getByRole("button", { name: /长辈模式|Easy reading/ }).click();
    await page.getByRole("button", { name: "中文" }).click();
    await visible(page.getByRole("heading", { name: KIND, level: 1 }));

    // 恢复平台默认: asked first, then recorded as a new version.
    await page.getByRole("button", { name: "恢复平台默认" }).click();
    const confirm = await visible(page.getByRole("dialog", { name: "恢复平台默认？" }));
    await visible(confirm.getByText(/将改用平台默认的文字/));
    await confirm.getByRole("button", { name: "恢复平台默认" }).click();
    await visible(page.getByText(/已恢复平台默认（第 \d+ 版）/));
    await visible(page.getByRole("region", { name: `${KIND}的版本历史` }).getByRole("row").filter({ hasText: "恢复为平台默认" }).first());
    await expect.poll(() => page.getByLabel("第 1 段", { exact: true }).inputValue()).not.toContain("（申请编号：{{申请编号}}）");
    await expect.poll(() => page.getByRole("button", { name: "恢复平台默认" }).count(), { timeout: UI_TIMEOUT }).toBe(0);
    await screenshot(page, "templates-back-to-default");
  });

  it("the platform admin edits the platform defaults or chooses a department's templates", async () => {
    suite.needEarlierSteps();
    const page = await newPage("platform admin");
    await staffLogin(page, "admin");
    await page.getByRole("link", { name: "文书模板" }).first().click();
    await visible(page.getByRole("heading", { name: "文书模板", level: 1 }));
    await visible(page.getByText("平台默认模板适用于所有没有本部门版本的部门。"));
    const list = page.getByRole("region", { name: "文书种类及当前使用的文字" });
    await visible(list.getByRole("link", { name: KIND, exact: true }));
    await page.getByLabel("模板范围").click();
    await page.keyboard.type(DEPARTMENT);
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: DEPARTMENT }).first().click();
    await expect.poll(() => page.url()).toMatch(/\/workbench\/templates\?department=/);
    await visible(page.getByText("本部门的版本只用于本部门出具的文书；未设置的文书使用平台默认。"));
    // The department's history holds the version saved above, and going back to the default.
    await list.getByRole("link", { name: KIND, exact: true }).click();
    await visible(page.getByRole("heading", { name: KIND, level: 1 }));
    await visible(page.getByText(new RegExp(DEPARTMENT)).first());
    await visible(page.getByRole("region", { name: `${KIND}的版本历史` }).getByRole("row").filter({ hasText: NOTE }));
    expect(await axeCheck(page, "a department's template, opened by the platform admin", { all: true })).toEqual([]);
    expect(suite.pageErrors()).toEqual([]);
  });
});
