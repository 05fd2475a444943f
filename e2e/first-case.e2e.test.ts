/**
 * The first case, end to end in real Chromium: a citizen registers, finds 食品经营许可, reads the
 * guide, applies online with every required material as a PDF and submits; the lead department's
 * window clerk (渝北区市场监督管理局) finds the case, looks at the materials and accepts it; the
 * citizen sees the 统一服务监管码 and anyone can follow the case on the public progress page.
 * Plus an axe-core smoke check on the home page, the guide, the progress page and the worklist.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot } from "./browser.ts";
import {
  type AxeViolation,
  axeCheck,
  getJson,
  makeIdNumber,
  makePersonName,
  makePhone,
  smsCodeFor,
  SUPERVISION_CODE,
  UI_TIMEOUT,
  urlMatch,
  visible,
  watchPage,
  writeTempPdf,
} from "./pages.ts";

const ITEM_NAME = "食品经营许可";
const LEAD_DEPARTMENT = "渝北区市场监督管理局";
const CLERK = { username: "yb.scjg.clerk", password: "Demo@2026" };
const STATUS_LABEL: Record<string, string> = { accepted: "已受理", in_progress: "办理中", submitted: "已提交待受理" };

interface GuideMaterial {
  id: string;
  name: string;
  required: boolean;
}
interface Guide {
  id: string;
  name: string;
  department: { name: string };
  materials: GuideMaterial[];
  formFields?: { key: string; label: string; required: boolean; type: string }[];
}
interface CaseDetailBody {
  id: string;
  status: string;
  supervisionCode?: string;
  materials: { materialId: string; name: string; required: boolean; uploads: { fileName?: string; mime: string; url: string }[] }[];
}
interface ProgressBody {
  supervisionCode: string;
  itemName: string;
  department: string | { name: string };
  status: string;
  steps: { name: string; status: string }[];
}

const baseUrl = inject("baseUrl");
const citizen = {
  name: makePersonName(),
  idNumber: makeIdNumber("500112", "19880315"),
  phone: makePhone(),
  password: "Secret2026",
};
/** What the citizen types into the application form, by field label. */
const FORM_VALUES: Record<string, string> = {
  经营者名称: `${citizen.name}小吃店`,
  经营场所: "重庆市渝北区龙溪街道金山路 18 号 1-3",
  主体业态: "餐饮服务经营者（小型餐饮）",
  经营项目: "热食类食品制售；冷食类食品制售（不含冷加工糕点）",
  食品安全管理人员: citizen.name,
  联系电话: citizen.phone,
};

let browser: Browser;
let citizenContext: BrowserContext;
let citizenPage: Page;
/** The page a step is working on: screenshotted when the step fails. */
let currentPage: Page | undefined;
const problems: { pageErrors: string[]; consoleErrors: string[] }[] = [];
const criticalA11y: Record<string, AxeViolation[]> = {};
const timings: [string, number][] = [];
const t0 = performance.now();

// Shared across the steps (each step needs the ones before it).
let guide: Guide | undefined;
let caseId: string | undefined;
let submitted = false;
let supervisionCode: string | undefined;

function lap(step: string) {
  timings.push([step, Math.round(performance.now() - t0)]);
}

/** Contexts opened by one step (the clerk's, the public's), closed after the step. */
const stepContexts: BrowserContext[] = [];

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 }, baseURL: baseUrl });
  context.setDefaultTimeout(UI_TIMEOUT);
  context.setDefaultNavigationTimeout(30_000);
  stepContexts.push(context);
  return context;
}

async function newPage(context: BrowserContext, label: string): Promise<Page> {
  const page = await context.newPage();
  currentPage = page;
  problems.push(watchPage(page, label));
  return page;
}

async function a11y(page: Page, name: string) {
  const critical = await axeCheck(page, name);
  if (critical.length) criticalA11y[name] = critical;
}

/**
 * The accessible name of a two-character button: Ant Design puts a space between two CJK
 * characters of a button's only text ("搜 索", "登 录"), so match with or without it.
 */
function twoChars(label: string): RegExp {
  return new RegExp(`^${label[0]}\\s?${label[1]}$`);
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`an earlier step failed: no ${what}`);
  return value;
}

describe("first case: register → apply → accept → progress", () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    citizenContext = await newContext();
    stepContexts.splice(0); // lives for the whole file
    citizenPage = await newPage(citizenContext, "citizen");
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.errors?.length && !ctx.task.fails && currentPage && !currentPage.isClosed()) {
      await screenshot(currentPage, `FAILED-${ctx.task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, "-")}`).catch(() => undefined);
    }
    for (const context of stepContexts.splice(0)) await context.close();
  });

  afterAll(async () => {
    console.log(`[e2e] timings (ms since start): ${timings.map(([s, ms]) => `${s} ${ms}`).join(", ")}`);
    const consoleErrors = problems.flatMap((p) => p.consoleErrors);
    if (consoleErrors.length) console.log(`[e2e] browser console errors:\n  ${consoleErrors.join("\n  ")}`);
    await browser?.close();
  });

  it("a citizen registers with a real-name account (person tab, SMS code from the demo outbox)", async () => {
    const page = (currentPage = citizenPage);
    await page.goto("/register");
    await visible(page.getByRole("heading", { name: "实名注册", level: 1 }));
    const personTab = page.getByRole("tab", { name: "个人注册" });
    await personTab.click();
    expect(await personTab.getAttribute("aria-selected")).toBe("true");

    await page.getByLabel("姓名", { exact: true }).fill(citizen.name);
    await page.getByLabel("居民身份证号码", { exact: true }).fill(citizen.idNumber);
    await page.getByLabel("手机号码", { exact: true }).fill(citizen.phone);
    await page.getByRole("button", { name: "获取验证码" }).click();
    // The button counts down once the code is sent.
    await visible(page.getByRole("button", { name: /秒后重发/ }));
    const smsCode = await smsCodeFor(baseUrl, citizen.phone);
    await page.getByLabel("短信验证码", { exact: true }).fill(smsCode);
    await page.getByLabel("密码", { exact: true }).fill(citizen.password);
    await page.getByLabel("确认密码", { exact: true }).fill(citizen.password);
    await page.getByRole("checkbox", { name: /我已阅读并同意/ }).check();
    // The check-digit hint must not show: the ID number is valid.
    expect(await page.getByText("号码校验位似乎不正确").count()).toBe(0);
    await screenshot(page, "register-filled");

    await page.getByRole("button", { name: "注册并登录" }).click();
    await urlMatch(page, /\/my\/cases$/);
    await visible(page.getByRole("heading", { name: "我的办件", level: 1 }));
    await visible(page.getByRole("button", { name: `${citizen.name} 的账户菜单` }));
    await visible(page.getByText("您还没有办件"));
    await screenshot(page, "registered-my-cases-empty");

    const me = await getJson<{ name: string; kind: string }>(citizenContext, "/api/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: citizen.name, kind: "applicant" });
    lap("registered");
  });

  it("searches the catalog from the home page and reads the guide with its flowchart", async () => {
    const page = (currentPage = citizenPage);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "首页" }).click();
    await urlMatch(page, /\/$/);
    const search = await visible(page.getByRole("search").getByLabel("搜索办事事项"));
    await visible(page.getByRole("heading", { name: "热门事项" }));
    await screenshot(page, "home");
    await a11y(page, "home");

    await search.fill(ITEM_NAME);
    await page.getByRole("search").getByRole("button", { name: twoChars("搜索") }).click();
    await urlMatch(page, /\/items\?q=/);
    await visible(page.getByRole("heading", { name: "办事服务", level: 1 }));
    await expect.poll(() => page.title(), { timeout: UI_TIMEOUT }).toContain(`“${ITEM_NAME}”的搜索结果`);
    expect(await page.getByRole("search").getByLabel("搜索办事事项").inputValue()).toBe(ITEM_NAME);
    const resultLink = await visible(page.getByRole("heading", { level: 2 }).getByRole("link", { name: ITEM_NAME, exact: true }));
    // The result row names the lead department.
    const row = page.getByRole("listitem").filter({ has: resultLink });
    expect(await row.innerText()).toContain(LEAD_DEPARTMENT);
    await screenshot(page, "search-results");

    await resultLink.click();
    const [, itemId] = await urlMatch(page, /\/items\/([^/?#]+)$/);
    await visible(page.getByRole("heading", { name: ITEM_NAME, level: 1 }));
    await visible(page.getByRole("heading", { name: "申请材料" }));
    await visible(page.getByRole("heading", { name: "办理流程" }));

    const fromApi = await getJson<Guide>(citizenContext, `/api/catalog/items/${itemId}`);
    expect(fromApi.status).toBe(200);
    guide = fromApi.body;
    expect(guide.department.name).toContain(LEAD_DEPARTMENT);
    for (const m of guide.materials.filter((x) => x.required)) {
      await visible(page.getByRole("main").getByText(m.name, { exact: true }).first());
    }

    // The flowchart is an image that actually loaded (not the "unavailable" fallback).
    const flowchart = page.getByRole("img", { name: `${ITEM_NAME} 办理流程图` });
    await flowchart.scrollIntoViewIfNeeded();
    await visible(flowchart);
    await expect
      .poll(() => flowchart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: UI_TIMEOUT })
      .toBe(true);
    expect(await page.getByText("流程图暂时无法显示").count()).toBe(0);
    const svg = await citizenContext.request.get(`/api/catalog/items/${itemId}/flowchart.svg`);
    expect(svg.status()).toBe(200);
    expect(svg.headers()["content-type"]).toContain("image/svg+xml");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "guide");
    await a11y(page, "guide");
    lap("guide");
  });

  it("applies online: fills the form, uploads every required material as a PDF, reviews and submits", async () => {
    const page = (currentPage = citizenPage);
    const item = required(guide, "guide");
    await page.getByRole("link", { name: /在线申办/ }).first().click();
    await urlMatch(page, new RegExp(`/apply/${item.id}`));
    await visible(page.getByRole("heading", { name: "在线申办", level: 1 }));

    // Step 1 — 填写申请: every field of the item's form, by its label.
    const fields = item.formFields ?? [];
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) {
      const value = FORM_VALUES[f.label] ?? (f.type === "number" ? "1" : `测试填写：${f.label}`);
      await page.getByLabel(f.label, { exact: true }).fill(value);
    }
    await screenshot(page, "apply-form");
    await page.getByRole("button", { name: "保存并下一步" }).click();
    const [, id] = await urlMatch(page, /[?&]case=([^&#]+)/);
    caseId = decodeURIComponent(id!);
    await visible(page.getByText("请逐项上传申请材料，上传后即自动保存。"));

    // Step 2 — 上传材料: each required material gets its own small real PDF.
    const requiredMaterials = item.materials.filter((m) => m.required);
    expect(requiredMaterials.length).toBeGreaterThan(0);
    for (const [i, m] of requiredMaterials.entries()) {
      const fileName = `${String(i + 1).padStart(2, "0")}-${m.name}.pdf`;
      const pdf = writeTempPdf(fileName, `Food business licence - material ${i + 1} - e2e test`);
      const section = page.getByRole("region", { name: m.name, exact: true });
      await visible(section);
      await section.locator('input[type="file"]').setInputFiles(pdf);
      // Uploaded: the file is listed under the material and the tag says so.
      await visible(section.getByRole("link", { name: fileName }));
      await visible(section.getByText("已上传 1 份"));
    }
    expect(await page.getByText(/还有 \d+ 项必要材料未上传/).count()).toBe(0);
    await screenshot(page, "apply-materials-uploaded");

    const draft = await getJson<CaseDetailBody>(citizenContext, `/api/cases/${caseId}`);
    expect(draft.status).toBe(200);
    expect(draft.body.status).toBe("draft");
    for (const m of draft.body.materials.filter((x) => x.required)) {
      expect(m.uploads.length, `uploads of ${m.name}`).toBe(1);
      expect(m.uploads[0]!.mime).toBe("application/pdf");
    }

    // Step 3 — 确认提交: the review lists the form and the files; the promise must be ticked.
    await page.getByRole("button", { name: "下一步：确认提交" }).click();
    await visible(page.getByText("本人承诺所填信息和所交材料真实、准确、完整"));
    expect(await page.getByText("以下必要材料尚未提交").count()).toBe(0);
    await visible(page.getByText(FORM_VALUES["经营场所"]!, { exact: true }));
    for (const m of requiredMaterials) await visible(page.getByText(m.name, { exact: true }).first());
    const submit = page.getByRole("button", { name: "确认提交", exact: true });
    expect(await submit.isDisabled()).toBe(true);
    await page.getByRole("checkbox", { name: /本人承诺/ }).check();
    expect(await submit.isEnabled()).toBe(true);
    await screenshot(page, "apply-review");
    await submit.click();

    await visible(page.getByText("申请已提交"));
    await screenshot(page, "apply-submitted");
    const afterSubmit = await getJson<CaseDetailBody>(citizenContext, `/api/cases/${caseId}`);
    expect(afterSubmit.body.status).toBe("submitted");
    expect(afterSubmit.body.supervisionCode ?? null).toBeNull();
    submitted = true;

    // 我的办件: the case waits for acceptance, without a code yet.
    await page.getByRole("link", { name: "我的办件" }).last().click();
    await urlMatch(page, /\/my\/cases$/);
    const card = await visible(page.locator(".case-card").filter({ hasText: ITEM_NAME }));
    expect(await card.innerText()).toContain("已提交待受理");
    lap("submitted");
  });

  it("the clerk of the lead department finds the case, sees the materials and accepts it", async () => {
    const id = required(submitted ? caseId : undefined, "submitted case");
    const item = required(guide, "guide");
    const context = await newContext();
    const page = await newPage(context, "clerk");
    await page.goto("/workbench/login");
    await visible(page.getByRole("heading", { name: "工作人员登录", level: 1 }));
    await page.getByLabel("用户名", { exact: true }).fill(CLERK.username);
    await page.getByLabel("密码", { exact: true }).fill(CLERK.password);
    await page.getByRole("button", { name: twoChars("登录") }).click();
    await urlMatch(page, /\/workbench$/);
    await visible(page.getByRole("heading", { name: "待办", level: 1 }));
    lap("clerk-logged-in");

    // The worklist: the citizen's case, waiting for acceptance.
    const row = await visible(page.getByRole("row").filter({ hasText: citizen.name }).filter({ hasText: ITEM_NAME }));
    expect(await row.innerText()).toContain("已提交待受理");
    await screenshot(page, "workbench-worklist");
    await a11y(page, "workbench worklist");
    const worklist = await getJson<{ items: { caseId: string; kind: string }[] }>(context, "/api/worklist");
    expect(worklist.body.items).toContainEqual(expect.objectContaining({ caseId: id, kind: "accept" }));

    lap("worklist-checked");
    // The case file: applicant, form data, materials with the PDF viewer.
    await row.getByRole("link", { name: ITEM_NAME, exact: true }).click();
    await urlMatch(page, new RegExp(`/workbench/cases/${id}$`));
    await visible(page.getByRole("heading", { name: ITEM_NAME, level: 1 }));
    await visible(page.getByText(`申请人：${citizen.name}`));
    // The materials sit behind a 材料 tab in the case file (or in a 申请材料 section in older layouts).
    const materialsTab = page.getByRole("tab", { name: /^材料/ });
    if (await materialsTab.count()) await materialsTab.click();
    for (const [i, m] of item.materials.filter((x) => x.required).entries()) {
      const entry = page.getByRole("main").getByRole("listitem").filter({ hasText: m.name });
      await visible(entry.getByText(m.name, { exact: true }));
      await visible(entry.getByRole("button", { name: `查看 ${String(i + 1).padStart(2, "0")}-${m.name}.pdf` }));
    }
    // The first file opens in the viewer (headless Chromium has no PDF plugin: the frame stays dark,
    // so the file itself is checked through the same session).
    const viewer = await visible(page.getByRole("region", { name: "材料查看" }));
    await visible(viewer.locator("iframe[title^='材料预览']"));
    await screenshot(page, "workbench-case-file");
    const files = await getJson<CaseDetailBody>(context, `/api/cases/${id}`);
    for (const m of files.body.materials.filter((x) => x.required)) {
      const res = await context.request.get(m.uploads[0]!.url);
      expect(res.status(), `GET ${m.uploads[0]!.url}`).toBe(200);
      expect(res.headers()["content-type"]).toContain("application/pdf");
      expect((await res.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }

    lap("case-file-checked");
    // 受理 → the confirmation says what will happen → 确认受理.
    await page.getByRole("button", { name: /(^|\s)受理$/ }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "确认受理" }));
    await visible(dialog.getByText("将生成统一服务监管码并向申请人发送受理通知书"));
    expect(await dialog.innerText()).toContain(citizen.name);
    await screenshot(page, "workbench-accept-confirm");
    await dialog.getByRole("button", { name: "确认受理" }).click();
    await dialog.waitFor({ state: "hidden", timeout: UI_TIMEOUT });
    lap("accept-confirmed");

    // The outcome: 已受理 with the supervision code.
    await visible(page.getByText("受理通知书已生成并发送给申请人。"));
    await visible(page.getByText("已受理", { exact: true }).first());
    // Every place on the page that shows a supervision code shows the same one.
    const shown = page.getByText(SUPERVISION_CODE);
    await visible(shown.first());
    const codes = new Set((await shown.allInnerTexts()).map((x) => x.trim()));
    expect(codes.size, `codes shown: ${[...codes].join(", ")}`).toBe(1);
    supervisionCode = [...codes][0]!;
    expect(supervisionCode).toMatch(SUPERVISION_CODE);
    expect(supervisionCode.startsWith("500112-")).toBe(true); // 渝北区
    const notice = await visible(page.getByRole("link", { name: /查看受理通知书/ }));
    await screenshot(page, "workbench-accepted");
    lap("accepted-shown");
    const noticeHref = await notice.getAttribute("href");
    expect(noticeHref).toBeTruthy();
    const pdf = await context.request.get(noticeHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");

    const detail = await getJson<CaseDetailBody>(context, `/api/cases/${id}`);
    expect(detail.body.supervisionCode).toBe(supervisionCode);
    expect(["accepted", "in_progress"]).toContain(detail.body.status);
    lap("accepted");
  });

  it("the citizen sees the supervision code on 我的办件 and the case page", async () => {
    const code = required(supervisionCode, "supervision code");
    const id = required(caseId, "case id");
    const page = (currentPage = citizenPage);
    await page.goto("/my/cases");
    const card = await visible(page.locator(".case-card").filter({ hasText: ITEM_NAME }));
    await visible(card.getByText(code, { exact: true }));
    expect(await card.innerText()).toMatch(/已受理|办理中/);
    await screenshot(page, "citizen-my-cases-accepted");

    await card.getByRole("link", { name: "查看详情" }).click();
    await urlMatch(page, new RegExp(`/my/cases/${id}$`));
    await visible(page.getByRole("heading", { name: ITEM_NAME, level: 1 }));
    await visible(page.getByText("统一服务监管码").first());
    await visible(page.getByText(code, { exact: true }).first());
    expect(new Set((await page.getByText(SUPERVISION_CODE).allInnerTexts()).map((x) => x.trim()))).toEqual(new Set([code]));
    await visible(page.getByRole("link", { name: /受理通知书/ }).first());
    await screenshot(page, "citizen-case-page");

    await page.getByRole("link", { name: "查看公开进度" }).click();
    await urlMatch(page, new RegExp(`/progress/${code}$`));
    await visible(page.getByText(ITEM_NAME, { exact: true }).first());
    lap("citizen-sees-code");
  });

  it("anyone, without logging in, follows the case on /progress/<code>", async () => {
    const code = required(supervisionCode, "supervision code");
    const context = await newContext();
    const page = await newPage(context, "public");
    const api = await getJson<ProgressBody>(context, `/api/public/progress/${code}`);
    expect(api.status).toBe(200);
    expect(api.body.supervisionCode).toBe(code);
    expect(api.body.itemName).toBe(ITEM_NAME);
    const statusLabel = STATUS_LABEL[api.body.status];
    expect(statusLabel, `a label for status ${api.body.status}`).toBeDefined();
    // Public: nothing personal.
    expect(JSON.stringify(api.body)).not.toContain(citizen.name);
    expect(JSON.stringify(api.body)).not.toContain(citizen.idNumber);

    await page.goto(`/progress/${code}`);
    await visible(page.getByRole("heading", { name: "办件查询", level: 1 }));
    const result = page.locator(".ant-result");
    await visible(result.getByText(ITEM_NAME, { exact: true }));
    await visible(result.getByText(code, { exact: true }));
    await visible(result.getByText(statusLabel!, { exact: true }));
    expect(await result.innerText()).toContain(LEAD_DEPARTMENT);
    await visible(page.getByRole("heading", { name: "办理环节" }));
    expect(await page.getByRole("main").innerText()).not.toContain(citizen.name);
    expect(await page.getByRole("link", { name: twoChars("登录") }).count()).toBeGreaterThan(0); // really anonymous
    await screenshot(page, "public-progress");
    await a11y(page, "progress");

    // A mistyped code (wrong check symbol) is refused with a clear message.
    const last = code.at(-1)!;
    const wrong = code.slice(0, -1) + (last === "0" ? "1" : "0");
    expect((await context.request.get(`/api/public/progress/${wrong}`)).status()).toBe(400);
    const box = page.getByRole("search").getByLabel("统一服务监管码");
    await box.fill(wrong);
    await box.press("Enter");
    await urlMatch(page, new RegExp(`/progress/${wrong}$`));
    await visible(page.getByText("监管码有误"));
    await screenshot(page, "public-progress-wrong-code");
    lap("public-progress");
  });

  // Typing the address or reloading the home page serves the portal.
  it("opening the portal at its address (GET /) shows the home page", async () => {
    const context = await newContext();
    const page = await newPage(context, "address-bar");
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await visible(page.getByRole("heading", { name: "热门事项" }), 5_000);
  });

  it("no page crashed and no critical accessibility violation was found", () => {
    expect(problems.flatMap((p) => p.pageErrors)).toEqual([]);
    expect(criticalA11y).toEqual({});
  });
});
