/**
 * 送达方式: the applicant chooses delivery by mail with an address on the case page; after the
 * decision the window clerk finds the dialog pre-filled with that choice and enters the tracking
 * number; the applicant reads the "mailed" message with it in 我的消息. The case is carried to the
 * decision through the API (the browser tests of the workflow cover that part).
 */
import { describe, expect, inject, it } from "vitest";
import { ApiSession, applyFor, completeOpenTask, findItem } from "./api.ts";
import { screenshot } from "./browser.ts";
import { browserSuite } from "./suite.ts";
import { applicantLogin, axeCheck, fieldLabel, staffLogin, twoChars, UI_TIMEOUT, visible } from "./pages.ts";

const baseUrl = inject("baseUrl");
const ITEM_NAME = "道路货物运输经营许可（不含危险货物）";
const APPLICANT = "18930357537";
const RECIPIENT = "陈晓燕";
const PHONE = "13983001234";
const ADDRESS = "重庆市渝北区龙溪街道金山路18号3单元502";
const TRACKING = `SF${Date.now().toString().slice(-10)}`;

let caseId: string | undefined;

const completeOpen = (username: string, id: string, kind: string) => completeOpenTask(baseUrl, username, id, kind);

function need(): string {
  if (!caseId) throw new Error("an earlier step failed: no case");
  return caseId;
}

describe("the applicant chooses delivery by mail; the window mails the result", () => {
  const suite = browserSuite("delivery-choice", { width: 1440, reducedMotion: true });
  const { newPage } = suite;

  it("sets up a submitted case through the API", async () => {
    const applicant = await ApiSession.login(baseUrl, APPLICANT);
    caseId = await applyFor(applicant, await findItem(baseUrl, ITEM_NAME));
  });

  it("the applicant chooses 邮寄送达 with an address on the case page; a bad phone is refused first", async () => {
    const id = need();
    const page = await newPage("applicant");
    await applicantLogin(page, APPLICANT);
    await page.goto(`/my/cases/${id}`);
    const section = await visible(page.locator("#delivery-choice"));
    await visible(section.getByRole("heading", { name: "结果送达方式" }));
    await section.getByText("窗口领取", { exact: true }).click();
    // Pick-up shows where and when.
    await visible(section.getByText("渝北区政务服务中心"));
    await section.getByText("邮寄送达", { exact: true }).click();
    await section.getByLabel(fieldLabel("收件人")).fill(RECIPIENT);
    await section.getByLabel(fieldLabel("收件人电话")).fill("12345");
    await section.getByLabel(fieldLabel("详细地址")).fill(ADDRESS);
    await section.getByRole("button", { name: "保存送达方式" }).click();
    await visible(section.getByText("请填写有效的手机号码（11 位）或带区号的固定电话"));
    expect(await axeCheck(page, "case page, delivery form")).toEqual([]);
    await screenshot(page, "delivery-choice-form");
    await section.getByLabel(fieldLabel("收件人电话")).fill(PHONE);
    await section.getByRole("button", { name: "保存送达方式" }).click();
    await visible(page.getByText("送达方式已保存"));
    await visible(section.getByText(ADDRESS));
    await visible(section.getByRole("button", { name: "更改送达方式" }));
    expect(await axeCheck(page, "case page, delivery chosen")).toEqual([]);
    await screenshot(page, "delivery-choice-saved");
    const detail = await (await ApiSession.login(baseUrl, APPLICANT)).get<{ deliveryChoice?: { method: string; address?: string } }>(`/api/cases/${id}`);
    expect(detail.deliveryChoice).toMatchObject({ method: "mail", address: ADDRESS });
  });

  it("the case is accepted, reviewed and approved through the API", async () => {
    const id = need();
    await (await ApiSession.login(baseUrl, "yb.jtys.clerk")).post(`/api/cases/${id}/accept`);
    await completeOpen("yb.jtys.handler", id, "review");
    await completeOpen("yb.jtys.reviewer", id, "review");
    await (await ApiSession.login(baseUrl, "yb.jtys.decider")).post(`/api/cases/${id}/decision`, { result: "approved" });
  });

  it("the clerk sees the choice in the case file and the delivery dialog pre-filled; enters the tracking number", async () => {
    const id = need();
    const page = await newPage("clerk");
    await staffLogin(page, "yb.jtys.clerk");
    await page.goto(`/workbench/cases/${id}`);
    const chosen = await visible(page.locator(".section-card").filter({ has: page.getByRole("heading", { name: "申请人选择的送达方式" }) }));
    await visible(chosen.getByText(ADDRESS));
    await visible(chosen.getByText(PHONE));
    expect(await axeCheck(page, "case file with the delivery choice")).toEqual([]);
    await (await visible(page.getByRole("button", { name: twoChars("送达") }))).click();
    const dialog = await visible(page.getByRole("dialog", { name: "送达审批结果" }));
    await visible(dialog.getByText(/申请人选择了“邮寄送达”/));
    expect(await dialog.getByRole("radio", { name: "邮寄送达" }).isChecked()).toBe(true);
    expect(await dialog.getByLabel(fieldLabel("邮寄地址")).inputValue()).toBe(ADDRESS);
    expect(await dialog.getByLabel(fieldLabel("领取人 / 收件人")).inputValue()).toBe(RECIPIENT);
    await dialog.getByLabel(fieldLabel("快递单号")).fill(TRACKING);
    expect(await axeCheck(page, "delivery dialog pre-filled")).toEqual([]);
    await screenshot(page, "delivery-choice-dialog");
    await dialog.getByRole("button", { name: "确认送达并办结" }).click();
    await dialog.waitFor({ state: "hidden", timeout: UI_TIMEOUT });
    await visible(page.getByText("已送达，办件已办结").first());
  });

  it("the applicant reads the 已邮寄 message with the tracking number in 我的消息", async () => {
    need();
    const page = await newPage("applicant-inbox");
    await applicantLogin(page, APPLICANT);
    await page.goto("/my/inbox");
    const messages = page.getByRole("list", { name: "我的消息" });
    const mailed = await visible(messages.getByRole("listitem").filter({ hasText: TRACKING }).first());
    await visible(mailed.getByText("已邮寄", { exact: true }));
    expect(await axeCheck(page, "applicant inbox")).toEqual([]);
    await screenshot(page, "delivery-choice-inbox");
  });

  it("no page crashed", () => {
    expect(suite.pageErrors()).toEqual([]);
  });
});
