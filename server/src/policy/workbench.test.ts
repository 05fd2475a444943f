import { describe, expect, it } from "vitest";
import type { Actor } from "../platform/actor.ts";
import { workbenchAbilities } from "./workbench.ts";

const staff = (roles: [string, string | null, string | null][]): Actor => ({
  kind: "staff",
  id: "s1",
  name: "李四",
  departmentId: roles[0]?.[1] ?? null,
  regionCode: null,
  trained: true,
  roles: roles.map(([role, departmentId, regionCode]) => ({ role: role as never, departmentId, regionCode })),
});
const open = (a: Actor) => Object.entries(workbenchAbilities(a).sections).filter(([, v]) => v).map(([k]) => k);

describe("workbench abilities", () => {
  it("an applicant opens nothing of the workbench", () => {
    const a = workbenchAbilities({ kind: "applicant", id: "a1", name: "张三", applicantType: "person" });
    expect(Object.values(a.sections).some(Boolean)).toBe(false);
    expect(a.departments).toEqual({ member: [], hall: [], agree: [], administer: [] });
    expect(a.staff.grantableRoles).toEqual([]);
  });

  it("a window clerk: worklist, hall desk for its department, its own escalations", () => {
    const clerk = staff([["clerk", "d1", null]]);
    expect(open(clerk)).toEqual(["worklist", "hall", "inbox", "calendar", "escalations", "consultations", "certificates"]);
    const a = workbenchAbilities(clerk);
    expect(a.departments.hall).toEqual(["d1"]);
    expect(a.escalations).toEqual({ all: false, own: true });
    expect(a.editCalendar || a.escalate).toBe(false);
  });

  it("the supervising office escalates and sees everything, but has no escalations of its own", () => {
    const supervisor = staff([["supervisor", null, null]]);
    expect(open(supervisor)).toEqual(["worklist", "inbox", "calendar", "supervision", "escalations", "complaints", "consultations", "flags", "audit", "certificates"]);
    const a = workbenchAbilities(supervisor);
    expect(a.escalate).toBe(true);
    expect(a.escalations).toEqual({ all: true, own: false });
  });

  it("a department admin writes its items' versions and agrees, sees its figures' lists but not the dashboard", () => {
    const admin = staff([["department-admin", "d1", null]]);
    const a = workbenchAbilities(admin);
    expect(a.sections).toMatchObject({ catalog: true, approvals: true, staff: true, complaints: true, supervision: false, escalations: true, hall: false });
    expect(a.departments).toMatchObject({ administer: ["d1"], agree: ["d1"], member: ["d1"] });
    expect(a.staff.grantableRoles.map((g) => g.scope)).not.toContain("platform");
    expect(a.staff.approvingRoles).toEqual(["handler", "reviewer", "decider", "department-head"]);
  });

  it("the certificate library: every staff member looks up; deciders and heads revoke and register for their department", () => {
    expect(workbenchAbilities(staff([["clerk", "d1", null]])).certificates).toEqual({ issueFor: [] });
    expect(workbenchAbilities(staff([["decider", "d1", null], ["clerk", "d2", null]])).certificates).toEqual({ issueFor: ["d1"] });
    expect(workbenchAbilities(staff([["department-head", "d2", null]])).certificates).toEqual({ issueFor: ["d2"] });
    expect(workbenchAbilities({ kind: "applicant", id: "a1", name: "张三", applicantType: "person" }).sections.certificates).toBe(false);
  });

  it("a platform admin edits the calendar and may grant platform and region roles", () => {
    const a = workbenchAbilities(staff([["platform-admin", null, null]]));
    expect(a.editCalendar).toBe(true);
    expect(a.sections.supervision).toBe(true);
    expect(a.staff.grantableRoles).toContainEqual({ role: "region-admin", scope: "region" });
    expect(a.staff.grantableRoles).toContainEqual({ role: "platform-admin", scope: "platform" });
  });
});
