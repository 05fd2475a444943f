import { z } from "zod";
import { regionLevels } from "./enums.ts";

// Requests of the organization's administration (R14): regions, departments, service halls.

/** GB/T 2260: 6 digits for the city and its districts and counties, 9 for a township or street (乡镇/街道). */
export const regionCodeSchema = z.string().regex(/^\d{6}(\d{3})?$/).describe("Administrative division code (GB/T 2260), 6 or 9 digits");

export const RegionCreateRequest = z
  .object({
    code: regionCodeSchema,
    name: z.string().trim().min(2).max(40),
    level: z.enum(regionLevels),
    parentCode: regionCodeSchema.optional(),
  })
  .refine((r) => r.code.length === (r.level === "township" ? 9 : 6), { path: ["code"], message: "6 digits for a city or district, 9 for a township" });
export type RegionCreateRequest = z.infer<typeof RegionCreateRequest>;

const contact = {
  shortName: z.string().trim().min(1).max(20),
  /** A landline or mobile number as printed for the public. */
  phone: z.string().trim().max(30),
  address: z.string().trim().max(120),
};

export const DepartmentListQuery = z.object({ regionCode: regionCodeSchema.optional() });

export const DepartmentCreateRequest = z.object({
  name: z.string().trim().min(2).max(60),
  regionCode: regionCodeSchema,
  shortName: contact.shortName.optional(),
  phone: contact.phone.optional(),
  address: contact.address.optional(),
});
export type DepartmentCreateRequest = z.infer<typeof DepartmentCreateRequest>;

/** Only the fields sent change; `counterpartId: null` removes the counterpart; `disabled` disables or re-enables. */
export const DepartmentUpdateRequest = z
  .object({
    name: z.string().trim().min(2).max(60).optional(),
    shortName: contact.shortName.optional(),
    phone: contact.phone.optional(),
    address: contact.address.optional(),
    counterpartId: z.string().max(64).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "nothing to change" });
export type DepartmentUpdateRequest = z.infer<typeof DepartmentUpdateRequest>;

export const HallListQuery = z.object({ regionCode: regionCodeSchema.optional() });

export const HallCreateRequest = z.object({
  name: z.string().trim().min(2).max(60),
  regionCode: regionCodeSchema,
  address: z.string().trim().min(2).max(120),
  phone: contact.phone.optional(),
  openingHours: z.string().trim().max(120).optional(),
});
export type HallCreateRequest = z.infer<typeof HallCreateRequest>;

export const HallUpdateRequest = z
  .object({
    name: z.string().trim().min(2).max(60).optional(),
    address: z.string().trim().min(2).max(120).optional(),
    phone: contact.phone.optional(),
    openingHours: z.string().trim().max(120).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "nothing to change" });
export type HallUpdateRequest = z.infer<typeof HallUpdateRequest>;
