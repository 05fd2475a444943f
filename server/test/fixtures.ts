import { demoData } from "../src/seed/demo-data.ts";
import type { Role } from "../src/seed/types.ts";

/** A demo staff member with the role (in the department, if given). */
export function staffWith(role: Role, departmentCode?: string) {
  const s = demoData.staff.find((x) => x.roles.includes(role) && (!departmentCode || x.departmentCode === departmentCode) && x.trained);
  if (!s) throw new Error(`no demo staff with ${role} in ${departmentCode ?? "any department"}`);
  return s;
}

export function seedItem(predicate: (i: (typeof demoData.items)[number]) => boolean) {
  const item = demoData.items.find(predicate);
  if (!item) throw new Error("no such demo item");
  return item;
}

/** A single-department item for organizations with at least one required material. */
export const simpleItem = () =>
  seedItem((i) => !i.guide.assistingDepartmentCodes?.length && i.guide.applicantTypes.includes("person") && i.guide.materials.some((m) => m.required) && i.guide.handlingMode !== "hall-only");

export const departmentOf = (code: string) => demoData.departments.find((d) => d.code === code)!;

export { demoData };
