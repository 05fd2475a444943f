import { deliveryMethods } from "@cq/contracts";
import { describe, expect, it } from "vitest";
import { zhCN } from "./delivery.ts";
import { en } from "./delivery.en.ts";
import { checkBundlePair, get } from "./bundleKit.ts";

describe("delivery choice texts (dc)", () => {
  checkBundlePair("delivery", zhCN, en, { plurals: false });

  it("words every delivery method, with its hint", () => {
    const keys = deliveryMethods.flatMap((m) => [`dc.methods.${m}`, `dc.hints.${m}`]);
    expect(keys.filter((k) => typeof get(zhCN, k) !== "string")).toEqual([]);
  });
});
