import { readdirSync, readFileSync, statSync } from "node:fs";
// The certificate library's texts (cert.*): registered with both faces by bundles.ts.
import { zhCN as certificates } from "./certificates.ts";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { zhCN as consult } from "./consult.ts";
import { describe, expect, it } from "vitest";
import { zhCN as account } from "./account.ts";
import { zhCN as casework } from "./casework.ts";
import { zhCN } from "./departments.ts";
import { en } from "./departments.en.ts";
import { en as mainEnglish } from "./en.ts";
import { zhCN as engagement } from "./engagement.ts";
import { zhCN as staffadmin } from "./staffadmin.ts";
import { zhCN as supervision } from "./supervision.ts";
import { zhCN as mainZh } from "./zh-CN.ts";
import { checkBundlePair, get } from "./bundleKit.ts";

const src = fileURLToPath(new URL("../..", import.meta.url));
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n) ? [p] : [];
  });
}

// The pages and parts that use the department texts (paths from web/src).
const users = [
  ...files(join(src, "portal/departments")),
  join(src, "portal/pages/Departments.tsx"),
  join(src, "portal/pages/Department.tsx"),
  join(src, "portal/pages/Home.tsx"),
  join(src, "portal/pages/ItemGuide.tsx"),
  join(src, "portal/PortalLayout.tsx"),
];
const others = [mainZh, casework, supervision, staffadmin, account, engagement, consult, certificates];
/** A text, or a list of texts (the home page's search suggestions). */
const isText = (v: unknown) => typeof v === "string" || Array.isArray(v);

describe("department texts (dept)", () => {
  checkBundlePair("departments", zhCN, en);

  it("has every literal key the department pages use, here or in another bundle (in both languages)", () => {
    const missing: string[] = [];
    for (const file of users) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-zA-Z][\w.-]*)"|"(dept\.[\w.-]+)"/g)) {
        const key = m[1] ?? m[2] ?? "";
        const found = key.startsWith("dept.")
          ? typeof get(zhCN, key) === "string" && typeof get(en, key) === "string"
          : (isText(get(mainZh, key)) && isText(get(mainEnglish, key))) || others.some((b) => isText(get(b, key)));
        if (!found) missing.push(`${file.slice(src.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("names the pages, headings and links the way the browser tests expect", () => {
    expect(zhCN.dept.nav).toBe("部门");
    expect(zhCN.dept.list).toMatchObject({ title: "部门与区县", city: "市级部门" });
    expect(zhCN.dept.home.all).toBe("全部部门");
    expect(zhCN.dept.fig).toMatchObject({
      title: "服务数据（近一年）",
      closed: "办结件数",
      onTimeRate: "按期办结率",
      averageWorkingDays: "平均办理用时",
      open: "在办件数",
      satisfaction: "满意度",
      noEvaluations: "暂无评价",
    });
    expect(zhCN.dept.chart).toMatchObject({ title: "每月办结情况", closed: "办结件数", onTime: "其中按期办结" });
    expect(zhCN.dept.page).toMatchObject({ address: "办公地址", phone: "咨询电话", items: "办理事项", allItems: "在办事服务中查看" });
    expect(zhCN.dept.page.notFound).toMatchObject({ title: "没有找到这个部门", back: "查看全部部门" });
  });
});
