import { describe, expect, it } from "vitest";
import type { Actor } from "../platform/actor.ts";
import { allowAgreeForDepartment, allowApproveVersion, allowManageItem, allowReadItemAdmin, catalogScope, mayOpenCatalogAdmin } from "./item.ts";

const staff = (roles: [string, string | null, string | null][]): Actor => ({
  kind: "staff", id: "s", name: "李四", departmentId: roles[0]?.[1] ?? null, regionCode: null, trained: true,
  roles: roles.map(([role, departmentId, regionCode]) => ({ role: role as never, departmentId, regionCode })),
});

const ybScjg = { id: "d-yb", regionPath: ["500112", "500000"] };
const yzWsjk = { id: "d-yz", regionPath: ["500103", "500000"] };
const streetOffice = { id: "d-street", regionPath: ["500112001", "500112", "500000"] };

describe("catalog policy (R8–R10)", () => {
  const platform = staff([["platform-admin", null, null]]);
  const yb = staff([["region-admin", null, "500112"]]);
  const admin = staff([["department-admin", "d-yb", null]]);
  const head = staff([["department-head", "d-yb", null]]);
  const clerk = staff([["clerk", "d-yb", null]]);
  const applicant: Actor = { kind: "applicant", id: "a", name: "张三", applicantType: "person" };

  it("a department admin manages its own department's items and approves none", () => {
    expect(allowManageItem(admin, ybScjg)).toBe(true);
    expect(allowManageItem(admin, yzWsjk)).toBe(false);
    expect(allowApproveVersion(admin, ybScjg)).toBe(false);
    expect(allowAgreeForDepartment(admin, "d-yb")).toBe(true);
  });

  it("the department's head approves but does not write", () => {
    expect(allowApproveVersion(head, ybScjg)).toBe(true);
    expect(allowManageItem(head, ybScjg)).toBe(false);
    expect(allowReadItemAdmin(head, ybScjg)).toBe(true);
    expect(allowApproveVersion(head, yzWsjk)).toBe(false);
  });

  it("a region admin does both in its region and below, a platform admin everywhere", () => {
    for (const place of [ybScjg, streetOffice]) {
      expect(allowManageItem(yb, place)).toBe(true);
      expect(allowApproveVersion(yb, place)).toBe(true);
    }
    expect(allowManageItem(yb, yzWsjk)).toBe(false);
    expect(allowApproveVersion(platform, yzWsjk)).toBe(true);
    expect(catalogScope(platform)).toEqual({ all: true });
    expect(catalogScope(yb)).toEqual({ all: false, regionRoots: ["500112"], departmentIds: [] });
    expect(catalogScope(head)).toEqual({ all: false, regionRoots: [], departmentIds: ["d-yb"] });
  });

  it("nobody else opens the catalog's administration", () => {
    for (const a of [clerk, applicant]) {
      expect(mayOpenCatalogAdmin(a)).toBe(false);
      expect(allowReadItemAdmin(a, ybScjg)).toBe(false);
    }
    expect(allowAgreeForDepartment(clerk, "d-yb")).toBe(false);
  });
});
