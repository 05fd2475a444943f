/**
 * The catalog's administration in the workbench (事项管理, 事项审核; R8–R11), end to end.
 *
 * The platform admin adds a district department under 组织机构 and an item for it under 事项管理.
 * The department's new admin (created through the two-person staff rule, by API) writes the item's
 * guide section by section — the editor refuses a promised limit above the statutory one at once,
 * and shows the server's refusal of a named staff member on the step it concerns — uploads a blank
 * form, previews the public guide and submits. The region admin finds the version in 事项审核,
 * reads its changes against nothing in effect yet, and approves it; the submitter could not have.
 * A citizen then finds the item in the portal and applies for it. A second version, written from
 * the one in effect, is sent back with a reason that its author then reads. Every page passes axe-core.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { ApiSession } from "./api.ts";
import { screenshot } from "./browser.ts";
import { browserSuite } from "./suite.ts";
import { axeCheck, fieldLabel, makeIdNumber, makePhone, newestSms, registerCitizen, staffLogin, twoChars, UI_TIMEOUT, urlMatch, visible, writeTempPdf } from "./pages.ts";

const baseUrl = inject("baseUrl");
const DEPARTMENT = "重庆市渝北区文化和旅游发展委员会";
const ITEM_CODE = "YB-WHLY-101";
const ITEM_NAME = "营业性演出审批";
const DEPT_ADMIN = "yb.whly.admin";
const DEPT_ADMIN_PASSWORD = "Whly-2026-Ok!";
const MATERIAL = "营业性演出申请表";
const FORM_FIELD = "演出场所";

/** Chooses an option of an antd select by its visible text (typed first: the list is virtual). */
async function choose(page: Page, label: RegExp | string, option: string) {
  await page.getByLabel(label).click();
  await page.keyboard.type(option);
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: option }).first().click();
}

async function openCatalog(page: Page) {
  await page.getByRole("link", { name: "事项管理" }).first().click();
  await urlMatch(page, /\/workbench\/catalog$/);
  await visible(page.getByRole("heading", { name: "事项管理", level: 1 }));
}

describe("catalog administration: a department, an item, its guide written, approved by a second person, applied for", () => {
  const suite = browserSuite("catalog");
  const { newPage } = suite;

  it("the platform admin adds a department in 渝北区 and creates an item for it", async () => {
    const page = await newPage("platform admin");
    await staffLogin(page, "admin");
    await page.getByRole("link", { name: "组织机构" }).first().click();
    await visible(page.getByRole("heading", { name: "组织机构", level: 1 }));
    await (await visible(page.locator(".ant-tree").getByText("渝北区", { exact: true }))).click();
    await visible(page.getByRole("heading", { name: "渝北区", level: 2 }));
    await page.getByRole("button", { name: "新增部门" }).click();
    const deptDialog = await visible(page.getByRole("dialog", { name: "在渝北区新增部门" }));
    await deptDialog.getByLabel(fieldLabel("名称")).fill(DEPARTMENT);
    await deptDialog.getByLabel(fieldLabel("联系电话")).fill("023-67812345");
    await deptDialog.getByRole("button", { name: twoChars("保存") }).click();
    await deptDialog.waitFor({ state: "hidden" });

    await openCatalog(page);
    expect(await axeCheck(page, "catalog list", { all: true })).toEqual([]);
    await page.getByRole("button", { name: "新建事项" }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "新建事项" }));
    await choose(page, fieldLabel("实施部门"), DEPARTMENT);
    await visible(dialog.getByText("渝北区 · 区县级"));
    await dialog.getByLabel(fieldLabel("事项编码")).fill(ITEM_CODE);
    await dialog.getByLabel(fieldLabel("事项名称")).fill(ITEM_NAME);
    await screenshot(page, "catalog-new-item");
    await dialog.getByRole("button", { name: twoChars("创建") }).click();
    await visible(page.getByRole("heading", { name: ITEM_NAME, level: 1 }));
    await visible(page.getByText("尚无生效版本，未在公众目录中显示"));
    expect(await axeCheck(page, "new item", { all: true })).toEqual([]);
  });

  it("a department admin is added to the new department (staff change approved by a second person)", async () => {
    suite.needEarlierSteps();
    const admin = await ApiSession.login(baseUrl, "admin");
    const region = await ApiSession.login(baseUrl, "yb.admin");
    const list = await admin.get<{ departments: { id: string; name: string }[] }>("/api/admin/staff");
    const dept = list.departments.find((d) => d.name === DEPARTMENT)!;
    const phone = makePhone();
    const filed = await admin.post<{ id: string }>("/api/admin/staff-changes", {
      kind: "create", reason: "新设部门的事项管理员", staff: { username: DEPT_ADMIN, name: "罗文华", phone, idNumber: makeIdNumber("500112", "19850621"), departmentId: dept.id, roles: ["department-admin"] },
    });
    await region.post(`/api/admin/staff-changes/${filed.id}/approve`, {});
    const initial = /初始密码 (\S+)，/.exec(await newestSms(baseUrl, phone, "初始密码"))![1]!;
    const me = await ApiSession.login(baseUrl, DEPT_ADMIN, initial);
    await me.post("/api/auth/password", { currentPassword: initial, newPassword: DEPT_ADMIN_PASSWORD });
  });

  it("the department admin writes the guide in sections, sees the problems where they are, previews it and submits it", async () => {
    suite.needEarlierSteps();
    const page = await newPage("department admin");
    await staffLogin(page, DEPT_ADMIN, DEPT_ADMIN_PASSWORD);
    await openCatalog(page);
    await page.getByRole("link", { name: ITEM_NAME }).click();
    await visible(page.getByRole("heading", { name: ITEM_NAME, level: 1 }));
    await page.getByRole("link", { name: "写新版本" }).click();
    await visible(page.getByRole("heading", { name: `${ITEM_NAME} · 办事指南`, level: 1 }));
    const tab = (name: string) => page.getByRole("tab", { name: new RegExp(`^${name}`) });

    // 基本信息与依据
    await page.getByRole("radio", { name: "网上申办或窗口办理" }).check();
    await page.getByLabel(fieldLabel("设定依据")).fill("《营业性演出管理条例》第六条、第十条。");
    // 申请条件与对象
    await tab("申请条件与对象").click();
    await page.getByLabel(fieldLabel("申请条件")).fill("1. 有与其业务相适应的专职演出经纪人员；\n2. 有符合规定的演出场所。");
    // 时限与收费: a promised limit above the statutory one is refused before anything is sent.
    await tab("时限与收费").click();
    await page.getByLabel(fieldLabel("承诺办结时限")).fill("25");
    await page.getByLabel(fieldLabel("收费标准")).fill("不收费");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await visible(page.getByText("请先改正下列问题。"));
    await visible(page.getByRole("button", { name: "时限与收费：承诺时限不能超过法定时限。" }));
    await visible(page.getByRole("button", { name: "申请材料：至少要有一项申请材料。" }));
    await screenshot(page, "catalog-editor-local-problems");
    await page.getByLabel(fieldLabel("承诺办结时限")).fill("8");
    // 申请材料, with a blank form uploaded as a PDF
    await page.getByRole("button", { name: "申请材料：至少要有一项申请材料。" }).click();
    await page.getByRole("button", { name: "添加材料" }).click();
    await page.getByLabel(fieldLabel("材料名称")).fill(MATERIAL);
    await page.locator(`#guide-materials-0-blankFormFile`).setInputFiles(writeTempPdf("blank-form.pdf", "Blank form of the performance application"));
    await visible(page.getByRole("link", { name: "查看已上传的 PDF" }));
    await choose(page, "可复用的证照", "营业执照");
    // 申请表字段
    await tab("申请表字段").click();
    await page.getByRole("button", { name: "添加字段" }).click();
    await page.getByLabel(fieldLabel("字段名称")).fill(FORM_FIELD);
    await page.getByLabel(fieldLabel("字段标识")).fill("venue");
    // 结果与责任, 咨询与投诉
    await tab("结果与责任").click();
    await page.getByLabel(fieldLabel("审批结果")).fill("营业性演出许可证");
    await page.getByLabel(fieldLabel("审查职责")).fill("审查申请材料是否齐全、符合法定形式。");
    await page.getByLabel(fieldLabel("责任追究")).fill("依照《行政许可法》第七章追究责任。");
    await tab("咨询与投诉").click();
    await page.getByLabel(fieldLabel("咨询电话")).fill("023-67812345");
    await page.getByLabel(fieldLabel("投诉电话")).fill("023-12345");

    // 办理流程: a staff member named on a step who lacks the role is refused by the server, on that step.
    await tab("办理流程").click();
    await visible(page.getByRole("img", { name: /营业性演出审批流程图/ }));
    await page.locator("input[id$='-staff']").nth(1).fill("no-such-staff");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await visible(page.getByText("办事指南不符合要求，请按提示逐项修改。"));
    await visible(page.locator(".step-card.has-problem").getByText("指定的经办人在该部门没有这个岗位。"));
    await screenshot(page, "catalog-editor-server-problem");
    expect(await axeCheck(page, "guide editor: process", { all: true })).toEqual([]);
    await page.locator("input[id$='-staff']").nth(1).fill("");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await visible(page.getByText("草稿已保存"));
    await urlMatch(page, /\/versions\/(?!new\/)[^/]+\/edit$/);

    // Preview: the public guide page, as it will read.
    await page.getByRole("button", { name: "预览办事指南" }).click();
    const preview = await visible(page.getByRole("dialog", { name: `预览：${ITEM_NAME}（草稿）` }));
    await visible(preview.getByRole("heading", { name: ITEM_NAME, level: 1 }));
    await visible(preview.getByText(MATERIAL, { exact: true }));
    await visible(preview.getByText("网上申办或窗口办理").first());
    await screenshot(page, "catalog-preview");
    expect(await axeCheck(page, "guide preview", { all: true })).toEqual([]);
    await preview.getByRole("button", { name: /关闭|Close/ }).click();

    await page.getByRole("button", { name: "提交审核" }).click();
    const confirm = await visible(page.getByRole("dialog", { name: "提交审核？" }));
    await confirm.getByRole("button", { name: "提交审核" }).click();
    await visible(page.getByText("已提交，等待另一名负责人审核"));
    await visible(page.getByRole("heading", { name: ITEM_NAME, level: 1 }));
    const history = page.getByRole("region", { name: "版本历史" });
    await visible(history.getByRole("row").filter({ hasText: "第 1 版" }).getByText("待审核"));
    await screenshot(page, "catalog-item-pending");
    expect(await axeCheck(page, "item with a pending version", { all: true })).toEqual([]);
    // The submitter is never offered the approval.
    const inbox = await (await ApiSession.login(baseUrl, DEPT_ADMIN, DEPT_ADMIN_PASSWORD)).get<{ items: unknown[] }>("/api/admin/version-inbox");
    expect(inbox.items).toEqual([]);
  });

  it("the region admin sees it in 事项审核, reads the changes and approves it", async () => {
    suite.needEarlierSteps();
    const page = await newPage("region admin");
    await staffLogin(page, "yb.admin");
    await page.getByRole("link", { name: "事项审核" }).first().click();
    await visible(page.getByRole("heading", { name: "事项审核", level: 1 }));
    const row = await visible(page.getByRole("region", { name: "待审核的版本" }).getByRole("row").filter({ hasText: ITEM_NAME }));
    await visible(row.getByText("申请材料"));
    await screenshot(page, "catalog-approvals-inbox");
    expect(await axeCheck(page, "approvals inbox", { all: true })).toEqual([]);
    await row.getByRole("link", { name: ITEM_NAME }).click();
    await visible(page.getByRole("heading", { name: `审核：${ITEM_NAME}（第 1 版）`, level: 1 }));
    await visible(page.getByText(/双人复核：提交人本人不能审核/));
    // The changes, field by field: the material is an added row.
    const materials = await visible(page.getByRole("region", { name: "申请材料" }).or(page.locator("section[aria-labelledby='diff-materials']")));
    await visible(materials.getByRole("row").filter({ hasText: MATERIAL }).getByText("新增"));
    await visible(page.locator("section[aria-labelledby='diff-promisedDays']").getByText("8 个工作日"));
    await screenshot(page, "catalog-review-diff");
    expect(await axeCheck(page, "review a version", { all: true })).toEqual([]);

    // In English and in elder mode the same page reads in words (field names from the contracts); the platform
    // writes to the person in the language chosen.
    await page.getByRole("button", { name: "English" }).click();
    await visible(page.getByRole("heading", { name: `Review: ${ITEM_NAME} (version 1)`, level: 1 }));
    await visible(page.getByRole("heading", { name: "Promised time limit", level: 3 }));
    await expect.poll(async () => (await (await ApiSession.login(baseUrl, "yb.admin")).get<{ lang: string }>("/api/me")).lang, { timeout: UI_TIMEOUT }).toBe("en");
    await page.getByRole("button", { name: /长辈模式|Easy reading/ }).click();
    // The toggle's tooltip floats outside the page's landmarks while the pointer rests on it.
    await page.mouse.move(640, 600);
    await page.locator(".ant-tooltip:not(.ant-tooltip-hidden)").waitFor({ state: "detached" }).catch(() => undefined);
    await screenshot(page, "catalog-review-english-elder");
    expect(await axeCheck(page, "review in English, elder mode", { all: true })).toEqual([]);
    await page.getByRole("button", { name: /长辈模式|Easy reading/ }).click();
    await page.getByRole("button", { name: "中文" }).click();
    await visible(page.getByRole("heading", { name: `审核：${ITEM_NAME}（第 1 版）`, level: 1 }));
    await page.getByRole("button", { name: "审核通过" }).click();
    const confirm = await visible(page.getByRole("dialog", { name: `审核通过“${ITEM_NAME}”第 1 版？` }));
    await confirm.getByRole("button", { name: "审核通过" }).click();
    await visible(page.getByText("已审核通过，新版本已生效"));
    await urlMatch(page, /\/workbench\/approvals$/);
    await visible(page.getByText("暂无等待您审核的版本"));
  });

  it("a citizen finds the item in the portal and applies for it", async () => {
    suite.needEarlierSteps();
    const { phone } = await registerCitizen(baseUrl);

    const page = await newPage("citizen");
    await page.goto("/login");
    await page.getByLabel("账号", { exact: true }).fill(phone);
    await page.getByLabel("密码", { exact: true }).fill("Citizen2026ok");
    await page.getByRole("button", { name: twoChars("登录") }).click();
    await visible(page.getByRole("heading", { name: "我的办件", level: 1 }));
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "首页" }).click();
    const search = await visible(page.getByRole("search").getByLabel("搜索办事事项"));
    await search.fill(ITEM_NAME);
    await page.getByRole("search").getByRole("button", { name: twoChars("搜索") }).click();
    await (await visible(page.getByRole("heading", { level: 2 }).getByRole("link", { name: ITEM_NAME, exact: true }))).click();
    await visible(page.getByRole("heading", { name: ITEM_NAME, level: 1 }));
    await visible(page.getByRole("main").getByText(MATERIAL, { exact: true }).first());
    await visible(page.getByRole("link", { name: "空白表格" }));
    await screenshot(page, "catalog-portal-guide");
    expect(await axeCheck(page, "portal guide of the new item", { all: true })).toEqual([]);

    await page.getByRole("link", { name: /在线申办/ }).first().click();
    await visible(page.getByRole("heading", { name: "在线申办", level: 1 }));
    await page.getByLabel(FORM_FIELD, { exact: true }).fill("重庆市渝北区演艺中心");
    await page.getByRole("button", { name: "保存并下一步" }).click();
    const section = await visible(page.getByRole("region", { name: MATERIAL, exact: true }));
    await section.locator('input[type="file"]').setInputFiles(writeTempPdf("application.pdf", "Performance application"));
    await visible(section.getByText("已上传 1 份"));
    await page.getByRole("button", { name: "下一步：确认提交" }).click();
    await page.getByRole("checkbox", { name: /本人承诺/ }).check();
    await page.getByRole("button", { name: "确认提交", exact: true }).click();
    await visible(page.getByText("申请已提交"));
    await screenshot(page, "catalog-applied");
  });

  it("a second version from the one in effect is sent back with a reason, and the author sees why", async () => {
    suite.needEarlierSteps();
    const author = await newPage("department admin, version 2");
    await staffLogin(author, DEPT_ADMIN, DEPT_ADMIN_PASSWORD);
    await openCatalog(author);
    await author.getByRole("link", { name: ITEM_NAME }).click();
    await visible(author.getByText("现行第 1 版，自", { exact: false }));
    await author.getByRole("link", { name: "写新版本" }).click();
    await visible(author.getByText("以第 1 版为基础"));
    await author.getByRole("tab", { name: /^时限与收费/ }).click();
    await author.getByLabel(fieldLabel("承诺办结时限")).fill("6");
    await author.getByRole("button", { name: "提交审核" }).click();
    await (await visible(author.getByRole("dialog", { name: "提交审核？" }))).getByRole("button", { name: "提交审核" }).click();
    await visible(author.getByRole("region", { name: "版本历史" }).getByRole("row").filter({ hasText: "第 2 版" }).getByText("待审核"));

    const reviewer = await newPage("region admin, version 2");
    await staffLogin(reviewer, "yb.admin");
    await reviewer.getByRole("link", { name: "事项审核" }).first().click();
    await (await visible(reviewer.getByRole("region", { name: "待审核的版本" }).getByRole("link", { name: ITEM_NAME }))).click();
    await visible(reviewer.getByText("与第 1 版相比："));
    const promised = reviewer.locator("section[aria-labelledby='diff-promisedDays']");
    await visible(promised.getByText("8 个工作日"));
    await visible(promised.getByText("6 个工作日"));
    expect(await reviewer.locator("section[aria-labelledby='diff-materials']").count()).toBe(0);
    await reviewer.getByRole("button", { name: "退回" }).click();
    const dialog = await visible(reviewer.getByRole("dialog", { name: `退回“${ITEM_NAME}”` }));
    await dialog.getByLabel(fieldLabel("退回理由")).fill("承诺时限缩短须附窗口人员配置说明");
    await dialog.getByRole("button", { name: "退回" }).click();
    await visible(reviewer.getByText("已退回，编写人可修改后重新提交"));

    await author.reload();
    const row = await visible(author.getByRole("region", { name: "版本历史" }).getByRole("row").filter({ hasText: "第 2 版" }));
    await visible(row.getByText("已退回"));
    await visible(row.getByText("退回理由：承诺时限缩短须附窗口人员配置说明"));
    await visible(author.getByRole("link", { name: "写新版本" }));
    await screenshot(author, "catalog-version-sent-back");
    expect(await axeCheck(author, "item with a version sent back", { all: true })).toEqual([]);
  });

  it("no page crashed", () => {
    expect(suite.pageErrors()).toEqual([]);
  });
});
