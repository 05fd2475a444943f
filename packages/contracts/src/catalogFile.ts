import { z } from "zod";
import { regionLevels } from "./enums.ts";
import { GuideFormField, GuideInput, GuideMaterial, GuideStepInput, itemCodeSchema } from "./catalogAdmin.ts";
import { DepartmentCreateRequest, HallCreateRequest, RegionCreateRequest, regionCodeSchema } from "./organization.ts";

// The catalog file (docs/catalog-format.md): a whole city's regions, departments, service halls and
// items with their guides in one JSON document, read by `npm run cli -- import-catalog` and written
// by `export-catalog`. Everything refers to everything else by a stable code, never by a database id,
// so a file moves between platforms. The JSON Schema docs/catalog-format.schema.json is generated
// from these schemas (scripts/catalog-schema.ts) and checked against them by a test.

export const CATALOG_FILE_FORMAT = "cq-catalog";
export const CATALOG_FILE_VERSION = 1;

const code = (what: string) => z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/).describe(what);

/** Departments keep their code across platforms, e.g. `cq-scjgj` or `500112-scjgj`. */
export const departmentCodeSchema = code("Department code: letters, digits, '.', '_', '-'; stable, e.g. 500112-scjgj");
export const hallCodeSchema = code("Service hall code: letters, digits, '.', '_', '-'; stable, e.g. hall-yb");

export const CatalogFileRegion = z
  .strictObject({
    code: regionCodeSchema,
    name: RegionCreateRequest.shape.name,
    level: z.enum(regionLevels),
    /** The region above: none for the city, the city for a district, a district for a township. */
    parentCode: regionCodeSchema.optional(),
  })
  .describe("A region: the city (6 digits), a district or county (6 digits), a township or street (9 digits)");
export type CatalogFileRegion = z.infer<typeof CatalogFileRegion>;

export const CatalogFileDepartment = z
  .strictObject({
    code: departmentCodeSchema,
    name: DepartmentCreateRequest.shape.name,
    shortName: DepartmentCreateRequest.shape.shortName.unwrap(),
    regionCode: regionCodeSchema,
    phone: DepartmentCreateRequest.shape.phone.unwrap(),
    address: DepartmentCreateRequest.shape.address.unwrap(),
    /** The department at the other level doing the same work (a district's city department, or the reverse). */
    counterpartCode: departmentCodeSchema.optional(),
    /** Disabled: out of the public lists and of new items; absent means enabled. */
    disabled: z.boolean().optional(),
  })
  .describe("A department, by its stable code");
export type CatalogFileDepartment = z.infer<typeof CatalogFileDepartment>;

export const CatalogFileHall = z
  .strictObject({
    code: hallCodeSchema,
    name: HallCreateRequest.shape.name,
    regionCode: regionCodeSchema,
    address: HallCreateRequest.shape.address,
    phone: HallCreateRequest.shape.phone.unwrap(),
    openingHours: HallCreateRequest.shape.openingHours.unwrap(),
    disabled: z.boolean().optional(),
  })
  .describe("A service hall (政务服务大厅), by its code");
export type CatalogFileHall = z.infer<typeof CatalogFileHall>;

const departmentCodes = z.array(departmentCodeSchema).max(20);

export const CatalogFileStep = GuideStepInput.omit({ departmentId: true, staffId: true })
  .extend({
    /** The acting department; null only on a co-handle step (each assisting department acts). */
    departmentCode: departmentCodeSchema.nullable(),
    /** A named staff member who acts on the step, by login name; otherwise anyone with the role. */
    staffUsername: z.string().max(32).optional(),
  })
  .strict();

/**
 * A guide as the catalog administration's `GuideInput`, with department codes where it has ids:
 * `process.steps[].departmentCode`, `assistingDepartmentCodes`, `assistingDays` keyed by code,
 * `resultDepartmentCodes`, `ccDepartmentCodes`.
 */
export const CatalogFileGuide = GuideInput.omit({
  assistingDepartmentIds: true, assistingDepartments: true, assistingDays: true, resultDepartmentIds: true, ccDepartmentIds: true,
  materials: true, formFields: true, process: true,
})
  .extend({
    materials: z.array(GuideMaterial.strict()).max(60),
    formFields: z.array(GuideFormField.strict()).max(60),
    process: z.strictObject({ steps: z.array(CatalogFileStep).max(30) }),
    /** Departments that co-handle (联合办理). */
    assistingDepartmentCodes: departmentCodes.optional(),
    /** Working days of an assisting department on the co-handle step, where not the step's own. */
    assistingDays: z.record(departmentCodeSchema, GuideStepInput.shape.workingDays).optional(),
    /** Assisting departments that issue a result of their own (R31). */
    resultDepartmentCodes: departmentCodes.optional(),
    /** Supervising departments told of each closed case (抄告, R32). */
    ccDepartmentCodes: departmentCodes.optional(),
  })
  .strict()
  .describe("The item's guide (办事指南): what the public catalog shows, with department codes");
export type CatalogFileGuide = z.infer<typeof CatalogFileGuide>;

export const CatalogFileItem = z
  .strictObject({
    code: itemCodeSchema,
    name: z.string().trim().min(2).max(80),
    /** The implementing (lead) department; the item is held in its region at that region's level. */
    departmentCode: departmentCodeSchema,
    level: z.enum(regionLevels),
    regionCode: regionCodeSchema,
    /** Cancelled: out of the public catalog, open cases go on; absent means active. */
    cancelled: z.boolean().optional(),
    /** The guide in effect. Absent: the item has no version in effect (not in the public catalog), or its version is left as it is. */
    guide: CatalogFileGuide.optional(),
  })
  .describe("An approval item (事项), by its code");
export type CatalogFileItem = z.infer<typeof CatalogFileItem>;

export const CatalogFile = z
  .strictObject({
    /** Optional: where an editor finds the JSON Schema (e.g. "./catalog-format.schema.json"); the import ignores it. */
    $schema: z.string().max(500).optional(),
    format: z.literal(CATALOG_FILE_FORMAT),
    version: z.literal(CATALOG_FILE_VERSION),
    regions: z.array(CatalogFileRegion).max(5000),
    departments: z.array(CatalogFileDepartment).max(20000),
    halls: z.array(CatalogFileHall).max(5000),
    items: z.array(CatalogFileItem).max(50000),
  })
  .describe("A catalog file of the online administrative approval platform (docs/catalog-format.md)");
export type CatalogFile = z.infer<typeof CatalogFile>;

/** The JSON Schema of the catalog file, as committed in docs/catalog-format.schema.json. */
export function catalogFileJsonSchemaText(): string {
  const schema = { ...z.toJSONSchema(CatalogFile, { target: "draft-2020-12", io: "input" }), title: `${CATALOG_FILE_FORMAT}, version ${CATALOG_FILE_VERSION}` };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
