import { describe, expect, it } from "vitest";
import type { Actor } from "../platform/actor.ts";
import {
  allowCreateCity, allowCreateDepartment, allowCreateRegionUnder, allowEditDepartmentContact, allowEditHall, allowManageDepartment,
  mayOpenOrganization, organizationScope,
} from "./organization.ts";

const staff = (roles: [string, string | null, string | null][]): Actor => ({
  kind: "staff", id: "s", name: "李四", departmentId: roles[0]?.[1] ?? null, regionCode: null, trained: true,
  roles: roles.map(([role, departmentId, regionCode]) => ({ role: role as never, departmentId, regionCode })),
});

const street = ["500112001", "500112", "500000"];
const yubei = ["500112", "500000"];
const yuzhong = ["500103", "500000"];
const city = ["500000"];

describe("organization policy (R14)", () => {
  const platform = staff([["platform-admin", null, null]]);
  const yb = staff([["region-admin", null, "500112"]]);
  const deptAdmin = staff([["department-admin", "d-yb", null]]);
  const clerk = staff([["clerk", "d-yb", null]]);
  const applicant: Actor = { kind: "applicant", id: "a", name: "张三", applicantType: "person" };

  it("lets a platform admin act everywhere", () => {
    expect(allowCreateCity(platform)).toBe(true);
    expect(allowCreateRegionUnder(platform, city)).toBe(true);
    expect(allowManageDepartment(platform, { id: "x", regionPath: yuzhong })).toBe(true);
    expect(organizationScope(platform)).toEqual({ all: true });
  });

  it("lets a region admin act in its region and below, nowhere else", () => {
    expect(allowCreateCity(yb)).toBe(false);
    expect(allowCreateRegionUnder(yb, yubei)).toBe(true);
    expect(allowCreateRegionUnder(yb, city)).toBe(false);
    expect(allowCreateDepartment(yb, street)).toBe(true);
    expect(allowCreateDepartment(yb, yuzhong)).toBe(false);
    expect(allowEditHall(yb, street)).toBe(true);
    expect(allowManageDepartment(yb, { id: "x", regionPath: yuzhong })).toBe(false);
    expect(organizationScope(yb)).toEqual({ all: false, regionRoots: ["500112"], departmentIds: [] });
  });

  it("lets a department admin keep its own department's contact details only", () => {
    expect(allowEditDepartmentContact(deptAdmin, { id: "d-yb", regionPath: yubei })).toBe(true);
    expect(allowManageDepartment(deptAdmin, { id: "d-yb", regionPath: yubei })).toBe(false);
    expect(allowEditDepartmentContact(deptAdmin, { id: "d-other", regionPath: yubei })).toBe(false);
    expect(allowCreateDepartment(deptAdmin, yubei)).toBe(false);
    expect(allowEditHall(deptAdmin, yubei)).toBe(false);
  });

  it("denies everyone else", () => {
    for (const a of [clerk, applicant, { kind: "anonymous" } as Actor]) {
      expect(mayOpenOrganization(a)).toBe(false);
      expect(allowCreateDepartment(a, yubei)).toBe(false);
      expect(allowEditDepartmentContact(a, { id: "d-yb", regionPath: yubei })).toBe(false);
    }
  });
});
