/**
 * Helpers for the browser tests: test data (ID numbers, phones, small real PDFs), waiting on what
 * the user sees (vitest's expect does not retry, so waits are explicit), the demo outbox, and an
 * axe-core accessibility smoke check.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { idNumberCheckChar } from "../server/src/identity/checkCharacters.ts";

/**
 * How long a user-visible state may take to appear (the first load of a lazy chunk, a PDF render…):
 * generous, since `npm test` runs the browser tests beside the server tests on the same cores.
 */
export const UI_TIMEOUT = 45_000;

/** The display form of 统一服务监管码: region, year, 5 + 5 symbols (the last is the check symbol). */
export const SUPERVISION_CODE = /^\d{6}-\d{2}-[0-9A-Z]{5}-[0-9A-Z]{5}$/;

// ---------------------------------------------------------------------------------------------
// Test data
// ---------------------------------------------------------------------------------------------

function randomDigits(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String(Math.floor(Math.random() * 10));
  return s;
}

/** A valid 18-character resident ID number (GB 11643): region, birth date, sequence, check character. */
export function makeIdNumber(regionCode = "500112", birth = "19880315"): string {
  const first17 = `${regionCode}${birth}${randomDigits(3)}`;
  return first17 + idNumberCheckChar(first17);
}

/** A fresh mainland mobile number (1[3-9]xxxxxxxxx). */
export function makePhone(): string {
  return `13${String(5 + Math.floor(Math.random() * 5))}${randomDigits(8)}`;
}

/** A real-looking Chinese name. */
export function makePersonName(): string {
  const surnames = ["李", "王", "张", "刘", "陈", "杨", "黄", "周", "吴", "徐"];
  const given = ["文静", "建国", "晓梅", "志强", "思远", "雨欣", "海燕", "俊杰", "丽娟", "明辉"];
  const pick = (list: string[]) => list[Math.floor(Math.random() * list.length)]!;
  return pick(surnames) + pick(given);
}

/** A small, well-formed one-page PDF (correct xref offsets) with an ASCII line of text. */
export function minimalPdf(text: string): Buffer {
  const safe = text.replace(/[^\x20-\x7e]/g, "?").replace(/([()\\])/g, "\\$1");
  const content = `BT /F1 14 Tf 72 760 Td (${safe}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

/** Writes a small PDF under a fresh temp dir and returns its path. */
export function writeTempPdf(fileName: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cq-e2e-pdf-"));
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, minimalPdf(text));
  return file;
}

// ---------------------------------------------------------------------------------------------
// Waiting on the page
// ---------------------------------------------------------------------------------------------

/** Waits until the locator is visible and returns it (fails with the locator in the message). */
export async function visible(locator: Locator, timeout = UI_TIMEOUT): Promise<Locator> {
  await locator.waitFor({ state: "visible", timeout });
  return locator;
}

/** Waits until the page URL matches and returns the match. */
export async function urlMatch(page: Page, re: RegExp, timeout = UI_TIMEOUT): Promise<RegExpMatchArray> {
  await page.waitForURL(re, { timeout });
  const m = page.url().match(re);
  if (!m) throw new Error(`URL ${page.url()} does not match ${re}`);
  return m;
}

/** Collects uncaught page errors (a crash in React) and console errors for the report. */
export function watchPage(page: Page, label: string): { pageErrors: string[]; consoleErrors: string[] } {
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(`[${label}] ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(`[${label}] ${m.text()} (${m.location().url})`);
  });
  return { pageErrors, consoleErrors };
}

// ---------------------------------------------------------------------------------------------
// Demo affordances
// ---------------------------------------------------------------------------------------------

/** Waits for the SMS the platform "sent" to `phone` and returns the 6-digit code in it. */
export async function smsCodeFor(baseUrl: string, phone: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await fetch(`${baseUrl}/api/dev/outbox?to=${encodeURIComponent(phone)}`);
        if (!res.ok) return undefined;
        const body = (await res.json()) as { items: { to: string; channel: string; text: string; createdAt: string }[] };
        const sms = body.items.filter((m) => m.channel === "sms" && m.to === phone).at(-1);
        code = sms?.text.match(/(?<!\d)(\d{6})(?!\d)/)?.[1];
        return code;
      },
      { timeout: UI_TIMEOUT, interval: 250, message: `an SMS code for ${phone} in /api/dev/outbox` },
    )
    .toMatch(/^\d{6}$/);
  return code!;
}

/** Registers a new person through the API (with the SMS code from the demo outbox); returns how to log in. */
export async function registerCitizen(baseUrl: string, password = "Citizen2026ok"): Promise<{ phone: string; password: string; name: string }> {
  const phone = makePhone();
  const name = makePersonName();
  const headers = { "content-type": "application/json", "x-requested-with": "fetch" };
  await fetch(`${baseUrl}/api/auth/sms-codes`, { method: "POST", headers, body: JSON.stringify({ phone, purpose: "register" }) });
  const smsCode = await smsCodeFor(baseUrl, phone);
  const res = await fetch(`${baseUrl}/api/auth/register`, {
    method: "POST", headers,
    body: JSON.stringify({ type: "person", name, idNumber: makeIdNumber(), phone, smsCode, password }),
  });
  if (res.status >= 300) throw new Error(`register ${res.status}: ${await res.text()}`);
  return { phone, password, name };
}

/** Waits for the newest message to `phone` whose text contains `marker` and returns its text. */
export async function newestSms(baseUrl: string, phone: string, marker: string): Promise<string> {
  let text: string | undefined;
  await expect
    .poll(async () => {
      const body = (await (await fetch(`${baseUrl}/api/dev/outbox?to=${phone}`)).json()) as { items: { text: string }[] };
      text = body.items.find((m) => m.text.includes(marker))?.text;
      return text;
    }, { timeout: UI_TIMEOUT, interval: 250, message: `a message to ${phone} saying ${marker}` })
    .toBeTruthy();
  return text!;
}

/** GET through a browser context (its session cookie), as JSON. */
export async function getJson<T>(context: BrowserContext, url: string): Promise<{ status: number; body: T }> {
  const res = await context.request.get(url, { headers: { "Accept-Language": "zh-CN" } });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the assertion message
  }
  return { status: res.status(), body: body as T };
}

// ---------------------------------------------------------------------------------------------
// Accessibility smoke check (axe-core)
// ---------------------------------------------------------------------------------------------

const require = createRequire(import.meta.url);
const AXE_PATH = path.join(path.dirname(require.resolve("axe-core")), "axe.min.js");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
}

let axeSource: string | undefined;

/**
 * Puts axe into the page. `page.addScriptTag({ path })` inlines the script, which the platform's
 * Content Security Policy (`script-src 'self'`) rightly refuses (and logs a console error);
 * evaluating the same file through the DevTools protocol is not subject to the page's CSP, so the
 * app stays under its real policy (no `bypassCSP`).
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => "axe" in window)) return;
  axeSource ??= fs.readFileSync(AXE_PATH, "utf8");
  await page.evaluate(`${axeSource}\n;void 0`);
  if (!(await page.evaluate(() => "axe" in window))) throw new Error("axe-core could not be injected");
}

/** Runs axe on the current page; prints every violation, returns the critical ones (every one with `all`). */
export async function axeCheck(page: Page, name: string, opts: { all?: boolean } = {}): Promise<AxeViolation[]> {
  // A drawer or dialog still fading in has colours half-blended with what lies below: contrast is
  // judged once the finite animations and transitions have ended (spinners run forever, not waited for).
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity), undefined, { timeout: 5_000 })
    .catch(() => undefined);
  await injectAxe(page);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; helpUrl: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(" ")),
    }));
  });
  if (violations.length === 0) console.log(`[axe] ${name}: no violations`);
  for (const v of violations) {
    console.log(`[axe] ${name}: ${v.impact ?? "?"} ${v.id} — ${v.help} (${v.targets.length} node(s), e.g. ${v.targets.slice(0, 3).join(" | ")})`);
  }
  return opts.all ? violations : violations.filter((v) => v.impact === "critical");
}

// ---------------------------------------------------------------------------------------------
// Logging in (fresh browser contexts) and antd specifics
// ---------------------------------------------------------------------------------------------

/**
 * The accessible name of a two-character button: Ant Design puts a space between two CJK
 * characters of a button's only text ("登 录", "送 达"), so match with or without it.
 */
export function twoChars(label: string): RegExp {
  return new RegExp(`^${label[0]}\\s?${label[1]}$`);
}

/** A form field's label, with or without antd's required mark ("* 意见"). */
export function fieldLabel(label: string): RegExp {
  return new RegExp(`^(\\*\\s*)?${label.replace(/[.*+?^${}()|[\]\\（）]/g, "\\$&")}$`);
}

/** Logs a staff member into the workbench (lands on the worklist). */
export async function staffLogin(page: Page, username: string, password = "Demo@2026"): Promise<void> {
  await page.goto("/workbench/login");
  await visible(page.getByRole("heading", { name: "工作人员登录", level: 1 }));
  await page.getByLabel("用户名", { exact: true }).fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: twoChars("登录") }).click();
  await urlMatch(page, /\/workbench$/);
  await visible(page.getByRole("heading", { name: "待办", level: 1 }));
}

/** Logs an applicant into the portal (lands on 我的办件). */
export async function applicantLogin(page: Page, login: string, password = "Demo@2026"): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("账号", { exact: true }).fill(login);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: twoChars("登录") }).click();
  await urlMatch(page, /\/my\/cases$/);
  await visible(page.getByRole("heading", { name: "我的办件", level: 1 }));
}
