/**
 * Consultations (咨询, R33): the applicant asks about an item from its guide page; the department's
 * clerk, named as the assignee, answers it in the workbench; the applicant reads the answer with
 * the clerk's name on 我的咨询 and in 我的消息. Every new page passes axe-core.
 */
import { describe, expect, inject, it } from "vitest";
import { findItem } from "./api.ts";
import { screenshot } from "./browser.ts";
import { browserSuite } from "./suite.ts";
import { applicantLogin, axeCheck, staffLogin, twoChars, urlMatch, visible } from "./pages.ts";

const baseUrl = inject("baseUrl");
const ITEM_NAME = "道路货物运输经营许可（不含危险货物）";
// The department of the item has one clerk: every question about it is theirs.
const CLERK = "yb.jtys.clerk";
const CLERK_NAME = "邓世杰";
const APPLICANT = "15102284650";
const SUBJECT = `车辆年审材料（e2e ${Date.now().toString(36)}）`;
const ANSWER = "年审需提交道路运输证、车辆技术等级评定表，可在窗口或网上办理。";

describe("consultations", () => {
  const suite = browserSuite("consultation", { width: 1440, reducedMotion: true });
  const { newPage } = suite;
  let asked = false;
  let answered = false;

  it("the applicant asks about an item from its guide page", async () => {
    const item = await findItem(baseUrl, ITEM_NAME);
    const page = await newPage("applicant");
    await applicantLogin(page, APPLICANT);
    await page.goto(`/items/${encodeURIComponent(item.id)}`);
    await page.getByRole("link", { name: "咨询此事项" }).click();
    await urlMatch(page, /\/my\/consultations\?/);
    const dialog = await visible(page.getByRole("dialog", { name: "我要咨询" }));
    await visible(dialog.getByText(`事项：${ITEM_NAME}`));
    expect(await axeCheck(page, "consultation-form", { all: true })).toEqual([]);
    await dialog.getByLabel("标题").fill(SUBJECT);
    await dialog.getByLabel("内容").fill("请问货车年审需要准备哪些材料，能否网上办理？");
    await dialog.getByRole("button", { name: twoChars("提交") }).click();
    await visible(page.getByText(new RegExp(`已提交，${CLERK_NAME}将于 \\d{4}-\\d{2}-\\d{2} 前答复`)));
    await dialog.waitFor({ state: "hidden" });
    const card = await visible(page.locator(".ant-card").filter({ hasText: SUBJECT }));
    await visible(card.getByText("待答复"));
    await visible(card.getByText(CLERK_NAME).first());
    await screenshot(page, "consultation-asked");
    expect(await axeCheck(page, "my-consultations-open", { all: true })).toEqual([]);
    asked = true;
  });

  it("the clerk named for it answers in the workbench", async () => {
    expect(asked).toBe(true);
    const page = await newPage("clerk");
    await staffLogin(page, CLERK);
    await page.getByRole("link", { name: "咨询建议" }).first().click();
    await urlMatch(page, /\/workbench\/consultations/);
    await visible(page.getByRole("heading", { name: "咨询建议", level: 1 }));
    const row = await visible(page.getByRole("row").filter({ hasText: SUBJECT }));
    await visible(row.getByText("正常"));
    expect(await axeCheck(page, "workbench-consultations", { all: true })).toEqual([]);
    await row.getByRole("button", { name: "查看" }).click();
    const drawer = await visible(page.getByRole("dialog", { name: SUBJECT }));
    await drawer.getByLabel("答复内容").fill(ANSWER);
    expect(await axeCheck(page, "workbench-consultation-drawer", { all: true })).toEqual([]);
    await screenshot(page, "consultation-workbench-answer");
    await drawer.getByRole("button", { name: "提交答复" }).click();
    await visible(page.getByText("已答复，已通过站内消息和短信告知提出人。"));
    await drawer.waitFor({ state: "hidden" });
    answered = true;
  });

  it("the applicant reads the answer with the clerk's name on 我的咨询 and in 我的消息", async () => {
    expect(answered).toBe(true);
    const page = await newPage("applicant-2");
    await applicantLogin(page, APPLICANT);
    await page.goto("/my/consultations");
    await visible(page.getByRole("heading", { name: "我的咨询", level: 1 }));
    const card = await visible(page.locator(".ant-card").filter({ hasText: SUBJECT }));
    await visible(card.getByText("已答复"));
    await visible(card.getByText(ANSWER));
    await visible(card.getByText(new RegExp(`答复人：\\s*${CLERK_NAME}`)));
    await screenshot(page, "consultation-answered");
    expect(await axeCheck(page, "my-consultations-answered", { all: true })).toEqual([]);

    await page.goto("/my/inbox");
    await visible(page.getByText("您的咨询建议已答复").first());
    await visible(page.getByText(ANSWER).first());
    await visible(page.getByText(new RegExp(`已由${CLERK_NAME}答复`)).first());
  });

  it("no page crashed", () => {
    expect(suite.pageErrors()).toEqual([]);
  });
});
