import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { auditActionName, auditActionNames, auditObjectName, auditObjectNames } from "./auditNames.ts";

const serverSrc = fileURLToPath(new URL("../../../../server/src", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [readFileSync(path, "utf8")] : [];
  });
}

const all = sources(serverSrc);
// `action: "case.accepted"`, `action: deemed ? "case.deemed-accepted" : "case.accepted"`, and the AuditAction union.
const written = new Set(all.flatMap((s) => [...s.matchAll(/action: (?:[^"\n,]*\? )?"([a-z]+(?:\.[a-z-]+)+)"(?: : "([a-z]+(?:\.[a-z-]+)+)")?/g)].flatMap((m) => [m[1]!, ...(m[2] ? [m[2]] : [])])));
const events = readFileSync(join(serverSrc, "audit/events.ts"), "utf8");
const union = events.slice(events.indexOf("export type AuditAction"), events.indexOf(";", events.indexOf("export type AuditAction")));
for (const m of union.matchAll(/"([a-z]+(?:\.[a-z-]+)+)"/g)) written.add(m[1]!);
const objectTypes = new Set(all.flatMap((s) => [...s.matchAll(/objectType: "([a-z-]+)"/g)].map((m) => m[1]!)));

describe("audit names", () => {
  it("every action the server writes has a name in both languages", () => {
    expect(written.size).toBeGreaterThan(50);
    expect(written.has("case.accepted")).toBe(true);
    expect(written.has("case.deemed-accepted")).toBe(true);
    expect([...written].filter((a) => !auditActionNames[a])).toEqual([]);
    for (const [zh, en] of Object.values(auditActionNames)) {
      expect(zh).toMatch(/\p{Script=Han}/u);
      expect(en).toMatch(/^[A-Z]/);
    }
  });

  it("every object kind the server writes has a name", () => {
    expect([...objectTypes].filter((o) => !auditObjectNames[o])).toEqual([]);
  });

  it("never answers with the code", () => {
    expect(auditActionName("case.accepted", "zh-CN")).toBe("受理");
    expect(auditActionName("case.accepted", "en")).toBe("Accepted");
    expect(auditActionName("no.such-action", "zh-CN")).toBe("其他操作");
    expect(auditObjectName("case-material", "en")).toBe("Material");
  });
});
