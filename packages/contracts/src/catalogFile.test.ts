import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { CatalogFile, catalogFileJsonSchemaText } from "./catalogFile.ts";

describe("the catalog file's JSON Schema", () => {
  it("is the one generated from the zod schema (run `npm run catalog-schema` after changing it)", () => {
    const committed = fs.readFileSync(new URL("../../../docs/catalog-format.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(catalogFileJsonSchemaText());
  });

  it("refuses unknown keys, so that a misspelt field is not silently dropped", () => {
    const file = { format: "cq-catalog", version: 1, regions: [{ code: "500000", name: "重庆市", level: "city", parentcode: "x" }], departments: [], halls: [], items: [] };
    const r = CatalogFile.safeParse(file);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ code: "unrecognized_keys", path: ["regions", 0] });
  });
});
