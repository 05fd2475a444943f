/**
 * The applicant is told without asking: after acceptance and after a suspension the messages are in
 * 我的消息 (with the supervision code, the due date, the kind and reason of the suspension), and
 * once an e-mail address is given on 通知设置 the next notice also goes by mail. The case is moved by
 * the API (the workflow's own browser tests cover the staff side).
 */
import { describe, expect, inject, it } from "vitest";
import { ApiSession, applyFor, findItem } from "./api.ts";
import { screenshot } from "./browser.ts";
import { browserSuite } from "./suite.ts";
import { applicantLogin, axeCheck, registerCitizen, SUPERVISION_CODE, visible } from "./pages.ts";

const baseUrl = inject("baseUrl");
const ITEM_NAME = "道路货物运输经营许可（不含危险货物）";
const REASON = "等待车辆技术等级检测结果";

let state: { id: string; phone: string; password: string; code: string; suspensionId?: string } | undefined;
const need = () => {
  if (!state) throw new Error("an earlier step failed: no accepted case");
  return state;
};

async function outboxTo(address: string): Promise<{ channel: string; text: string }[]> {
  const res = await fetch(`${baseUrl}/api/dev/outbox?to=${encodeURIComponent(address)}`);
  return ((await res.json()) as { items: { channel: string; text: string }[] }).items;
}

describe("notices: the applicant reads what happened to the case", () => {
  const suite = browserSuite("notices", { width: 1366 });
  const { newPage } = suite;

  it("sets up an accepted case of a newly registered citizen through the API", async () => {
    const citizen = await registerCitizen(baseUrl);
    const applicant = await ApiSession.login(baseUrl, citizen.phone, citizen.password);
    const id = await applyFor(applicant, await findItem(baseUrl, ITEM_NAME));
    await (await ApiSession.login(baseUrl, "yb.jtys.clerk")).post(`/api/cases/${id}/accept`);
    const c = await applicant.get<{ supervisionCode: string }>(`/api/cases/${id}`);
    expect(c.supervisionCode).toMatch(SUPERVISION_CODE);
    state = { id, phone: citizen.phone, password: citizen.password, code: c.supervisionCode };
  });

  it("after acceptance, 我的消息 holds the acceptance with the supervision code and the due date", async () => {
    const s = need();
    const page = await newPage("applicant");
    await applicantLogin(page, s.phone, s.password);
    await page.goto("/my/inbox");
    await visible(page.getByRole("heading", { name: "我的消息", level: 1 }));
    const accepted = page.getByRole("main").getByText(new RegExp(`已受理，统一服务监管码 ${s.code}，承诺于 \\d{4}-\\d{2}-\\d{2} 前办结`));
    await visible(accepted);
    await visible(page.getByRole("main").getByText("申请已提交", { exact: false }).first());
    await screenshot(page, "notices-inbox-accepted");
    expect(await axeCheck(page, "inbox after acceptance", { all: true })).toEqual([]);
  });

  it("after a suspension, the message names its kind, reason and expected length; it leads to the case", async () => {
    const s = need();
    const head = await ApiSession.login(baseUrl, "yb.jtys.head");
    const susp = await head.post<{ id: string }>(`/api/cases/${s.id}/suspensions`, { kind: "inspection", reason: REASON, expectedWorkingDays: 5 });
    s.suspensionId = susp.id;
    const page = await newPage("applicant");
    await applicantLogin(page, s.phone, s.password);
    await page.goto("/my/inbox");
    const message = page.getByRole("main").getByText(new RegExp(`因检验.*中止计时：${REASON}，预计 5个工作日`));
    await visible(message);
    await screenshot(page, "notices-inbox-suspended");
    await page.getByRole("main").getByRole("link", { name: "查看办件" }).first().click();
    await visible(page.getByRole("main").getByText(s.code).first());
    expect(page.url()).toContain(`/my/cases/${s.id}`);
  });

  it("on 通知设置 the applicant gives an e-mail address; the next notice also goes by mail", async () => {
    const s = need();
    const page = await newPage("applicant");
    await applicantLogin(page, s.phone, s.password);
    await page.goto("/my/notices");
    await visible(page.getByRole("heading", { name: "通知设置", level: 1 }));
    await visible(page.getByText(/发送至注册手机 1\d{2}\*{4}\d{4}/));
    const field = page.getByLabel("电子邮箱", { exact: true });
    await field.fill("not-an-address");
    await page.getByRole("button", { name: "保存邮箱" }).click();
    await visible(page.getByText("请输入有效的电子邮箱，例如 name@example.com"));
    const email = `citizen.${s.phone}@example.cn`;
    await field.fill(email);
    await page.getByRole("button", { name: "保存邮箱" }).click();
    await visible(page.getByText("邮箱已保存，今后的通知将同时发送邮件"));
    await screenshot(page, "notices-settings");
    expect(await axeCheck(page, "notice settings", { all: true })).toEqual([]);

    // The head ends the suspension: the resumption reaches the inbox, the phone and the mailbox.
    await (await ApiSession.login(baseUrl, "yb.jtys.head")).post(`/api/cases/${s.id}/suspensions/${s.suspensionId}/end`);
    const mails = (await outboxTo(email)).filter((m) => m.channel === "email");
    expect(mails.map((m) => m.text).join("\n")).toContain(`监管码 ${s.code}）已恢复计时`);
    expect((await outboxTo(s.phone)).some((m) => m.channel === "sms" && m.text.includes("已恢复计时"))).toBe(true);

    await page.getByRole("button", { name: "不再接收邮件" }).click();
    await visible(page.getByText("已删除邮箱，今后不再发送邮件"));
    await expect.poll(async () => page.getByRole("button", { name: "不再接收邮件" }).count()).toBe(0);
  });
});
