/**
 * Every page of the portal and the workbench, as the people who open them (anonymous, an applicant,
 * a window clerk, a department admin, the supervising office): axe-core with every rule, in
 * Chinese and in English with elder mode on, with screenshots at 1366×768 (and 390×844 in Chinese).
 * At 1366 px the header keeps its menu on one line in Chinese, English and elder mode. One page per
 * person, moving between pages as the app's links do; the language and elder mode are switched
 * through the stored preferences the switches write.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot } from "./browser.ts";
import { browserSuite } from "./suite.ts";
import { applicantLogin, axeCheck, getJson, staffLogin, type AxeViolation, UI_TIMEOUT } from "./pages.ts";

const APPLICANT = "18930357537";
const CLERK = "yb.scjg.clerk";
const DEPT_ADMIN = "yb.scjg.admin";
const SUPERVISOR = "supervisor";

/**
 * The modes every page is checked in: Chinese, and English in elder mode (the English words and the
 * elder styles at once, to keep the sweep short); the header is also checked in English and in
 * elder mode alone.
 */
type Mode = "zh" | "en" | "elder" | "en-elder";
const SWEPT: readonly Mode[] = ["zh", "en-elder"];

/** What the page's stored preferences say (the language switch and the elder toggle write them). */
async function setMode(page: Page, mode: Mode): Promise<void> {
  await page.evaluate((m) => {
    localStorage.setItem("cq.lang", m.startsWith("en") ? "en" : "zh-CN");
    localStorage.setItem("cq.elder", m.endsWith("elder") ? "1" : "0");
  }, mode);
}

/** Opens a path inside the running app (as its links do), without reloading it. */
async function open(page: Page, path: string): Promise<void> {
  await page.evaluate(() => document.querySelectorAll("h1").forEach((h) => h.setAttribute("data-left", "")));
  await page.evaluate((p) => {
    window.history.pushState(null, "", p);
    window.dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

/** Waits until the page shows its own heading and has stopped loading (no skeleton, no spinner). */
async function settle(page: Page): Promise<void> {
  await page.locator("h1:not([data-left])").first().waitFor({ state: "visible", timeout: UI_TIMEOUT });
  await page.waitForFunction(() => !document.querySelector(".ant-skeleton, .ant-spin-spinning"), undefined, { timeout: 4_000 }).catch(() => undefined);
  // Let pending renders (a chart, a lazy tab) land.
  await page.waitForTimeout(150);
  await page.mouse.move(2, 760);
}

/** The header's menu stays on one line: the header is one row tall, the menu's entries side by side. */
async function headerOnOneLine(page: Page, label: string): Promise<void> {
  const inner = await page.locator(".app-header-inner").first().boundingBox();
  expect(inner, `${label}: the header`).not.toBeNull();
  expect(inner!.height, `${label}: header height ${inner!.height}`).toBeLessThanOrEqual(96);
  const nav = page.locator(".app-header .header-nav").first();
  if (await nav.count()) {
    // One row: every entry's middle at the same height (a pixel or two apart at most).
    const middles = await nav.locator(":scope > a, :scope > button").evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return Math.round(r.top + r.height / 2);
    }));
    expect(Math.max(...middles) - Math.min(...middles), `${label}: menu entries at ${middles.join(",")}`).toBeLessThanOrEqual(4);
  }
}

const found: { page: string; violations: AxeViolation[] }[] = [];

/** Visits each path in each mode: axe with every rule, screenshots; the header on one line in zh, en and elder mode. */
async function sweep(page: Page, who: string, paths: readonly string[]): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const mode of ["en", "elder"] as const) {
    await setMode(page, mode);
    await page.goto(paths[0]!);
    await settle(page);
    await headerOnOneLine(page, `${who}-${mode}`);
    await screenshot(page, `${who}-${mode}-header-1366`);
  }
  for (const mode of SWEPT) {
    await setMode(page, mode);
    await page.goto(paths[0]!);
    for (const [i, path] of paths.entries()) {
      const started = performance.now();
      if (i > 0) await open(page, path);
      await settle(page);
      const loaded = performance.now();
      const name = `${who}-${mode}-${path.replace(/[^\w]+/g, "_").slice(0, 40)}`;
      const violations = await axeCheck(page, name, { all: true });
      if (violations.length) found.push({ page: name, violations });
      const checked = performance.now();
      await headerOnOneLine(page, name);
      if (mode === "zh") {
        await screenshot(page, `${name}-1366`);
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(200);
        await screenshot(page, `${name}-390`);
        await page.setViewportSize({ width: 1366, height: 768 });
      }
      console.log(`[sweep] ${name}: load ${Math.round(loaded - started)} axe ${Math.round(checked - loaded)} rest ${Math.round(performance.now() - checked)} ms`);
    }
  }
}

describe("accessibility sweep: every page, every person, zh / en / elder", () => {
  const suite = browserSuite("a11y-sweep", { width: 1366, reducedMotion: true });
  const { newPage, baseUrl } = suite;

  it("the portal, anonymous", async () => {
    const page = await newPage("anonymous");
    await page.goto("/");
    const items = (await getJson<{ items: { id: string }[] }>(page.context(), `${baseUrl}/api/catalog/items?limit=1`)).body.items;
    const depts = (await getJson<{ items: { id: string }[] }>(page.context(), `${baseUrl}/api/catalog/departments`)).body.items;
    await sweep(page, "anon", [
      "/", "/items", `/items/${items[0]!.id}`, "/departments", `/departments/${depts[0]!.id}`, "/register", "/login", "/reset-password",
      "/progress", "/verify", "/no-such-page",
    ]);
  });

  it("the portal, an applicant", async () => {
    const page = await newPage("applicant");
    await applicantLogin(page, APPLICANT);
    const ctx = page.context();
    const cases = (await getJson<{ items: { id: string; status: string; supervisionCode?: string }[] }>(ctx, `${baseUrl}/api/cases?limit=50`)).body.items;
    const withCode = cases.find((c) => c.supervisionCode) ?? cases[0]!;
    const certs = (await getJson<{ items: { certificateNo: string }[] }>(ctx, `${baseUrl}/api/certificates`)).body.items ?? [];
    const items = (await getJson<{ items: { id: string }[] }>(ctx, `${baseUrl}/api/catalog/items?limit=1`)).body.items;
    await sweep(page, "applicant", [
      "/my/cases", `/my/cases/${withCode.id}`, `/apply/${items[0]!.id}`, "/my/inbox", "/my/complaints", "/my/certificates", "/my/password",
      ...(withCode.supervisionCode ? [`/progress/${encodeURIComponent(withCode.supervisionCode)}`] : []),
      ...(certs[0] ? [`/verify/${encodeURIComponent(certs[0].certificateNo)}`] : []),
    ]);
  });

  it("the workbench, a window clerk (and its login page)", async () => {
    const page = await newPage("clerk");
    await page.goto("/workbench/login");
    for (const mode of ["zh", "en", "elder"] as const) {
      await setMode(page, mode);
      await page.goto("/workbench/login");
      await settle(page);
      const violations = await axeCheck(page, `workbench-login-${mode}`, { all: true });
      if (violations.length) found.push({ page: `workbench-login-${mode}`, violations });
      await screenshot(page, `workbench-login-${mode}-1366`);
    }
    await setMode(page, "zh");
    await staffLogin(page, CLERK);
    const ctx = page.context();
    const worklist = (await getJson<{ items: { caseId: string }[] }>(ctx, `${baseUrl}/api/worklist`)).body.items;
    await sweep(page, "clerk", [
      "/workbench", `/workbench/cases/${worklist[0]!.caseId}`, "/workbench/hall", "/workbench/inbox", "/workbench/password", "/workbench/security",
      "/workbench/calendar", "/workbench/no-such-page",
    ]);
  });

  it("the workbench, a department admin", async () => {
    const page = await newPage("department admin");
    await staffLogin(page, DEPT_ADMIN);
    const ctx = page.context();
    const items = (await getJson<{ items: { id: string }[] }>(ctx, `${baseUrl}/api/admin/items`)).body.items;
    const versions = (await getJson<{ items: { id: string; status: string }[] }>(ctx, `${baseUrl}/api/admin/items/${items[0]!.id}/versions`)).body.items;
    const version = versions.find((v) => v.status === "draft") ?? versions[0]!;
    const inbox = (await getJson<{ items: { versionId?: string; id?: string }[] }>(ctx, `${baseUrl}/api/admin/version-inbox`)).body.items ?? [];
    const pending = inbox[0]?.versionId ?? inbox[0]?.id;
    await sweep(page, "deptadmin", [
      "/workbench/catalog", `/workbench/catalog/${items[0]!.id}`, `/workbench/catalog/${items[0]!.id}/versions/${version.id}/edit`,
      "/workbench/approvals", ...(pending ? [`/workbench/approvals/${pending}`] : []), "/workbench/config/staff", "/workbench/organization",
      "/workbench/templates", "/workbench/templates/acceptance-notice", "/workbench/certificates",
    ]);
  });

  it("the workbench, the supervising office", async () => {
    const page = await newPage("supervisor");
    await staffLogin(page, SUPERVISOR);
    await sweep(page, "supervisor", ["/workbench/supervision", "/workbench/escalations", "/workbench/complaints", "/workbench/flags", "/workbench/audit?limit=50"]);
  });

  it("no page has an axe-core violation, and no page crashed", () => {
    const report = found.map((f) => `${f.page}: ${f.violations.map((v) => `${v.id} (${v.targets.slice(0, 2).join(" | ")})`).join("; ")}`);
    expect(report).toEqual([]);
    expect(suite.pageErrors()).toEqual([]);
  });
});
