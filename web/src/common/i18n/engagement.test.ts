import { readdirSync, readFileSync, statSync } from "node:fs";
// The certificate library's texts (cert.*): registered with both faces by bundles.ts.
import { zhCN as certificates } from "./certificates.ts";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { zhCN as consult } from "./consult.ts";
import { describe, expect, it } from "vitest";
import { zhCN as account } from "./account.ts";
import { zhCN as casework } from "./casework.ts";
import { zhCN as departments } from "./departments.ts";
import { zhCN } from "./engagement.ts";
import { en } from "./engagement.en.ts";
import { en as mainEnglish } from "./en.ts";
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

// The pages and parts that use the evaluation and complaint texts (paths from web/src).
const users = [
  ...files(join(src, "common/engagement")),
  join(src, "portal/components/case/EvaluationSection.tsx"),
  join(src, "portal/components/case/ExpectedAction.tsx"),
  join(src, "portal/components/ComplaintForm.tsx"),
  join(src, "portal/pages/MyComplaints.tsx"),
  join(src, "portal/pages/MyCase.tsx"),
  join(src, "portal/PortalLayout.tsx"),
  join(src, "workbench/supervision/Complaints.tsx"),
  join(src, "workbench/supervision/Dashboard.tsx"),
  join(src, "workbench/supervision/nav.tsx"),
];
const others = [mainZh, casework, supervision, staffadmin, account, departments, consult, certificates];

describe("evaluation and complaint texts (eng)", () => {
  checkBundlePair("engagement", zhCN, en);

  it("has every literal key the evaluation and complaint pages use, here or in another bundle (in both languages)", () => {
    const missing: string[] = [];
    for (const file of users) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-zA-Z][\w.-]*)"|"(eng\.[\w.-]+)"/g)) {
        const key = m[1] ?? m[2] ?? "";
        const found = key.startsWith("eng.")
          ? typeof get(zhCN, key) === "string" && typeof get(en, key) === "string"
          : (typeof get(mainZh, key) === "string" && typeof get(mainEnglish, key) === "string") || others.some((b) => typeof get(b, key) === "string");
        if (!found) missing.push(`${file.slice(src.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("words every code the server sends", () => {
    const families: Record<string, string[]> = {
      "eng.level": ["1", "2", "3", "4", "5"],
      "eng.dim": ["efficiency", "attitude", "quality"],
      "eng.cmp.kind": ["complaint", "evaluation"],
      "eng.cmp.status": ["open", "replied"],
    };
    const missing = Object.entries(families).flatMap(([prefix, codes]) =>
      codes.map((c) => `${prefix}.${c}`).filter((k) => typeof get(zhCN, k) !== "string" || typeof get(en, k) !== "string"),
    );
    expect(missing).toEqual([]);
  });

  it("names the pages and actions the way the browser tests expect", () => {
    expect(zhCN.eng.level).toEqual({ 5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意" });
    expect(zhCN.eng.dim).toEqual({ efficiency: "办事效率", attitude: "服务态度", quality: "办理质量" });
    expect(zhCN.eng.eval).toMatchObject({ title: "评价本次服务", submit: "提交评价", given: "您的评价" });
    expect(zhCN.eng.eval.commentRequired).toContain("以便部门整改");
    expect(zhCN.eng.cmp).toMatchObject({ menu: "我的投诉", title: "我的投诉", new: "我要投诉", fromCase: "投诉", overdue: "逾期" });
    expect(zhCN.eng.cmp.status).toEqual({ open: "待答复", replied: "已答复" });
    expect(zhCN.eng.wb).toMatchObject({ nav: "投诉与差评", title: "投诉与差评", tabOpen: "待答复", tabReplied: "已答复", reply: "答复", replyText: "答复内容", replySubmit: "提交答复" });
    expect(zhCN.eng.wb.note).toContain("实名答复");
    expect(zhCN.eng.wb.note).toContain("工作日");
    expect(zhCN.eng.sat.column).toBe("满意度");
  });
});
