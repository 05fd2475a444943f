import { readdirSync, readFileSync, statSync } from "node:fs";
// The certificate library's texts (cert.*): registered with both faces by bundles.ts.
import { zhCN as certificates } from "./certificates.ts";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deliveryMethods, lights, nextActions, stepProgress, suspensionKinds, taskOutcomes, taskStatuses } from "@cq/contracts";
import { zhCN as consult } from "./consult.ts";
import { describe, expect, it } from "vitest";
import { zhCN } from "./casework.ts";
import { en } from "./casework.en.ts";
import { zhCN as mainZh } from "./zh-CN.ts";
import { en as mainEn } from "./en.ts";
// The account texts (acct.*): registered with each face by common/i18n/bundles.ts.
import { zhCN as account } from "./account.ts";
// The evaluation and complaint texts (eng.*): registered with each face by common/i18n/bundles.ts.
import { zhCN as engagement } from "./engagement.ts";
// The department texts (dept.*): registered with the portal by common/i18n/bundles.ts.
import { zhCN as departments } from "./departments.ts";
// The delivery choice texts (dc.*): registered with each face by common/i18n/bundles.ts.
import { zhCN as delivery } from "./delivery.ts";
import { checkBundlePair, get } from "./bundleKit.ts";


const src = fileURLToPath(new URL("../..", import.meta.url));
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) && !n.endsWith(".test.ts") ? [p] : [];
  });
}

describe("case-handling texts (cw)", () => {
  checkBundlePair("casework", zhCN, en);

  it("has every literal key the case pages use, here or in the main bundle", () => {
    const sources = [...files(join(src, "portal")), ...files(join(src, "common/components")), ...files(join(src, "workbench/pages")), ...files(join(src, "workbench/components"))];
    const missing: string[] = [];
    for (const f of sources) {
      for (const m of readFileSync(f, "utf8").matchAll(/\bt\(\s*"([a-zA-Z][\w.-]*)"/g)) {
        const key = m[1] ?? "";
        if (typeof get(zhCN, key) !== "string" && get(mainZh, key) === undefined && typeof get(account, key) !== "string" && typeof get(engagement, key) !== "string" && typeof get(departments, key) !== "string" && typeof get(certificates, key) !== "string" && typeof get(delivery, key) !== "string" && typeof get(consult, key) !== "string") missing.push(`${f.slice(src.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("words every code the server sends", () => {
    const families: Record<string, string[]> = {
      "cw.task.status": [...taskStatuses],
      "cw.task.outcome": [...taskOutcomes],
      "cw.steps": [...stepProgress],
      "cw.light.words": [...lights, "suspended"],
      "cw.deliver.methods": [...deliveryMethods],
      "cw.verify.results": ["confirmed", "not-reached", "discrepancy"],
      "cw.suspensionKind": [...suspensionKinds],
    };
    const missing = Object.entries(families).flatMap(([prefix, codes]) => codes.map((c) => `${prefix}.${c}`).filter((k) => typeof get(zhCN, k) !== "string"));
    expect(missing).toEqual([]);
  });

  it("words every next action the server may ask of the applicant, in both languages", () => {
    const missing = nextActions.flatMap((code) => [mainZh, mainEn].filter((b) => typeof get(b, `nextAction.${code}`) !== "string").map(() => code));
    expect(missing).toEqual([]);
  });
});
