/**
 * Evaluation and complaints: the applicant of a closed case rates it 不满意 (a comment is required
 * and a work order goes to the department) and files a complaint from the case page; the department
 * head answers the complaint by name in the workbench; the applicant reads the answer on 我的投诉.
 * The case is carried to closed through the API (the browser tests of the workflow cover that part).
 */
import { describe, expect, inject, it } from "vitest";
import { ApiSession, applyFor, completeOpenTask, findItem } from "./api.ts";
import { screenshot } from "./browser.ts";
import { browserSuite } from "./suite.ts";
import { applicantLogin, staffLogin, urlMatch, visible } from "./pages.ts";

const baseUrl = inject("baseUrl");
const ITEM_NAME = "道路货物运输经营许可（不含危险货物）";
// A demo applicant no other browser test logs in as.
const APPLICANT = "13105417686";
const HEAD = "yb.jtys.head";
const DEPARTMENT = "重庆市渝北区交通运输委员会";
const HEAD_NAME = "徐慧敏";
const SUBJECT = `电子证照下载不便（e2e ${Date.now().toString(36)}）`;

let caseId: string | undefined;

const completeOpen = (username: string, id: string, kind: string) => completeOpenTask(baseUrl, username, id, kind);

function need(): string {
  if (!caseId) throw new Error("an earlier step failed: no closed case");
  return caseId;
}

describe("evaluation and complaints", () => {
  const suite = browserSuite("engagement", { width: 1440, reducedMotion: true });
  const { newPage } = suite;

  it("sets up a closed case through the API", async () => {
    const applicant = await ApiSession.login(baseUrl, APPLICANT);
    const id = await applyFor(applicant, await findItem(baseUrl, ITEM_NAME));
    await (await ApiSession.login(baseUrl, "yb.jtys.clerk")).post(`/api/cases/${id}/accept`);
    await completeOpen("yb.jtys.handler", id, "review");
    await completeOpen("yb.jtys.reviewer", id, "review");
    await (await ApiSession.login(baseUrl, "yb.jtys.decider")).post(`/api/cases/${id}/decision`, { result: "approved" });
    await (await ApiSession.login(baseUrl, "yb.jtys.clerk")).post(`/api/cases/${id}/deliver`, { method: "electronic" });
    expect((await applicant.get<{ status: string }>(`/api/cases/${id}`)).status).toBe("closed");
    caseId = id;
  });

  it("the applicant rates the case 不满意 (a comment is required) and complains from the case page", async () => {
    const id = need();
    const page = await newPage("applicant");
    await applicantLogin(page, APPLICANT);
    await page.goto(`/my/cases/${id}`);
    await visible(page.getByRole("heading", { name: "评价本次服务" }));
    await page.getByRole("radiogroup", { name: "总体评价" }).getByText("不满意", { exact: true }).click();
    await page.getByRole("button", { name: "提交评价" }).click();
    await visible(page.getByText("请写明不满意的原因，以便部门整改").first());
    await page.getByLabel("意见和建议").fill("电子证照短信里的链接打不开，打了两次电话才解决。");
    await page.getByRole("button", { name: "提交评价" }).click();
    await visible(page.getByRole("heading", { name: "您的评价" }));
    await screenshot(page, "engagement-evaluated");

    await page.getByRole("button", { name: "投诉" }).first().click();
    const dialog = await visible(page.getByRole("dialog", { name: "我要投诉" }));
    await dialog.getByLabel("投诉主题").fill(SUBJECT);
    await dialog.getByLabel("投诉内容").fill("证照已办结，但短信中的下载链接无法打开，希望改进。");
    await dialog.getByRole("button", { name: "提交投诉" }).click();
    await visible(page.getByText(/投诉已提交，部门须于 \d{4}-\d{2}-\d{2} 前答复/));
    await screenshot(page, "engagement-complained");
  });

  it("the department head answers the complaint by name; the bad rating waits as a work order", async () => {
    need();
    const page = await newPage(HEAD);
    await staffLogin(page, HEAD);
    await page.getByRole("link", { name: "投诉与差评" }).first().click();
    await urlMatch(page, /\/workbench\/complaints/);
    await visible(page.getByRole("heading", { name: "投诉与差评", level: 1 }));
    await visible(page.getByRole("row").filter({ hasText: "差评整改" }).first());
    const row = await visible(page.getByRole("row").filter({ hasText: SUBJECT }));
    await screenshot(page, "engagement-workbench-open");
    await row.getByRole("button", { name: "答复" }).click();
    const dialog = await visible(page.getByRole("dialog", { name: `答复：${SUBJECT}` }));
    await dialog.getByLabel("答复内容").fill("已联系证照库运维单位修复下载链接，并向您致歉。");
    await dialog.getByRole("button", { name: "提交答复" }).click();
    await visible(page.getByText("已答复，申请人将收到通知"));
    await dialog.waitFor({ state: "hidden" });
  });

  it("the applicant reads the answer, with the answerer's name, on 我的投诉", async () => {
    need();
    const page = await newPage("applicant-2");
    await applicantLogin(page, APPLICANT);
    await page.goto("/my/complaints");
    await visible(page.getByRole("heading", { name: "我的投诉", level: 1 }));
    const card = await visible(page.locator(".ant-card").filter({ hasText: SUBJECT }));
    await visible(card.getByText("已答复"));
    await visible(card.getByText(new RegExp(`答复人：\\s*${HEAD_NAME}`)));
    await screenshot(page, "engagement-my-complaints");
  });

  it("anyone sees the department's year in figures on its public page, the rating counted", async () => {
    need();
    const page = await newPage("public");
    await page.goto("/");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "部门" }).click();
    await urlMatch(page, /\/departments$/);
    await visible(page.getByRole("heading", { name: "部门与区县", level: 1 }));
    await page.getByRole("link", { name: DEPARTMENT, exact: true }).click();
    await urlMatch(page, /\/departments\/[^/]+$/);
    await visible(page.getByRole("heading", { name: DEPARTMENT, level: 1 }));
    await visible(page.getByRole("heading", { name: "服务数据（近一年）" }));
    await visible(page.getByText(/共 \d+ 条评价/));
    await visible(page.getByRole("heading", { name: "每月办结情况" }));
    // The small chart, drawn once its code has loaded, is an image described by its figures.
    await visible(page.locator(".dept-chart svg").first());
    await visible(page.getByRole("link", { name: ITEM_NAME }).first());
    await screenshot(page, "engagement-department-page");
  });

  it("no page crashed", () => {
    expect(suite.pageErrors()).toEqual([]);
  });
});
