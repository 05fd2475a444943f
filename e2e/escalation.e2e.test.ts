/**
 * A supervisor sees a red case on the dashboard and escalates it; the department answers.
 *
 * A fresh case at 渝北区交通运输委员会 is set up and accepted through the API, then the demo clock
 * (POST /api/dev/clock) is moved to the first red working day after its due date (red, not yet
 * escalated automatically). In real Chromium: the supervisor opens 效能监察, sees the red count,
 * drills down to the department's red cases, finds this case by its supervision code and escalates
 * it (督办) with a note; the department head answers it on the 督办 page (回复); the supervisor's
 * escalation list shows it answered. Cross-checked through GET /api/supervision/escalations.
 * The escalation rows show the case's own light (红灯警告), never the escalation's "正常"; the
 * supervisor also opens the department's per-staff figures (办理人员) from the dashboard.
 *
 * The platform is shared with the other browser tests: this file uses its own case, finds it by
 * its supervision code (other red cases may be there too), and puts the clock back to the real
 * time when it ends.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession, applyFor, type CaseBody, findItem, setClock } from "./api.ts";
import { launchBrowser, screenshot } from "./browser.ts";
import { axeCheck, SUPERVISION_CODE, staffLogin, UI_TIMEOUT, urlMatch, visible, watchPage } from "./pages.ts";

const ITEM_NAME = "道路货物运输经营许可（不含危险货物）";
const DEPARTMENT = "重庆市渝北区交通运输委员会";
const APPLICANT = "18930357537";
const CLERK = "yb.jtys.clerk";
const HEAD = "yb.jtys.head";
const SUPERVISOR = "supervisor";
const NOTE = `该办件已超过承诺办结期限，请说明原因并限期办结。（e2e ${Date.now().toString(36)}）`;
const ANSWER = "因申请人车辆检测报告待补，已督促承办人员三个工作日内办结。";

interface EscalationBody {
  id: string;
  caseId: string;
  caseLight?: string | null;
  status: string;
  automatic: boolean;
  note?: string | null;
  response?: string | null;
  supervisionCode?: string | null;
}

const baseUrl = inject("baseUrl");

let browser: Browser;
let currentPage: Page | undefined;
const problems: { pageErrors: string[]; consoleErrors: string[] }[] = [];
const stepContexts: BrowserContext[] = [];
let clockMoved = false;
let onTrack = true;

let caseId: string | undefined;
let supervisionCode: string | undefined;

async function newPage(label: string): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 }, baseURL: baseUrl });
  context.setDefaultTimeout(UI_TIMEOUT);
  context.setDefaultNavigationTimeout(30_000);
  stepContexts.push(context);
  const page = await context.newPage();
  currentPage = page;
  problems.push(watchPage(page, label));
  return page;
}

function need(): { id: string; code: string } {
  if (!caseId || !supervisionCode || !onTrack) throw new Error("an earlier step failed: no red case to work on");
  return { id: caseId, code: supervisionCode };
}

async function escalationsOf(id: string, status?: string): Promise<EscalationBody[]> {
  const s = await ApiSession.login(baseUrl, SUPERVISOR);
  return (await s.get<{ items: EscalationBody[] }>(`/api/supervision/escalations?caseId=${encodeURIComponent(id)}${status ? `&status=${status}` : ""}`)).items;
}

/** 10:00 Beijing time on the calendar day after `day` (YYYY-MM-DD), moved to Monday from a weekend. */
function nextWeekdayAt10(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}

describe("supervision: a red case escalated from the dashboard, answered by the department", () => {
  beforeAll(async () => {
    browser = await launchBrowser();
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
    // The platform is shared: give the other files the real time back.
    if (clockMoved) await setClock(baseUrl, new Date().toISOString());
    const consoleErrors = problems.flatMap((p) => p.consoleErrors);
    if (consoleErrors.length) console.log(`[e2e escalation] browser console errors:\n  ${consoleErrors.join("\n  ")}`);
    await browser?.close();
  });

  it("sets up an accepted case through the API and moves the clock to its first red working day", async () => {
    const guide = await findItem(baseUrl, ITEM_NAME);
    expect(guide.department.name).toBe(DEPARTMENT);
    const accounts = (await (await fetch(`${baseUrl}/api/dev/accounts`)).json()) as { items: { username: string; roles: string[]; department: string | null }[] };
    expect(accounts.items).toContainEqual(expect.objectContaining({ username: CLERK, roles: ["clerk"], department: DEPARTMENT }));
    expect(accounts.items).toContainEqual(expect.objectContaining({ username: HEAD, roles: ["department-head"], department: DEPARTMENT }));

    const applicant = await ApiSession.login(baseUrl, APPLICANT);
    const id = await applyFor(applicant, guide);
    const clerk = await ApiSession.login(baseUrl, CLERK);
    await clerk.post(`/api/cases/${id}/accept`);
    const accepted = await clerk.get<CaseBody>(`/api/cases/${id}`);
    expect(accepted.status).toBe("in_progress");
    expect(accepted.supervisionCode).toMatch(SUPERVISION_CODE);
    const due = accepted.deadline?.dueDate;
    expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The first weekday after the due date (a holiday in between: try the next one), until red.
    let day = due!;
    let light: string | null | undefined;
    for (let i = 0; i < 6 && light !== "red"; i++) {
      day = nextWeekdayAt10(day);
      clockMoved = true;
      await setClock(baseUrl, `${day}T10:00:00+08:00`);
      light = (await clerk.get<CaseBody>(`/api/cases/${id}`)).deadline?.light;
    }
    expect(light, `the case's light after moving the clock to ${day} (due ${due})`).toBe("red");
    // Red, but the department still has the first red working day to explain: not escalated yet.
    expect(await escalationsOf(id)).toEqual([]);
    caseId = id;
    supervisionCode = accepted.supervisionCode!;
    console.log(`[e2e escalation] case ${supervisionCode} due ${due}, clock at ${day}T10:00+08:00`);
  });

  it("the supervisor sees the red case on the dashboard, drills down to the department and escalates it", async () => {
    const { id, code } = need();
    const page = await newPage(SUPERVISOR);
    await staffLogin(page, SUPERVISOR);
    await page.getByRole("link", { name: "效能监察" }).first().click();
    await urlMatch(page, /\/workbench\/supervision/);
    await visible(page.getByRole("heading", { name: "效能监察", level: 1 }));

    // The red count on the totals.
    const redCard = page.locator(".stat-card").filter({ hasText: "红灯警告（超期）" });
    await visible(redCard);
    await expect
      .poll(async () => Number((await redCard.locator(".ant-statistic-content").innerText()).replace(/[^\d]/g, "") || "0"), { timeout: UI_TIMEOUT })
      .toBeGreaterThan(0);
    // The department's row with its red figure, and the case among the red cases below.
    const deptRow = await visible(page.getByRole("row").filter({ has: page.getByRole("button", { name: DEPARTMENT, exact: true }) }).first());
    await visible(page.locator(".section-card").filter({ hasText: "红灯警告办件（超期）" }).getByText(code, { exact: true }));
    await screenshot(page, "supervision-dashboard-red");

    await deptRow.getByRole("button", { name: `查看${DEPARTMENT}的黄灯红灯办件` }).click();
    const drawer = await visible(page.getByRole("dialog", { name: `${DEPARTMENT} · 黄灯红灯办件` }));
    const redTab = drawer.getByRole("tab", { name: /^红灯（\d+）$/ });
    await visible(redTab);
    expect(Number((await redTab.innerText()).match(/\d+/)![0])).toBeGreaterThan(0);
    if ((await redTab.getAttribute("aria-selected")) !== "true") await redTab.click();
    const caseRow = await visible(drawer.getByRole("row").filter({ hasText: code }));
    expect(await caseRow.innerText()).toContain(ITEM_NAME);
    await screenshot(page, "supervision-drawer-red-cases");

    await caseRow.getByRole("button", { name: /督\s?办/ }).click();
    const modal = await visible(page.getByRole("dialog", { name: "挂号督办" }));
    expect(await modal.innerText()).toContain(code);
    expect(await modal.innerText()).toContain(DEPARTMENT);
    await modal.getByLabel(/督办意见/).fill(NOTE);
    await screenshot(page, "supervision-escalate-modal");
    await modal.getByRole("button", { name: "确认督办" }).click();
    await modal.waitFor({ state: "hidden", timeout: UI_TIMEOUT });
    // The row is marked escalated.
    await visible(drawer.getByRole("row").filter({ hasText: code }).getByText("已督办").first());
    await screenshot(page, "supervision-escalated");

    const list = await escalationsOf(id);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ automatic: false, status: "open", note: NOTE, caseLight: "red" });
  });

  it("the supervisor's escalation list shows the red case as red, not as the escalation's 正常", async () => {
    const { code } = need();
    const page = await newPage(SUPERVISOR);
    await staffLogin(page, SUPERVISOR);
    await page.goto("/workbench/escalations");
    await visible(page.getByRole("heading", { name: "督办", level: 1 }));
    const row = await visible(page.getByRole("row").filter({ hasText: code }));
    await visible(row.getByText("红灯警告"));
    expect(await row.innerText()).not.toContain("正常");
    await screenshot(page, "supervisor-escalation-red-case");
    expect(await axeCheck(page, "escalations with the case light", { all: true })).toEqual([]);
  });

  it("the supervisor opens the department's per-staff table (办理人员) from the dashboard", async () => {
    const page = await newPage(SUPERVISOR);
    await staffLogin(page, SUPERVISOR);
    await page.goto("/workbench/supervision");
    await visible(page.getByRole("heading", { name: "效能监察", level: 1 }));
    const deptRow = await visible(page.getByRole("row").filter({ has: page.getByRole("button", { name: DEPARTMENT, exact: true }) }).first());
    await deptRow.getByRole("button", { name: `查看${DEPARTMENT}的办理人员统计` }).click();
    const drawer = await visible(page.getByRole("dialog", { name: `${DEPARTMENT} · 办理人员` }));
    await visible(drawer.getByRole("tab", { name: "办理人员", selected: true }));
    for (const header of ["姓名", "办理件数", "按时办理率", "评价数", "满意度"]) await visible(drawer.getByRole("columnheader", { name: header }));
    // The demo's clerk of this department accepted cases in the last year; the chart has its text alternative.
    await visible(drawer.getByRole("row").filter({ hasText: "邓世杰" }));
    await visible(drawer.getByRole("img", { name: /各办理人员按时办理率与满意度柱状图/ }));
    // Sortable: sorting by 按时办理率 keeps every row.
    const rows = await drawer.locator("tbody tr").count();
    await drawer.getByRole("columnheader", { name: "按时办理率" }).click();
    expect(await drawer.locator("tbody tr").count()).toBe(rows);
    // The sorter's hover hint (a tooltip outside the dialog) goes once the pointer leaves the header.
    await page.mouse.move(5, 890);
    await page.locator(".ant-tooltip:not(.ant-tooltip-hidden)").waitFor({ state: "detached", timeout: UI_TIMEOUT }).catch(() => undefined);
    await screenshot(page, "supervision-staff-stats");
    expect(await axeCheck(page, "per-staff statistics", { all: true })).toEqual([]);
  });

  it("the department head sees the escalation on the 督办 page and on the case file, and answers it", async () => {
    const { id, code } = need();
    const page = await newPage(HEAD);
    await staffLogin(page, HEAD);

    // The case file shows the banner.
    await page.goto(`/workbench/cases/${id}`);
    await visible(page.getByRole("heading", { name: ITEM_NAME, level: 1 }));
    await visible(page.getByText("本办件已被挂号督办"));
    await visible(page.getByText(NOTE).first());
    await screenshot(page, "head-case-file-banner");

    await page.getByRole("link", { name: "督办", exact: true }).first().click();
    await urlMatch(page, /\/workbench\/escalations/);
    await visible(page.getByRole("heading", { name: "督办", level: 1 }));
    const mineTab = page.getByRole("tab", { name: "本部门待回复" });
    if ((await mineTab.count()) && (await mineTab.getAttribute("aria-selected")) !== "true") await mineTab.click();
    const row = await visible(page.getByRole("row").filter({ hasText: code }));
    expect(await row.innerText()).toContain(NOTE);
    await screenshot(page, "head-escalations");

    await row.getByRole("button", { name: /回\s?复/ }).click();
    const modal = await visible(page.getByRole("dialog", { name: `回复督办：${ITEM_NAME}` }));
    await modal.getByLabel(/回复内容/).fill(ANSWER);
    await screenshot(page, "head-answer-modal");
    await modal.getByRole("button", { name: "提交回复" }).click();
    await modal.waitFor({ state: "hidden", timeout: UI_TIMEOUT });
    await visible(page.getByText("回复已提交").first());
    await page.getByRole("row").filter({ hasText: code }).waitFor({ state: "hidden", timeout: UI_TIMEOUT });
    await screenshot(page, "head-answered");

    const answered = await escalationsOf(id, "answered");
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({ status: "answered", response: ANSWER });
  });

  it("the supervisor's escalation list shows it answered, with the department's answer", async () => {
    const { id, code } = need();
    const page = await newPage(SUPERVISOR);
    await staffLogin(page, SUPERVISOR);
    await page.getByRole("link", { name: "督办", exact: true }).first().click();
    await urlMatch(page, /\/workbench\/escalations/);
    await visible(page.getByRole("heading", { name: "督办", level: 1 }));
    await page.getByText("已回复", { exact: true }).first().click();
    const row = await visible(page.getByRole("row").filter({ hasText: code }));
    await visible(row.getByText(ANSWER));
    await visible(row.getByText("已回复", { exact: true }));
    // Answered, the case is still overdue: its light stays red.
    await visible(row.getByText("红灯警告"));
    expect(await row.innerText()).toContain(DEPARTMENT);
    expect(await row.innerText()).toContain(NOTE);
    await screenshot(page, "supervisor-escalation-answered");

    const all = await escalationsOf(id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ automatic: false, status: "answered", note: NOTE, response: ANSWER });
  });

  it("no page crashed", () => {
    expect(problems.flatMap((p) => p.pageErrors)).toEqual([]);
  });
});
