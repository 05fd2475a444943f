import { describe } from "vitest";
import { en, zhCN } from "./certificates.ts";
import { checkBundlePair } from "./bundleKit.ts";

describe("certificate library texts", () => {
  checkBundlePair("certificates", zhCN, en, { plurals: false });
});
