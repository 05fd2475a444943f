import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { zhCN as mainZh } from "./zh-CN.ts";
import { zhCN as supervision } from "./supervision.ts";
import { zhCN } from "./catalogadmin.ts";
import { en } from "./catalogadmin.en.ts";
import { checkBundlePair, get } from "./bundleKit.ts";

describe("catalog administration texts (cat)", () => {
  checkBundlePair("catalogadmin", zhCN, en, { plurals: false });

  it("has every literal key the catalog pages use, here, in the configuration bundle or in the main bundle", () => {
    const root = fileURLToPath(new URL("../../workbench/catalog", import.meta.url));
    const missing: string[] = [];
    for (const n of readdirSync(root).filter((f) => /\.tsx?$/.test(f) && !/\.test\./.test(f))) {
      for (const m of readFileSync(join(root, n), "utf8").matchAll(/\bt\(\s*"([a-zA-Z][\w.-]*)"|"(cat\.[\w.-]+)"/g)) {
        const key = m[1] ?? m[2] ?? "";
        if (typeof get(zhCN, key) !== "string" && typeof get(mainZh, key) !== "string" && typeof get(supervision, key) !== "string") missing.push(`${n}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("words every problem the server's guide checks name", () => {
    const server = fileURLToPath(new URL("../../../../server/src/catalog/", import.meta.url));
    const codes = ["guideValidation.ts", "processValidation.ts"].flatMap((f) =>
      [...readFileSync(join(server, f), "utf8").matchAll(/(?:problem: |add\([^,]+, )"([a-z-]+)"/g)].map((m) => m[1] ?? ""),
    );
    expect(codes.length).toBeGreaterThan(20);
    expect([...new Set(codes)].filter((c) => typeof get(zhCN, `cat.problem.${c}`) !== "string")).toEqual([]);
  });
});
