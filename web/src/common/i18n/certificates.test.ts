import { describe } from "vitest";
import { zhCN } from "./certificates.ts";
import { en } from "./certificates.en.ts";
import { checkBundlePair } from "./bundleKit.ts";

describe("certificate library texts", () => {
  checkBundlePair("certificates", zhCN, en, { plurals: false });
});
