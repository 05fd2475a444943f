import { z } from "zod";
import { regionLevels } from "../enums.ts";
import { isoTime, list, Ref } from "./common.ts";

// The organization as its administrators see it (组织机构): regions, departments, service halls,
// each with what the caller may do with it.

export const AdminRegion = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(regionLevels),
  parentCode: z.string().nullable(),
  abilities: z.object({
    /** Create a region of the level below inside this one. */
    createChild: z.boolean(),
    createDepartment: z.boolean(),
    createHall: z.boolean(),
  }),
});
export type AdminRegion = z.infer<typeof AdminRegion>;

/** `createCity`: whether the caller may create a region without a parent (platform admins). */
export const AdminRegionList = list(AdminRegion).extend({ createCity: z.boolean() });
export type AdminRegionList = z.infer<typeof AdminRegionList>;

export const AdminDepartment = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  regionCode: z.string(),
  phone: z.string(),
  address: z.string(),
  counterpart: Ref.nullable(),
  disabled: z.boolean(),
  disabledAt: isoTime.nullable(),
  abilities: z.object({
    /** Change the short name, phone and address. */
    editContact: z.boolean(),
    /** Rename, set the counterpart, disable or re-enable. */
    manage: z.boolean(),
  }),
});
export type AdminDepartment = z.infer<typeof AdminDepartment>;
export const AdminDepartmentList = list(AdminDepartment);
export type AdminDepartmentList = z.infer<typeof AdminDepartmentList>;

export const AdminHall = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  address: z.string(),
  phone: z.string(),
  openingHours: z.string(),
  disabled: z.boolean(),
  disabledAt: isoTime.nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type AdminHall = z.infer<typeof AdminHall>;
export const AdminHallList = list(AdminHall);
export type AdminHallList = z.infer<typeof AdminHallList>;
