import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { zhCN as casework } from "./casework.ts";
import { zhCN as departments } from "./departments.ts";
import { zhCN as engagement } from "./engagement.ts";
import { zhCN as mainZh } from "./zh-CN.ts";
import { en as mainEnglish } from "./en.ts";
import { en, zhCN } from "./staffadmin.ts";
import { zhCN as supervision } from "./supervision.ts";
import { get, leaves } from "./bundleKit.ts";


describe("staff administration texts (sa)", () => {
  it("has the same keys in zh-CN and English (English may add _one plurals)", () => {
    const zh = new Set(leaves(zhCN));
    const enKeys = leaves(en).filter((k) => !k.endsWith("_one"));
    expect(enKeys.filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh].filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it("uses the same interpolation variables in both languages", () => {
    const vars = (s: string) => [...new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
    for (const key of leaves(zhCN)) expect(vars(String(get(en, key))), key).toEqual(vars(String(get(zhCN, key))));
  });

  it("has no empty text", () => {
    expect(leaves(zhCN).filter((k) => !String(get(zhCN, k)).trim())).toEqual([]);
    expect(leaves(en).filter((k) => !String(get(en, k)).trim())).toEqual([]);
  });

  it("never redefines a key of another bundle (the merge would silently keep the old text)", () => {
    for (const other of [mainZh, casework, supervision, engagement, departments]) expect(leaves(zhCN).filter((k) => get(other, k) !== undefined)).toEqual([]);
  });

  it("has every literal key the staff pages use, here or in the main bundle", () => {
    const root = fileURLToPath(new URL("../../workbench/staff", import.meta.url));
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n) ? [p] : [];
      });
    const missing: string[] = [];
    for (const f of files(root)) {
      for (const m of readFileSync(f, "utf8").matchAll(/\bt\(\s*"([a-zA-Z][\w.-]*)"|"(sa\.[\w.-]+)"/g)) {
        const key = m[1] ?? m[2] ?? "";
        if (typeof get(zhCN, key) !== "string" && typeof get(mainZh, key) !== "string") missing.push(`${f.slice(root.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("words every code the server sends", () => {
    const families: Record<string, [unknown, string[]]> = {
      "sa.kind": [zhCN, ["create", "update", "grant-role", "revoke-role"]],
      "sa.status": [zhCN, ["pending", "approved", "rejected", "withdrawn"]],
      "sa.errorHint": [zhCN, ["UNTRAINED_STAFF", "STAFF_CHANGE_PENDING", "STAFF_CHANGE_DECIDED", "SAME_PERSON_APPROVAL", "ROLE_ALREADY_HELD", "ROLE_SCOPE_INVALID", "USERNAME_TAKEN", "PHONE_TAKEN", "ID_NUMBER_TAKEN", "INVALID_ID_NUMBER"]],
      role: [mainZh, ["platform-admin", "region-admin", "department-admin", "department-head", "clerk", "handler", "reviewer", "decider", "supervisor"]],
    };
    const missing = Object.entries(families).flatMap(([prefix, [bundle, codes]]) =>
      codes.map((c) => `${prefix}.${c}`).filter((k) => typeof get(bundle, k) !== "string" || (prefix === "role" && typeof get(mainEnglish, k) !== "string")),
    );
    expect(missing).toEqual([]);
  });
});
