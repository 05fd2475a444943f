import { z } from "zod";
import { applicantTypes, formFieldTypes, handlingModes, regionLevels, roles, stepKinds } from "../enums.ts";
import { isoTime, list, page, Ref } from "./common.ts";

export const Region = z.object({ code: z.string(), name: z.string(), level: z.enum(regionLevels), parentCode: z.string().nullable() });
export type Region = z.infer<typeof Region>;
export const RegionList = list(Region);

export const Department = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  phone: z.string(),
  address: z.string(),
  itemCount: z.number().int(),
});
export type Department = z.infer<typeof Department>;
export const DepartmentList = list(Department);

/** A department's public page (部门与区县): its items and a year's service figures. */
export const PublicDepartment = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  regionCode: z.string(),
  phone: z.string(),
  address: z.string(),
  items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), promisedDays: z.number(), statutoryDays: z.number() })),
  figures: z.object({
    period: z.literal("last-365-days"),
    closed: z.number(),
    onTimeRate: z.number().nullable(),
    averageWorkingDays: z.number().nullable(),
    open: z.number(),
    satisfaction: z.number().nullable(),
    evaluations: z.number(),
    monthly: z.array(z.object({ month: z.string(), closed: z.number(), onTime: z.number() })),
  }),
});
export type PublicDepartment = z.infer<typeof PublicDepartment>;

export const ItemSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  department: Ref,
  level: z.enum(regionLevels),
  regionCode: z.string(),
  regionName: z.string(),
  statutoryDays: z.number(),
  promisedDays: z.number(),
  multiDepartment: z.boolean(),
  applicantTypes: z.array(z.enum(applicantTypes)),
  offlineOnly: z.boolean(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;
export const ItemPage = page(ItemSummary);
export type ItemPage = z.infer<typeof ItemPage>;

export const Material = z.object({
  id: z.string(),
  name: z.string(),
  required: z.boolean(),
  description: z.string().optional(),
  formUrl: z.string().optional(),
  sampleUrl: z.string().optional(),
  certificateType: z.string().optional(),
  certificateTypeName: z.string().optional(),
});
export type Material = z.infer<typeof Material>;

export const FormField = z.object({ key: z.string(), label: z.string(), type: z.enum(formFieldTypes), required: z.boolean() });
export type FormField = z.infer<typeof FormField>;

/** A step of the guide's process, with its department named. */
export const GuideStep = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(stepKinds),
  /** Null for a co-handling step: each assisting department acts. */
  department: Ref.nullable(),
  assistingDepartments: z.array(Ref).optional(),
  role: z.enum(roles),
  workingDays: z.number(),
});
export type GuideStep = z.infer<typeof GuideStep>;

/** The guide (办事指南) of an item's current version. */
export const ItemGuide = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  version: z.number().int(),
  department: Ref.nullable(),
  leadDepartment: Ref.nullable(),
  assistingDepartments: z.array(Ref),
  level: z.enum(regionLevels),
  regionCode: z.string(),
  regionName: z.string(),
  legalBasis: z.string(),
  conditions: z.string(),
  handlingMode: z.enum(handlingModes),
  statutoryDays: z.number(),
  statutoryExtensionDays: z.number(),
  promisedDays: z.number(),
  fees: z.string(),
  materials: z.array(Material),
  formFields: z.array(FormField),
  process: z.object({ steps: z.array(GuideStep) }),
  yellowDays: z.number(),
  result: z.string(),
  resultCertificateType: z.string().nullable(),
  resultCertificateTypeName: z.string().optional(),
  responsibilities: z.string(),
  accountability: z.string(),
  consultationPhone: z.string(),
  complaintPhone: z.string(),
  applicantTypes: z.array(z.enum(applicantTypes)),
  offlineOnly: z.boolean(),
  updatedAt: isoTime,
});
export type ItemGuide = z.infer<typeof ItemGuide>;

// The process editor (configuration).

/** A step as stored in a version or a draft: `departmentId` null means the lead department. */
export const ProcessStep = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(stepKinds),
  departmentId: z.string().nullable(),
  role: z.enum(roles),
  workingDays: z.number(),
  staffId: z.string().nullable().optional(),
  clockStops: z.boolean().optional(),
});
export type ProcessStep = z.infer<typeof ProcessStep>;

/** A service hall (政务服务大厅) where items are handled in person: where to go for a hall-only item (R2). */
export const PublicHall = z.object({ id: z.string(), name: z.string(), regionCode: z.string(), address: z.string(), phone: z.string(), openingHours: z.string() });
export type PublicHall = z.infer<typeof PublicHall>;
export const PublicHallList = list(PublicHall);
export type PublicHallList = z.infer<typeof PublicHallList>;
