import { consultationKinds, consultationStatuses } from "@cq/contracts";
import { describe, expect, it } from "vitest";
import { checkBundlePair, get } from "./bundleKit.ts";
import { zhCN } from "./consult.ts";
import { en } from "./consult.en.ts";

describe("consultation texts (cst)", () => {
  checkBundlePair("consult", zhCN, en);

  it("words every kind and status the server sends", () => {
    const keys = [...consultationKinds.map((k) => `cst.kind.${k}`), ...consultationStatuses.map((s) => `cst.status.${s}`)];
    expect(keys.filter((k) => typeof get(zhCN, k) !== "string" || typeof get(en, k) !== "string")).toEqual([]);
  });

  it("names the pages the way the browser tests expect", () => {
    expect(zhCN.cst).toMatchObject({ menu: "我的咨询", title: "我的咨询", ask: "我要咨询" });
    expect(zhCN.cst.wb).toMatchObject({ nav: "咨询建议", answer: "提交答复", assign: "转交" });
  });
});
