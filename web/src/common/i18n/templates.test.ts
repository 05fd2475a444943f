import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { zhCN as mainZh } from "./zh-CN.ts";
import { zhCN } from "./templates.ts";
import { en } from "./templates.en.ts";
import { checkBundlePair, get } from "./bundleKit.ts";

describe("document template texts (tpl)", () => {
  checkBundlePair("templates", zhCN, en, { plurals: false });

  it("has every literal key the template pages use, here or in the main bundle", () => {
    const root = fileURLToPath(new URL("../../workbench/templates", import.meta.url));
    const missing: string[] = [];
    for (const n of readdirSync(root).filter((f) => /\.tsx?$/.test(f) && !/\.test\./.test(f))) {
      for (const m of readFileSync(join(root, n), "utf8").matchAll(/\bt\(\s*"([a-zA-Z][\w.-]*)"|"(tpl\.[\w.-]+)"/g)) {
        const key = m[1] ?? m[2] ?? "";
        if (typeof get(zhCN, key) !== "string" && typeof get(mainZh, key) !== "string") missing.push(`${n}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
