import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The two faces share code only through common/ (ARCHITECTURE: "portal/ and workbench/ import only
// common/ and @cq/contracts, never each other").
const src = fileURLToPath(new URL("..", import.meta.url));
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}
const importsOf = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => relative(src, resolve(dirname(file), m[1] ?? "")));

describe("module boundaries of the web app", () => {
  for (const [face, other] of [["portal", "workbench"], ["workbench", "portal"], ["common", "portal"], ["common", "workbench"]] as const) {
    it(`${face}/ does not import ${other}/`, () => {
      const bad = files(join(src, face)).flatMap((f) => importsOf(f).filter((i) => i.startsWith(`${other}/`)).map((i) => `${relative(src, f)} → ${i}`));
      expect(bad).toEqual([]);
    });
  }
});

// Pages and components reach the API only through the data modules (common/data/), which own the
// query keys and what a command makes stale.
describe("one data-access layer", () => {
  it("no page or component calls the API or builds query keys itself", () => {
    const direct = /api\/client\.ts|queryKey:|useQueryClient|(^|[^.\w])fetch\(|XMLHttpRequest/;
    const bad = [...files(join(src, "portal")), ...files(join(src, "workbench")), ...files(join(src, "common"))]
      .filter((f) => !/[\\/]common[\\/](data|api)[\\/]/.test(f) && !f.endsWith(".test.ts"))
      .filter((f) => direct.test(readFileSync(f, "utf8")))
      .map((f) => relative(src, f));
    expect(bad).toEqual([]);
  });
});


// String bundles are registered in one place (common/i18n/bundles.ts, per face): no module has its
// strings because something imported a file for its side effect.
describe("string bundles", () => {
  it("no module imports an i18n file for its side effect, bar main.tsx starting i18next", () => {
    const bad = files(src)
      .filter((f) => relative(src, f) !== "main.tsx")
      .filter((f) => /^import "[^"]*i18n[^"]*";$/m.test(readFileSync(f, "utf8")))
      .map((f) => relative(src, f));
    expect(bad).toEqual([]);
  });
});

// The server's shapes are typed once, in @cq/contracts: the web imports them (import type) and
// never declares its own copy, which would drift from what the server sends.
const contractsSrc = fileURLToPath(new URL("../../../packages/contracts/src/", import.meta.url));
/** The names of the response types, their parts and the enum types the contracts export. */
function contractTypeNames(): Set<string> {
  const sources = [...files(join(contractsSrc, "responses")), join(contractsSrc, "enums.ts"), join(contractsSrc, "roles.ts"), join(contractsSrc, "schemas.ts"), join(contractsSrc, "organization.ts")];
  return new Set(sources.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/^export (?:type|interface|const) (\w+)/gm)].map((m) => m[1] ?? "")));
}
/** The types and interfaces a source file declares, at any depth. */
const declaredTypes = (text: string) => [...text.matchAll(/^\s*(?:export\s+)?(?:declare\s+)?(?:type|interface|enum)\s+(\w+)/gm)].map((m) => m[1] ?? "");

describe("one copy of the server's types", () => {
  const names = contractTypeNames();

  it("reads the contracts' response and enum type names", () => {
    for (const name of ["CaseDetail", "CaseListItem", "Me", "Worklist", "PublicProgress", "NextAction", "Light"]) expect(names, name).toContain(name);
    expect(declaredTypes("export interface CaseDetail {\n  id: string;\n}\n  type Light = string;")).toEqual(["CaseDetail", "Light"]);
  });

  it("no web source declares a type named like one the contracts export", () => {
    const bad = files(src).flatMap((f) => declaredTypes(readFileSync(f, "utf8")).filter((n) => names.has(n)).map((n) => `${relative(src, f)}: ${n}`));
    expect(bad).toEqual([]);
  });
});
