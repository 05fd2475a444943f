import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { zhCN as account } from "./account.ts";
import { zhCN as casework } from "./casework.ts";
import { zhCN as catalogadmin } from "./catalogadmin.ts";
import { zhCN as certificates } from "./certificates.ts";
import { zhCN as delivery } from "./delivery.ts";
import { zhCN as departments } from "./departments.ts";
import { zhCN as engagement } from "./engagement.ts";
import { zhCN as consult } from "./consult.ts";
import { zhCN as integrations } from "./integrations.ts";
import { zhCN as organization } from "./organization.ts";
import { zhCN as staffadmin } from "./staffadmin.ts";
import { zhCN as supervision } from "./supervision.ts";
import { zhCN as templates } from "./templates.ts";
import { zhCN as webhooks } from "./webhooks.ts";
import { zhCN } from "./zh-CN.ts";

// The bundles other modules add at import time (addResourceBundle) count too.
const bundles: unknown[] = [zhCN, casework, catalogadmin, supervision, staffadmin, account, engagement, consult, departments, delivery, organization, certificates, templates, webhooks, integrations];

const srcDir = fileURLToPath(new URL("../..", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

function hasIn(bundle: unknown, key: string): boolean {
  let node: unknown = bundle;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" || Array.isArray(node);
}

const has = (key: string): boolean => bundles.some((b) => hasIn(b, key));

describe("t() keys", () => {
  it("every literal key used in the code exists in a zh-CN bundle", () => {
    const missing: string[] = [];
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([a-zA-Z][\w.-]*)"/g)) {
        const key = m[1] ?? "";
        if (!has(key)) missing.push(`${file.slice(srcDir.length)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
