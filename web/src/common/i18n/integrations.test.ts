import { describe } from "vitest";
import { zhCN } from "./integrations.ts";
import { en } from "./integrations.en.ts";
import { checkBundlePair } from "./bundleKit.ts";

describe("system integration texts", () => {
  checkBundlePair("integrations", zhCN, en, { plurals: false });
});
