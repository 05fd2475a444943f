/**
 * A multi-department case carried through in the workbench, end to end in real Chromium: the
 * organization applicant's application for 医疗机构执业登记 is set up through the API; then the
 * lead department's clerk (市卫生健康委) accepts it, its handler reviews, the assisting department
 * (市生态环境局) signs for and completes its co-handle task from its worklist, the lead handler
 * records the site review (an offline step), the reviewer audits, the decider reads the assisting
 * department's opinion and approves, the assisting decider issues its own radiation safety licence
 * and the lead clerk delivers electronically. Between steps the applicant, logged in on the portal
 * in its own browser context, watches the progress timeline grow, and finally sees the case closed
 * with both results.
 */
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession, applyFor, type CaseBody, findItem, type GuideBody, type TaskBody } from "./api.ts";
import { launchBrowser, screenshot } from "./browser.ts";
import { applicantLogin, fieldLabel, staffLogin, SUPERVISION_CODE, twoChars, UI_TIMEOUT, urlMatch, visible, watchPage } from "./pages.ts";

const ITEM_NAME = "医疗机构执业登记";
const LEAD = "重庆市卫生健康委员会";
const ASSIST = "重庆市生态环境局";
const APPLICANT = { login: "15217902892", name: "重庆渝味轩餐饮管理有限公司" };
const STAFF = {
  clerk: "cq.wsjk.clerk",
  handler: "cq.wsjk.handler",
  reviewer: "cq.wsjk.reviewer",
  decider: "cq.wsjk.decider",
  assistHandler: "cq.sthj.handler",
  assistDecider: "cq.sthj.decider",
};
const OPINION = {
  review: "申请材料齐全，符合《医疗机构管理条例》第十五条规定的条件，同意进入现场审核。",
  coHandle: "辐射防护设施和医疗废物暂存间符合要求，同意。（e2e 协办意见）",
  site: "现场审核合格，诊疗科室设置与申请一致。",
  audit: "同意承办意见。",
};

const baseUrl = inject("baseUrl");

let browser: Browser;
let applicantContext: BrowserContext;
let applicantPage: Page;
let currentPage: Page | undefined;
const problems: { pageErrors: string[]; consoleErrors: string[] }[] = [];
const stepContexts: BrowserContext[] = [];
const timings: [string, number][] = [];
const t0 = performance.now();

let guide: GuideBody;
let caseId: string | undefined;
let supervisionCode: string | undefined;
/** Every step so far has passed (each builds on the one before). */
let onTrack = true;

function lap(step: string) {
  timings.push([step, Math.round(performance.now() - t0)]);
}

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

function needCase(): string {
  if (!caseId || !onTrack) throw new Error("an earlier step failed: the case is not where this step expects it");
  return caseId;
}

/** A staff member in a fresh browser context, on the case file. */
async function staffOnCase(username: string): Promise<Page> {
  const id = needCase();
  const page = await newPage(await newContext(), username);
  await staffLogin(page, username);
  await page.goto(`/workbench/cases/${id}`);
  await visible(page.getByRole("heading", { name: ITEM_NAME, level: 1 }));
  return page;
}

/** The open task of a step kind at a department, as that staff member sees it through the API. */
async function openTask(username: string, kind: string, department: string): Promise<TaskBody> {
  const s = await ApiSession.login(baseUrl, username);
  const tasks = (await s.get<{ items: TaskBody[] }>(`/api/cases/${needCase()}/tasks`)).items;
  const open = tasks.filter((x) => x.kind === kind && x.department.name === department && x.status !== "done");
  expect(open, `one open ${kind} task at ${department}: ${JSON.stringify(tasks.map((x) => [x.stepId, x.kind, x.status]))}`).toHaveLength(1);
  return open[0]!;
}

async function caseAs(username: string): Promise<CaseBody> {
  return (await ApiSession.login(baseUrl, username)).get<CaseBody>(`/api/cases/${needCase()}`);
}

/** 签收 on the case file: the confirm dialog, then the step becomes the signer's (办理完成 appears). */
async function claim(page: Page, task: TaskBody) {
  await (await visible(page.getByTestId(`claim-${task.stepId}`))).click();
  const dialog = await visible(page.getByRole("dialog", { name: "签收办理环节" }));
  expect(await dialog.innerText()).toContain(task.name);
  await dialog.getByRole("button", { name: "确认签收" }).click();
  await dialog.waitFor({ state: "hidden", timeout: UI_TIMEOUT });
  await visible(page.getByTestId(`complete-${task.stepId}`));
  await page.getByTestId(`claim-${task.stepId}`).waitFor({ state: "hidden", timeout: UI_TIMEOUT });
}

/** 办理完成 with the outcome 通过 and an opinion (and, for an offline step, its record). */
async function complete(page: Page, task: TaskBody, opinion: string, record?: { procedure: string; course: string; result: string; participants?: string }) {
  await (await visible(page.getByTestId(`complete-${task.stepId}`))).click();
  const dialog = await visible(page.getByRole("dialog", { name: `办理完成：${task.name}` }));
  await dialog.getByText("通过", { exact: true }).click();
  expect(await dialog.getByRole("radio", { name: "通过", exact: true }).isChecked()).toBe(true);
  await dialog.getByLabel(fieldLabel("意见")).fill(opinion);
  if (record) {
    await dialog.getByLabel(fieldLabel("线下环节")).fill(record.procedure);
    if (record.participants) await dialog.getByLabel(fieldLabel("参加人员")).fill(record.participants);
    await dialog.getByLabel(fieldLabel("经过")).fill(record.course);
    await dialog.getByLabel(fieldLabel("结果")).fill(record.result);
  }
  await screenshot(page, `complete-${task.stepId}-filled`);
  await dialog.getByRole("button", { name: "确认办理完成" }).click();
  await dialog.waitFor({ state: "hidden", timeout: UI_TIMEOUT });
  await page.getByTestId(`complete-${task.stepId}`).waitFor({ state: "hidden", timeout: UI_TIMEOUT });
}

/** The applicant's 办理进度 section on /my/cases/<id>, freshly loaded. */
async function applicantProgress(): Promise<Locator> {
  const id = needCase();
  const page = (currentPage = applicantPage);
  await page.goto(`/my/cases/${id}`);
  await visible(page.getByRole("heading", { name: ITEM_NAME, level: 1 }));
  return visible(page.locator(".section-card").filter({ has: page.getByRole("heading", { name: "办理进度", level: 2 }) }));
}

/** The applicant sees the step done, at that department. */
async function applicantSeesDone(stepName: string, department: string, shot: string) {
  const progress = await applicantProgress();
  const entry = progress.locator("li").filter({ hasText: stepName }).filter({ hasText: "已完成" }).filter({ hasText: department });
  await visible(entry.first());
  await screenshot(applicantPage, shot);
}

describe("a joint case: accept → review → co-handle → site review → audit → decide → result → deliver", () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    applicantContext = await newContext();
    stepContexts.splice(0); // lives for the whole file
    applicantPage = await newPage(applicantContext, "applicant");
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.errors?.length) {
      onTrack = false;
      if (currentPage && !currentPage.isClosed()) {
        await screenshot(currentPage, `FAILED-${ctx.task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, "-")}`).catch(() => undefined);
      }
    }
    for (const context of stepContexts.splice(0)) await context.close();
  });

  afterAll(async () => {
    console.log(`[e2e joint] timings (ms since start): ${timings.map(([s, ms]) => `${s} ${ms}`).join(", ")}`);
    const consoleErrors = problems.flatMap((p) => p.consoleErrors);
    if (consoleErrors.length) console.log(`[e2e joint] browser console errors:\n  ${consoleErrors.join("\n  ")}`);
    await browser?.close();
  });

  it("sets up the organization's submitted application through the API; the applicant sees it on the portal", async () => {
    guide = await findItem(baseUrl, ITEM_NAME);
    expect(guide.department.name).toBe(LEAD);
    const applicant = await ApiSession.login(baseUrl, APPLICANT.login);
    caseId = await applyFor(applicant, guide, {
      institutionName: "重庆渝味轩门诊部",
      institutionType: "门诊部",
      practiceAddress: "重庆市渝北区龙溪街道金山路 18 号",
      bedCount: 20,
      clinicalDepartments: "内科；外科；医学影像科（X线诊断专业）",
      contactPhone: "15217902892",
    });
    const submitted = await applicant.get<CaseBody>(`/api/cases/${caseId}`);
    expect(submitted.status).toBe("submitted");

    await applicantLogin(applicantPage, APPLICANT.login);
    const page = applicantPage;
    await page.goto(`/my/cases/${caseId}`);
    await visible(page.getByRole("heading", { name: ITEM_NAME, level: 1 }));
    await visible(page.getByText("已提交待受理").first());
    await screenshot(page, "joint-applicant-submitted");
    lap("submitted");
  });

  it("the lead department's clerk accepts it in the case file", async () => {
    const page = await staffOnCase(STAFF.clerk);
    await visible(page.getByText(`申请人：${APPLICANT.name}`));
    await page.getByRole("button", { name: /(^|\s)受理$/ }).click();
    const dialog = await visible(page.getByRole("dialog", { name: "确认受理" }));
    await screenshot(page, "joint-accept-confirm");
    await dialog.getByRole("button", { name: "确认受理" }).click();
    await dialog.waitFor({ state: "hidden", timeout: UI_TIMEOUT });
    await visible(page.getByText("受理通知书已生成并发送给申请人。"));
    const code = await visible(page.getByTestId("supervision-code").or(page.locator(".supervision-code")).first());
    supervisionCode = (await code.innerText()).trim();
    expect(supervisionCode).toMatch(SUPERVISION_CODE);
    await screenshot(page, "joint-accepted");

    const detail = await caseAs(STAFF.clerk);
    expect(detail.status).toBe("in_progress");
    expect(detail.supervisionCode).toBe(supervisionCode);
    await applicantSeesDone("受理", LEAD, "joint-applicant-accepted");
    await visible(applicantPage.getByText(supervisionCode, { exact: true }).first());
    lap("accepted");
  });

  it("the lead handler signs for the review step and completes it", async () => {
    const task = await openTask(STAFF.handler, "review", LEAD);
    const page = await staffOnCase(STAFF.handler);
    await claim(page, task);
    await screenshot(page, "joint-review-claimed");
    await complete(page, task, OPINION.review);
    await screenshot(page, "joint-review-done");
    await applicantSeesDone(task.name, LEAD, "joint-applicant-reviewed");
    lap("reviewed");
  });

  it("the assisting department's handler finds the co-handle task in its worklist, signs for it and gives its opinion", async () => {
    const id = needCase();
    const task = await openTask(STAFF.assistHandler, "co-handle", ASSIST);
    const page = await newPage(await newContext(), STAFF.assistHandler);
    await staffLogin(page, STAFF.assistHandler);
    const row = await visible(page.getByRole("row").filter({ hasText: supervisionCode! }).filter({ hasText: task.name }));
    expect(await row.innerText()).toContain(ITEM_NAME);
    await screenshot(page, "joint-assist-worklist");
    await row.getByRole("link", { name: ITEM_NAME, exact: true }).click();
    await urlMatch(page, new RegExp(`/workbench/cases/${id}`));
    await visible(page.getByRole("heading", { name: ITEM_NAME, level: 1 }));
    await claim(page, task);
    await complete(page, task, OPINION.coHandle);
    await screenshot(page, "joint-assist-done");
    await applicantSeesDone(task.name, ASSIST, "joint-applicant-co-handled");
    lap("co-handled");
  });

  it("the lead handler records the site review (offline step: procedure, course, result)", async () => {
    const task = await openTask(STAFF.handler, "offline", LEAD);
    const page = await staffOnCase(STAFF.handler);
    await claim(page, task);
    await complete(page, task, OPINION.site, {
      procedure: "现场审核",
      participants: "郭少华、王伟",
      course: "两名工作人员到场核查诊疗科室设置、放射防护和医疗废物暂存情况。",
      result: "符合医疗机构基本标准",
    });
    // The record is kept with the task.
    await page.getByRole("tab", { name: /^记录/ }).click();
    // The same text is also in the (now hidden) tasks panel: only the visible copy counts.
    await visible(page.getByText("两名工作人员到场核查诊疗科室设置、放射防护和医疗废物暂存情况。").filter({ visible: true }).first());
    await screenshot(page, "joint-site-review-recorded");
    await applicantSeesDone(task.name, LEAD, "joint-applicant-site-reviewed");
    lap("site-reviewed");
  });

  it("the reviewer completes the audit", async () => {
    const task = await openTask(STAFF.reviewer, "review", LEAD);
    const page = await staffOnCase(STAFF.reviewer);
    await claim(page, task);
    await complete(page, task, OPINION.audit);
    await screenshot(page, "joint-audit-done");
    await applicantSeesDone(task.name, LEAD, "joint-applicant-audited");
    lap("audited");
  });

  it("the decider sees the assisting department's opinion in the case file and approves", async () => {
    const co = (await caseAs(STAFF.decider)).tasks!.find((x) => x.kind === "co-handle")!;
    const page = await staffOnCase(STAFF.decider);
    const coCard = await visible(page.getByTestId(`task-${co.stepId}`));
    await visible(coCard.getByText(OPINION.coHandle));
    expect(await coCard.innerText()).toContain(ASSIST);
    await screenshot(page, "joint-decider-case-file");

    // The decide step may need signing for first.
    const decide = await openTask(STAFF.decider, "decide", LEAD);
    if (decide.status === "open" && (await page.getByTestId(`claim-${decide.stepId}`).count())) {
      await page.getByTestId(`claim-${decide.stepId}`).click();
      const dialog = await visible(page.getByRole("dialog", { name: "签收办理环节" }));
      await dialog.getByRole("button", { name: "确认签收" }).click();
      await dialog.waitFor({ state: "hidden", timeout: UI_TIMEOUT });
    }
    await (await visible(page.getByRole("button", { name: "审批决定" }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "作出审批决定" }));
    // The opinions of every step, the assisting department's among them.
    await dialog.getByText(/查看各环节意见/).click();
    await visible(dialog.getByText(OPINION.coHandle));
    await dialog.getByText("准予许可", { exact: true }).click();
    // The licence's particulars, pre-filled from the application; the decider completes them.
    const particulars = await visible(dialog.getByRole("region", { name: "证照信息" }));
    await visible(particulars.getByLabel(fieldLabel("诊疗科目")));
    expect(await particulars.getByLabel(fieldLabel("诊疗科目")).inputValue()).toBe("内科；外科；医学影像科（X线诊断专业）");
    expect(await particulars.getByLabel(fieldLabel("持证主体")).inputValue()).toBe("重庆渝味轩门诊部");
    expect(await particulars.getByLabel(fieldLabel("发证日期")).isDisabled()).toBe(true);
    await particulars.getByLabel(fieldLabel("床位")).fill("20张");
    await screenshot(page, "joint-decide-dialog");
    await dialog.getByRole("button", { name: "确认作出决定" }).click();
    await dialog.waitFor({ state: "hidden", timeout: UI_TIMEOUT });
    await visible(page.getByText(/已作出准予许可决定/).first());
    await screenshot(page, "joint-decided");
    const detail = await caseAs(STAFF.decider);
    expect(detail.status).toBe("decided");
    expect(detail.result).toBe("approved");
    // Anyone verifying the licence sees its particulars.
    const no = detail.results?.find((r) => r.department.name === LEAD)?.certificateNo;
    expect(no, JSON.stringify(detail.results)).toBeTruthy();
    await page.goto(`/verify/${no}`);
    await visible(page.getByRole("heading", { name: "证照载明事项" }));
    await visible(page.getByText("20张"));
    await visible(page.getByText("内科；外科；医学影像科（X线诊断专业）"));
    await screenshot(page, "joint-verify-particulars");
    lap("decided");
  });

  it("the assisting decider issues its department's result: a radiation safety licence", async () => {
    const page = await staffOnCase(STAFF.assistDecider);
    await (await visible(page.getByRole("button", { name: "出具本部门结果" }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "出具本部门审批结果" }));
    expect(await dialog.innerText()).toContain(ASSIST);
    await dialog.getByText("准予许可", { exact: true }).click();
    await dialog.getByLabel(fieldLabel("证照类型代码")).fill("radiation-safety-license");
    await dialog.getByLabel(fieldLabel("证照名称")).fill("辐射安全许可证");
    await dialog.getByLabel(fieldLabel("有效期（年）")).fill("5");
    await screenshot(page, "joint-result-dialog");
    await dialog.getByRole("button", { name: "确认出具" }).click();
    await dialog.waitFor({ state: "hidden", timeout: UI_TIMEOUT });
    await visible(page.getByText(/本部门审批结果已出具/).first());
    await screenshot(page, "joint-result-issued");
    const detail = await caseAs(STAFF.assistDecider);
    const mine = detail.results?.find((r) => r.department.name === ASSIST);
    expect(mine, JSON.stringify(detail.results)).toMatchObject({ result: "approved" });
    expect(mine!.certificateNo).toBeTruthy();
    lap("assist-result");
  });

  it("the lead clerk delivers every result electronically; the case is closed", async () => {
    const page = await staffOnCase(STAFF.clerk);
    await (await visible(page.getByRole("button", { name: twoChars("送达") }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "送达审批结果" }));
    // Both departments' results are handed over together.
    expect(await dialog.innerText()).toContain(LEAD);
    expect(await dialog.innerText()).toContain(ASSIST);
    await dialog.getByText("电子送达", { exact: true }).click();
    await screenshot(page, "joint-deliver-dialog");
    await dialog.getByRole("button", { name: "确认送达并办结" }).click();
    await dialog.waitFor({ state: "hidden", timeout: UI_TIMEOUT });
    await visible(page.getByText("已送达，办件已办结").first());
    await screenshot(page, "joint-delivered");
    const detail = await caseAs(STAFF.clerk);
    expect(detail.status).toBe("closed");
    expect(detail.results).toHaveLength(2);
    lap("delivered");
  });

  it("the applicant sees the case closed, with both departments' results", async () => {
    const progress = await applicantProgress();
    const page = applicantPage;
    await visible(page.getByText("已办结").first());
    const results = await visible(page.locator("#results"));
    await visible(results.getByText(LEAD, { exact: true }));
    await visible(results.getByText(ASSIST, { exact: true }));
    expect(await results.getByText("准予许可", { exact: true }).count()).toBe(2);
    expect(await results.getByRole("link", { name: /在线核验证照/ }).count()).toBe(2);
    await visible(results.getByText(/以电子送达方式送达/));
    // Every step done, at the lead and the assisting department.
    expect(await progress.getByText("办理中", { exact: true }).count()).toBe(0);
    expect(await progress.innerText()).toContain(ASSIST);
    // The applicant never sees staff opinions.
    expect(await page.locator("main").innerText()).not.toContain(OPINION.coHandle);
    await screenshot(page, "joint-applicant-closed");
    lap("closed");
  });

  it("a new application takes the radiation safety licence from the certificate library instead of an upload", async () => {
    const applicant = await ApiSession.login(baseUrl, APPLICANT.login);
    const formData: Record<string, string | number> = {};
    for (const f of guide.formFields) formData[f.key] = f.type === "number" ? 10 : f.type === "date" ? "2026-12-01" : f.type === "phone" ? APPLICANT.login : f.type === "idNumber" ? "500112199003071235" : `测试填写：${f.label}`;
    const draft = await applicant.request<{ id: string }>("POST", "/api/cases", { itemId: guide.id, formData }, 201);
    const page = (currentPage = applicantPage);
    await page.goto(`/apply/${guide.id}?case=${draft.id}`);
    const section = await visible(page.getByRole("region", { name: "辐射安全许可证", exact: true }));
    const offer = await visible(section.getByRole("group", { name: "使用证照库中的证照" }));
    expect(await offer.innerText()).toContain(ASSIST);
    await screenshot(page, "joint-library-offer");
    await offer.getByRole("button", { name: /^使用证照 辐射安全许可证/ }).click();
    await visible(section.getByText("已从证照库调取"));
    await visible(section.getByText("来自证照库"));
    await visible(section.getByRole("link", { name: "在线核验" }));
    await screenshot(page, "joint-library-used");
    const detail = await applicant.get<CaseBody & { materials: { name: string; uploads: { certificate?: { issuer: string; verifyPath: string } }[] }[] }>(`/api/cases/${draft.id}`);
    const used = detail.materials.find((m) => m.name === "辐射安全许可证")!.uploads;
    expect(used).toHaveLength(1);
    expect(used[0]!.certificate).toMatchObject({ issuer: ASSIST, verifyPath: expect.stringMatching(/^\/verify\//) });
    lap("library-reuse");
  });

  it("no page crashed", () => {
    expect(problems.flatMap((p) => p.pageErrors)).toEqual([]);
  });
});
