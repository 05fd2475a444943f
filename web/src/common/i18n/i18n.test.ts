import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { zhCN } from "./zh-CN.ts";
import { get, leaves } from "./bundleKit.ts";

describe("UI text", () => {
  it("has the same keys in zh-CN and English (English may add _one plurals)", () => {
    const zh = new Set(leaves(zhCN));
    const enKeys = leaves(en).filter((k) => !k.endsWith("_one"));
    expect(enKeys.filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh].filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it("uses the same interpolation variables in both languages", () => {
        for (const key of leaves(zhCN)) {
      const zh = get(zhCN, key);
      if (typeof zh !== "string") continue;
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(vars(String(get(en, key))), key).toEqual(vars(zh));
    }
  });
});
