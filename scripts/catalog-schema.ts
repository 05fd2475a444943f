// Writes docs/catalog-format.schema.json from the zod schema of the catalog file (packages/contracts/src/catalogFile.ts).
// Run after changing that schema: `npm run catalog-schema`; packages/contracts/src/catalogFile.test.ts fails until you do.
import fs from "node:fs";
import { catalogFileJsonSchemaText } from "../packages/contracts/src/catalogFile.ts";

const target = new URL("../docs/catalog-format.schema.json", import.meta.url);
fs.writeFileSync(target, catalogFileJsonSchemaText());
console.log(`wrote ${target.pathname}`);
