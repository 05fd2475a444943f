/** Helpers for the translation bundles' tests: the dotted keys of a bundle, a look-up by key, and the checks every bundle passes. */
import { expect, it } from "vitest";
import { zhCN as account } from "./account.ts";
import { zhCN as casework } from "./casework.ts";
import { zhCN as catalogadmin } from "./catalogadmin.ts";
import { zhCN as certificates } from "./certificates.ts";
import { zhCN as delivery } from "./delivery.ts";
import { zhCN as departments } from "./departments.ts";
import { zhCN as engagement } from "./engagement.ts";
import { zhCN as integrations } from "./integrations.ts";
import { zhCN as organization } from "./organization.ts";
import { zhCN as staffadmin } from "./staffadmin.ts";
import { zhCN as supervision } from "./supervision.ts";
import { zhCN as templates } from "./templates.ts";
import { zhCN as webhooks } from "./webhooks.ts";
import { zhCN as main } from "./zh-CN.ts";

/** Every leaf key of a bundle, dotted ("sa.kind.create"). Arrays count as one text. */
export function leaves(obj: unknown, prefix = ""): string[] {
  if (typeof obj === "string" || Array.isArray(obj)) return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** The value at a dotted key, or undefined. */
export const get = (obj: unknown, key: string): unknown => key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);

/** The Chinese side of every bundle the app registers, so that no key is defined twice. */
const allBundles: Record<string, unknown> = { main, casework, catalogadmin, supervision, staffadmin, account, engagement, departments, delivery, organization, certificates, templates, webhooks, integrations };

const variables = (s: string) => [...new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

/**
 * Registers the checks every bundle passes: the same keys in both languages (English may add `_one`
 * plurals, unless `plurals` is false: then the very same keys in the same order), the same
 * interpolation variables, no empty text, and no key that another bundle defines too (a merge
 * would silently keep the old text).
 */
export function checkBundlePair(name: string, zhCN: unknown, en: unknown, opts: { plurals?: boolean } = {}): void {
  const plurals = opts.plurals ?? true;
  it(`has the same keys in zh-CN and English${plurals ? " (English may add _one plurals)" : ""}`, () => {
    if (!plurals) {
      expect(leaves(en)).toEqual(leaves(zhCN));
      return;
    }
    const zh = new Set(leaves(zhCN));
    const enKeys = leaves(en).filter((k) => !k.endsWith("_one"));
    expect(enKeys.filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh].filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it("uses the same interpolation variables in both languages", () => {
    for (const key of leaves(en)) {
      const base = key.endsWith("_one") ? key.slice(0, -4) : key;
      expect(variables(String(get(en, key))), key).toEqual(variables(String(get(zhCN, base))));
    }
    for (const key of leaves(zhCN)) expect(variables(String(get(en, key))), key).toEqual(variables(String(get(zhCN, key))));
  });

  it("has no empty text", () => {
    expect(leaves(zhCN).filter((k) => !String(get(zhCN, k)).trim())).toEqual([]);
    expect(leaves(en).filter((k) => !String(get(en, k)).trim())).toEqual([]);
  });

  it("never redefines a key of another bundle (the merge would silently keep the old text)", () => {
    for (const [other, bundle] of Object.entries(allBundles)) {
      if (other === name) continue;
      expect(leaves(zhCN).filter((k) => get(bundle, k) !== undefined), other).toEqual([]);
    }
  });
}
