import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { zhCN as mainZh } from "./zh-CN.ts";
import { en as mainEnglish } from "./en.ts";
import { zhCN } from "./staffadmin.ts";
import { en } from "./staffadmin.en.ts";
import { checkBundlePair, get } from "./bundleKit.ts";

describe("staff administration texts (sa)", () => {
  checkBundlePair("staffadmin", zhCN, en);

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
