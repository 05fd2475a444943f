import { z } from "zod";
import { applicantTypes, formFieldTypes, handlingModes, regionLevels, stepKinds } from "./enums.ts";
import { stepRoles } from "./roles.ts";
import { regionCodeSchema } from "./organization.ts";

// Requests of the catalog's administration (R8–R11): items and whole-guide versions.
// A guide is what `GET /api/catalog/items/:id` shows, written with ids instead of names; the same
// shape is the `guide` of a catalog file (docs/catalog-format.md). Unknown keys are ignored, so a
// guide read from the public catalog can be sent back as it is.

/** Item codes: letters, digits and hyphens, e.g. `CQ-SCJG-001` or `500112-XK-007`. */
export const itemCodeSchema = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/).describe("Item code: letters, digits, hyphens");
const keySchema = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/).describe("A key stable across versions: lower-case letters, digits, hyphens");
const fieldKeySchema = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/).describe("Form field key, camelCase");
const text = (max: number) => z.string().trim().max(max);
const days = (max: number) => z.number().int().min(0).max(max);
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("Calendar date YYYY-MM-DD (Asia/Shanghai)");
const sha256 = z.string().regex(/^[0-9a-f]{64}$/).describe("A file uploaded with POST /api/admin/items/:id/files");

export const GuideMaterial = z.object({
  /** Stable within the item; derived from the name when absent. */
  key: keySchema.optional(),
  name: text(120).min(1),
  required: z.boolean(),
  description: text(1000).optional(),
  /** A blank form and a filled-in sample are offered for download (uploaded, or generated from the form fields). */
  hasForm: z.boolean().optional(),
  blankFormFile: sha256.nullable().optional(),
  sampleFile: sha256.nullable().optional(),
  /** The certificate type this material may be reused from (R27). */
  certificateType: z.string().max(60).nullable().optional(),
});
export type GuideMaterial = z.infer<typeof GuideMaterial>;

export const GuideFormField = z.object({ key: fieldKeySchema, label: text(60).min(1), type: z.enum(formFieldTypes), required: z.boolean() });
export type GuideFormField = z.infer<typeof GuideFormField>;

/** A step of a guide's process. `departmentId` names the acting department; only a co-handling step has none (each assisting department acts). */
export const GuideStepInput = z.object({
  id: keySchema,
  name: text(60).min(1),
  kind: z.enum(stepKinds),
  departmentId: z.string().max(64).nullable(),
  role: z.enum(stepRoles),
  workingDays: days(120),
  staffId: z.string().max(64).nullable().optional(),
  clockStops: z.boolean().optional(),
});
export type GuideStepInput = z.infer<typeof GuideStepInput>;

const Ref = z.object({ id: z.string().max(64) }).passthrough();

export const GuideInput = z.object({
  legalBasis: text(4000),
  conditions: text(4000),
  applicantTypes: z.array(z.enum(applicantTypes)).max(2),
  handlingMode: z.enum(handlingModes),
  statutoryDays: days(365),
  statutoryExtensionDays: days(60),
  promisedDays: days(365),
  yellowDays: days(30).optional(),
  fees: text(500),
  materials: z.array(GuideMaterial).max(60),
  formFields: z.array(GuideFormField).max(60),
  process: z.object({ steps: z.array(GuideStepInput).max(30) }),
  /** Departments that co-handle (联合办理); `assistingDepartments` (as the public guide shows them) is read when this is absent. */
  assistingDepartmentIds: z.array(z.string().max(64)).max(20).optional(),
  assistingDepartments: z.array(Ref).max(20).optional(),
  /** Working days of an assisting department on the co-handle step, where not the step's own. */
  assistingDays: z.record(z.string().max(64), days(120)).optional(),
  /** Assisting departments that issue a result of their own, delivered together by the lead (R31). */
  resultDepartmentIds: z.array(z.string().max(64)).max(20).optional(),
  /** Supervising departments told of each closed case (抄告, R32). */
  ccDepartmentIds: z.array(z.string().max(64)).max(20).optional(),
  result: text(500),
  resultCertificateType: z.string().max(60).nullable().optional(),
  responsibilities: text(4000),
  accountability: text(4000),
  consultationPhone: text(30),
  complaintPhone: text(30),
});
export type GuideInput = z.input<typeof GuideInput>;

/** A guide as stored and returned: every optional part filled in. */
export const Guide = z.object({
  legalBasis: z.string(),
  conditions: z.string(),
  applicantTypes: z.array(z.enum(applicantTypes)),
  handlingMode: z.enum(handlingModes),
  statutoryDays: z.number().int(),
  statutoryExtensionDays: z.number().int(),
  promisedDays: z.number().int(),
  yellowDays: z.number().int(),
  fees: z.string(),
  materials: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      required: z.boolean(),
      description: z.string().nullable(),
      hasForm: z.boolean(),
      blankFormFile: z.string().nullable(),
      sampleFile: z.string().nullable(),
      certificateType: z.string().nullable(),
    }),
  ),
  formFields: z.array(GuideFormField),
  process: z.object({
    steps: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(stepKinds),
        departmentId: z.string().nullable(),
        role: z.enum(stepRoles),
        workingDays: z.number().int(),
        staffId: z.string().nullable(),
        clockStops: z.boolean(),
      }),
    ),
  }),
  assistingDepartmentIds: z.array(z.string()),
  assistingDays: z.record(z.string(), z.number().int()),
  resultDepartmentIds: z.array(z.string()),
  ccDepartmentIds: z.array(z.string()),
  result: z.string(),
  resultCertificateType: z.string().nullable(),
  responsibilities: z.string(),
  accountability: z.string(),
  consultationPhone: z.string(),
  complaintPhone: z.string(),
});
export type Guide = z.infer<typeof Guide>;

/** The guide fields a version's `changes` and diff name, in the order a guide shows them. */
export const guideFields = [
  "legalBasis", "conditions", "applicantTypes", "handlingMode", "statutoryDays", "statutoryExtensionDays", "promisedDays",
  "yellowDays", "fees", "materials", "formFields", "process", "assistingDepartmentIds", "assistingDays", "resultDepartmentIds",
  "ccDepartmentIds", "result", "resultCertificateType", "responsibilities", "accountability", "consultationPhone", "complaintPhone",
] as const satisfies readonly (keyof Guide)[];
export type GuideFieldName = (typeof guideFields)[number];

/** The steps of a process being edited, drawn as the public guide's flowchart (POST /api/admin/flowchart-preview). */
export const FlowchartPreviewRequest = z.object({
  steps: z.array(GuideStepInput).max(30),
  assistingDepartmentIds: z.array(z.string().max(64)).max(20),
});
export type FlowchartPreviewRequest = z.input<typeof FlowchartPreviewRequest>;

export const ItemCreateRequest = z.object({
  code: itemCodeSchema,
  name: text(80).min(2),
  departmentId: z.string().max(64),
  level: z.enum(regionLevels),
  regionCode: regionCodeSchema,
});
export type ItemCreateRequest = z.infer<typeof ItemCreateRequest>;

/** Rename, or cancel (`disabled: true`: out of the public catalog; open cases go on) or restore an item. */
export const ItemUpdateRequest = z
  .object({ name: text(80).min(2).optional(), disabled: z.boolean().optional() })
  .refine((b) => b.name !== undefined || b.disabled !== undefined, { message: "nothing to change" });
export type ItemUpdateRequest = z.infer<typeof ItemUpdateRequest>;

export const AdminItemQuery = z.object({
  departmentId: z.string().max(64).optional(),
  regionCode: regionCodeSchema.optional(),
});

/** `effectiveFrom`: the day the version takes effect once approved; none means on approval. */
export const VersionSaveRequest = z.object({ guide: GuideInput, effectiveFrom: dateSchema.nullable().optional() });
export type VersionSaveRequest = z.input<typeof VersionSaveRequest>;

export const VersionRejectRequest = z.object({ reason: text(1000).min(2) });
export type VersionRejectRequest = z.infer<typeof VersionRejectRequest>;

export const VersionAgreementRequest = z.object({
  departmentId: z.string().max(64),
  decision: z.enum(["agreed", "rejected"]),
  note: text(1000).optional(),
});
export type VersionAgreementRequest = z.infer<typeof VersionAgreementRequest>;

/** What each guide field is called, for diffs and change notices. */
export const guideFieldLabels: Record<GuideFieldName, { zh: string; en: string }> = {
  legalBasis: { zh: "设定依据", en: "Legal basis" },
  conditions: { zh: "申请条件", en: "Conditions" },
  applicantTypes: { zh: "申请对象", en: "Who may apply" },
  handlingMode: { zh: "办理方式", en: "How to apply" },
  statutoryDays: { zh: "法定办结时限", en: "Statutory time limit" },
  statutoryExtensionDays: { zh: "法定可延长时限", en: "Statutory extension" },
  promisedDays: { zh: "承诺办结时限", en: "Promised time limit" },
  yellowDays: { zh: "黄灯预警天数", en: "Yellow warning days" },
  fees: { zh: "收费标准", en: "Fees" },
  materials: { zh: "申请材料", en: "Materials" },
  formFields: { zh: "申请表内容", en: "Application form" },
  process: { zh: "办理流程", en: "Process" },
  assistingDepartmentIds: { zh: "协办部门", en: "Assisting departments" },
  assistingDays: { zh: "协办时限", en: "Assisting time limits" },
  resultDepartmentIds: { zh: "出具结果的协办部门", en: "Assisting departments issuing results" },
  ccDepartmentIds: { zh: "抄告部门", en: "Departments copied" },
  result: { zh: "审批结果", en: "Result" },
  resultCertificateType: { zh: "结果证照类型", en: "Certificate issued" },
  responsibilities: { zh: "审查职责", en: "Responsibilities" },
  accountability: { zh: "责任追究", en: "Accountability" },
  consultationPhone: { zh: "咨询电话", en: "Consultation phone" },
  complaintPhone: { zh: "投诉电话", en: "Complaint phone" },
};
