import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { zhCN as consult } from "./consult.ts";
import { describe, expect, it } from "vitest";
import { zhCN } from "./supervision.ts";
import { en } from "./supervision.en.ts";
import { zhCN as mainZh } from "./zh-CN.ts";
// The account texts (acct.*): registered with each face by common/i18n/bundles.ts.
import { zhCN as account } from "./account.ts";
// The evaluation and complaint texts (eng.*): registered with each face by common/i18n/bundles.ts.
import { zhCN as engagement } from "./engagement.ts";
// The guide problems (cat.problem.*) the step editor names: the catalog administration's bundle.
import { zhCN as catalogadmin } from "./catalogadmin.ts";
import { checkBundlePair, get } from "./bundleKit.ts";

describe("configuration and supervision texts", () => {
  checkBundlePair("supervision", zhCN, en);

  it("has every literal key the configuration and supervision pages use", () => {
    const root = fileURLToPath(new URL("../../workbench", import.meta.url));
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) && !n.endsWith(".test.ts") ? [p] : [];
      });
    const sources = [...files(join(root, "config")), ...files(join(root, "supervision")), join(root, "WorkbenchLayout.tsx")];
    const missing: string[] = [];
    for (const f of sources) {
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([a-zA-Z][\w.-]*)"|"((?:sv|cfg|wbnav|wbx)\.[\w.-]+)"/g)) {
        const key = m[1] ?? m[2] ?? "";
        if (get(zhCN, key) === undefined && get(mainZh, key) === undefined && typeof get(account, key) !== "string" && typeof get(engagement, key) !== "string" && typeof get(catalogadmin, key) !== "string" && typeof get(consult, key) !== "string") missing.push(`${f.slice(root.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
