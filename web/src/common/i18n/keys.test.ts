import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { zhCN } from "./zh-CN.ts";

const srcDir = fileURLToPath(new URL("../..", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

function has(key: string): boolean {
  let node: unknown = zhCN;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" || Array.isArray(node);
}

describe("t() keys", () => {
  it("every literal key used in the code exists in zh-CN", () => {
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
