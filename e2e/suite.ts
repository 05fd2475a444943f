import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { launchBrowser, screenshot } from "./browser.ts";
import { UI_TIMEOUT, watchPage } from "./pages.ts";

/**
 * The browser side of a spec, registered inside its `describe`: one Chromium for the file, a fresh
 * context per page (its own cookies), a screenshot of every open page when a step fails, the
 * contexts closed after every step, and the page errors kept for a final "no page crashed" check.
 */
export function browserSuite(name: string, opts: { width?: number; reducedMotion?: boolean } = {}) {
  const baseUrl = inject("baseUrl");
  let browser: Browser | undefined;
  let current: Page | undefined;
  let failed = false;
  const contexts: BrowserContext[] = [];
  const problems: { pageErrors: string[]; consoleErrors: string[] }[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.errors?.length) {
      failed = true;
      // Every page still open: the one that failed is not always the one opened last.
      const pages = contexts.flatMap((c) => c.pages()).filter((p) => !p.isClosed());
      for (const [i, p] of pages.entries()) {
        const mark = p === current ? "" : `-${i + 1}`;
        await screenshot(p, `FAILED-${name}-${ctx.task.name.slice(0, 30).replace(/[^\p{L}\p{N}]+/gu, "-")}${mark}`).catch(() => undefined);
      }
    }
    for (const c of contexts.splice(0)) await c.close();
  });

  afterAll(async () => {
    const errors = problems.flatMap((p) => p.pageErrors);
    if (errors.length) console.log(`[e2e ${name}] page errors:\n  ${errors.join("\n  ")}`);
    await browser?.close();
  });

  return {
    baseUrl,
    /** A page in a new browser context (zh-CN), watched for errors. */
    async newPage(label: string): Promise<Page> {
      if (!browser) throw new Error("the browser is not running");
      const context = await browser.newContext({
        locale: "zh-CN",
        viewport: { width: opts.width ?? 1280, height: 900 },
        baseURL: baseUrl,
        // Reduced motion: charts draw at once, so screenshots show them finished.
        ...(opts.reducedMotion ? { reducedMotion: "reduce" as const } : {}),
      });
      context.setDefaultTimeout(UI_TIMEOUT);
      contexts.push(context);
      const page = await context.newPage();
      current = page;
      problems.push(watchPage(page, label));
      return page;
    },
    /** Fails a step at once when an earlier one of the file failed (they build on each other). */
    needEarlierSteps(): void {
      if (failed) throw new Error("an earlier step failed");
    },
    pageErrors: (): string[] => problems.flatMap((p) => p.pageErrors),
  };
}
