import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export const OUT_DIR = path.resolve("e2e/out");

/** Debian's Chromium, headless, with the flags this sandbox needs (no network beyond localhost); Playwright gives it a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ],
  });
}

let shot = 0;
/** Saves a numbered full-page screenshot under e2e/out/ (kept as a CI artifact). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  shot++;
  // From the top: a sticky header captured while scrolled would sit in the middle of a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0)).catch(() => undefined);
  await page.screenshot({ path: path.join(OUT_DIR, `${String(shot).padStart(2, "0")}-${name}.png`), fullPage: true });
}
