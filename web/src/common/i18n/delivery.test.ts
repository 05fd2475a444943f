import { describe } from "vitest";
import { zhCN } from "./delivery.ts";
import { en } from "./delivery.en.ts";
import { checkBundlePair } from "./bundleKit.ts";

describe("delivery choice texts (dc)", () => {
  checkBundlePair("delivery", zhCN, en, { plurals: false });
});
