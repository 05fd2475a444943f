/**
 * What the portal's first page costs a phone on a slow line: every script Chromium fetches to show
 * the home page, as sent over the wire (compressed). The budget is 300 KB of compressed JavaScript;
 * the charts library and the PDF viewer must not be among them. The figures are written to
 * e2e/out/page-weight.json (kept with the screenshots).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { visible } from "./pages.ts";
import { browserSuite } from "./suite.ts";

/** 300 KB (decimal, as browsers' network panels count). */
const BUDGET_BYTES = 300 * 1000;

describe("page weight", () => {
  const suite = browserSuite("page-weight");

  it("the portal's first page loads under 300 KB of compressed JavaScript, without charts or the PDF viewer", async () => {
    const page = await suite.newPage("first visit");
    const scripts: { url: string; encoding: string; response: Promise<number> }[] = [];
    page.on("response", (res) => {
      if (res.request().resourceType() !== "script") return;
      scripts.push({
        url: new URL(res.url()).pathname,
        encoding: res.headers()["content-encoding"] ?? "identity",
        response: res.request().sizes().then((s) => s.responseBodySize),
      });
    });
    await page.goto("/", { waitUntil: "networkidle" });
    await visible(page.getByRole("heading", { name: "热门事项" }));
    await page.waitForLoadState("networkidle");

    const files = await Promise.all(scripts.map(async (s) => ({ url: s.url, encoding: s.encoding, bytes: await s.response })));
    const total = files.reduce((n, f) => n + f.bytes, 0);
    fs.mkdirSync(path.join("e2e", "out"), { recursive: true });
    fs.writeFileSync(path.join("e2e", "out", "page-weight.json"), `${JSON.stringify({ page: "/", budgetBytes: BUDGET_BYTES, totalBytes: total, files }, null, 2)}\n`);

    expect(files.length).toBeGreaterThan(0);
    // Every script comes compressed (brotli, written at build time).
    expect(files.filter((f) => f.encoding !== "br")).toEqual([]);
    expect(files.map((f) => f.url).filter((u) => /echarts|pdf/i.test(u))).toEqual([]);
    expect(total, JSON.stringify(files)).toBeLessThan(BUDGET_BYTES);
  });

  it("API answers are compressed when they are large", async () => {
    const res = await fetch(`${suite.baseUrl}/api/catalog/items?limit=50`, { headers: { "accept-encoding": "br, gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toMatch(/^(br|gzip)$/);
    const body = (await res.json()) as { items: unknown[] };
    expect(body.items.length).toBeGreaterThan(0);
  });
});
