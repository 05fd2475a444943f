import { describe, expect, it } from "vitest";
import { isValidCreditCode, isValidIdNumber } from "../identity/checkCharacters.ts";
import { DEMO_PASSWORD, demoData } from "./demo-data.ts";
import type { DemoItem, Role } from "./types.ts";

const { regions, departments, halls, staff, applicants, items } = demoData;
const TODAY = "2026-01-01";

const ALL_ROLES: Role[] = [
  "platform-admin",
  "region-admin",
  "department-admin",
  "department-head",
  "clerk",
  "handler",
  "reviewer",
  "decider",
  "supervisor",
];
const APPROVING_ROLES: Role[] = ["handler", "reviewer", "decider", "department-head"];
const DEPARTMENT_ROLES: Role[] = ["department-admin", "department-head", "clerk", "handler", "reviewer", "decider"];

const regionCodes = new Set(regions.map((r) => r.code));
const departmentByCode = new Map(departments.map((d) => [d.code, d]));

function duplicates<T>(values: T[]): T[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

/** Departments that act on some step of some item: the lead, assisting and pushed-to departments. */
function actingDepartments(item: DemoItem): string[] {
  const codes = new Set([item.departmentCode, ...(item.guide.assistingDepartmentCodes ?? [])]);
  for (const step of item.guide.process.steps) if (step.departmentCode !== null) codes.add(step.departmentCode);
  return [...codes];
}

describe("regions", () => {
  it("have 6-digit codes, unique, and districts point at an existing city", () => {
    expect(duplicates(regions.map((r) => r.code))).toEqual([]);
    for (const r of regions) {
      expect(r.code).toMatch(/^\d{6}$/);
      if (r.level === "district") expect(regionCodes.has(r.parentCode ?? ""), r.code).toBe(true);
      else expect(r.parentCode).toBeUndefined();
    }
    expect(regions.filter((r) => r.level === "city").map((r) => r.code)).toEqual(["500000"]);
  });
});

describe("departments", () => {
  it("have unique codes and names, existing regions and Chongqing phone numbers", () => {
    expect(duplicates(departments.map((d) => d.code))).toEqual([]);
    expect(duplicates(departments.map((d) => d.name))).toEqual([]);
    for (const d of departments) {
      expect(regionCodes.has(d.regionCode), d.code).toBe(true);
      expect(d.phone, d.code).toMatch(/^023-\d{8}$/);
      expect(d.address, d.code).toMatch(/^重庆市/);
    }
  });

  it("have counterparts at the other level doing the same work", () => {
    const withCounterpart = departments.filter((d) => d.counterpartCode !== undefined);
    expect(withCounterpart.length).toBeGreaterThan(0);
    for (const d of withCounterpart) {
      const counterpart = departmentByCode.get(d.counterpartCode!);
      expect(counterpart, d.code).toBeDefined();
      const level = (code: string) => regions.find((r) => r.code === code)!.level;
      expect(level(counterpart!.regionCode), d.code).not.toBe(level(d.regionCode));
    }
  });

  it("give every district department a city counterpart", () => {
    for (const d of departments.filter((d) => d.regionCode !== "500000")) {
      expect(d.counterpartCode, d.code).toBeDefined();
    }
  });
});

describe("service halls", () => {
  it("exist for the city and each district", () => {
    expect(duplicates(halls.map((h) => h.code))).toEqual([]);
    expect(new Set(halls.map((h) => h.regionCode))).toEqual(regionCodes);
    for (const h of halls) {
      expect(h.phone).toMatch(/^023-\d{8}$/);
      expect(h.openingHours.length).toBeGreaterThan(0);
    }
  });
});

describe("staff", () => {
  it("have unique usernames, phones and ID numbers", () => {
    expect(duplicates(staff.map((s) => s.username))).toEqual([]);
    expect(duplicates(staff.map((s) => s.phone))).toEqual([]);
    expect(duplicates(staff.map((s) => s.idNumber))).toEqual([]);
  });

  it("have ascii usernames, mobile phones, valid ID numbers and the demo password", () => {
    for (const s of staff) {
      expect(s.username, s.username).toMatch(/^[a-z][a-z0-9.]*$/);
      expect(s.phone, s.username).toMatch(/^1[3-9]\d{9}$/);
      expect(isValidIdNumber(s.idNumber, TODAY), s.username).toBe(true);
      expect(s.name, s.username).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      expect(s.password).toBe(DEMO_PASSWORD);
      expect(s.roles.length, s.username).toBeGreaterThan(0);
    }
  });

  it("belong to existing departments and regions", () => {
    for (const s of staff) {
      if (s.departmentCode !== undefined) expect(departmentByCode.has(s.departmentCode), s.username).toBe(true);
      if (s.regionCode !== undefined) expect(regionCodes.has(s.regionCode), s.username).toBe(true);
    }
  });

  it("include every role", () => {
    const held = new Set(staff.flatMap((s) => s.roles));
    for (const role of ALL_ROLES) expect(held.has(role), role).toBe(true);
    expect(staff.find((s) => s.username === "admin")?.roles).toContain("platform-admin");
    expect(staff.find((s) => s.username === "supervisor")?.roles).toContain("supervisor");
  });

  it("are trained whenever they hold an approving role (R17)", () => {
    for (const s of staff) {
      if (s.roles.some((r) => APPROVING_ROLES.includes(r))) expect(s.trained, s.username).toBe(true);
    }
  });

  it("include exactly one untrained member, a clerk only", () => {
    const untrained = staff.filter((s) => !s.trained);
    expect(untrained).toHaveLength(1);
    expect(untrained[0]!.roles).toEqual(["clerk"]);
  });

  it("give each district a region admin", () => {
    for (const r of regions.filter((r) => r.level === "district")) {
      expect(staff.some((s) => s.roles.includes("region-admin") && s.regionCode === r.code), r.code).toBe(true);
    }
    for (const s of staff.filter((s) => s.roles.includes("region-admin"))) expect(s.regionCode).toBeDefined();
  });

  it("cover all six department roles in every department that handles items", () => {
    const handling = new Set(items.flatMap(actingDepartments));
    for (const code of handling) {
      for (const role of DEPARTMENT_ROLES) {
        expect(
          staff.some((s) => s.departmentCode === code && s.roles.includes(role)),
          `${code} ${role}`,
        ).toBe(true);
      }
    }
  });
});

describe("applicants", () => {
  it("are three persons and two organizations with valid Chongqing identifiers", () => {
    expect(applicants.filter((a) => a.type === "person")).toHaveLength(3);
    expect(applicants.filter((a) => a.type === "organization")).toHaveLength(2);
    for (const a of applicants) {
      expect(a.password).toBe(DEMO_PASSWORD);
      expect(a.phone, a.name).toMatch(/^1[3-9]\d{9}$/);
      if (a.type === "person") {
        expect(isValidIdNumber(a.idNumber ?? "", TODAY), a.name).toBe(true);
        expect(a.idNumber!.slice(0, 4), a.name).toBe("5001");
        expect(a.creditCode).toBeUndefined();
      } else {
        expect(isValidCreditCode(a.creditCode ?? ""), a.name).toBe(true);
        expect(a.creditCode!.slice(2, 6), a.name).toBe("5001");
        expect(isValidIdNumber(a.legalRepresentative?.idNumber ?? "", TODAY), a.name).toBe(true);
      }
    }
  });

  it("do not share phones or identifiers with each other or with staff", () => {
    const phones = [...staff.map((s) => s.phone), ...applicants.map((a) => a.phone)];
    expect(duplicates(phones)).toEqual([]);
    const ids = [
      ...staff.map((s) => s.idNumber),
      ...applicants.flatMap((a) => [a.idNumber, a.legalRepresentative?.idNumber]).filter((x) => x !== undefined),
    ];
    expect(duplicates(ids)).toEqual([]);
  });
});

describe("items", () => {
  it("are at least 12, with unique codes and names", () => {
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(duplicates(items.map((i) => i.code))).toEqual([]);
    expect(duplicates(items.map((i) => i.name))).toEqual([]);
  });

  it.each(items.map((i) => [i.name, i] as const))("%s is consistent", (_name, item) => {
    const g = item.guide;
    const lead = departmentByCode.get(item.departmentCode);
    expect(lead).toBeDefined();
    expect(item.regionCode).toBe(lead!.regionCode);
    expect(regions.find((r) => r.code === item.regionCode)?.level).toBe(item.level);

    // Limits (R11, 行政许可法 Art. 42)
    expect(g.promisedDays).toBeGreaterThan(0);
    expect(g.promisedDays).toBeLessThanOrEqual(g.statutoryDays);
    expect(g.statutoryExtensionDays).toBe(g.statutoryDays === 45 ? 15 : 10);
    expect(g.process.steps.reduce((sum, s) => sum + s.workingDays, 0)).toBeLessThanOrEqual(g.promisedDays);

    for (const text of [g.legalBasis, g.conditions, g.fees, g.result]) {
      expect(text.length).toBeGreaterThan(0);
    }
    expect(g.legalBasis).toMatch(/第.+条/);
    expect(g.responsibilities.length).toBeGreaterThan(0);
    expect(g.accountability.length).toBeGreaterThan(0);
    expect(g.consultationPhone).toMatch(/^023-\d{8}$/);
    expect(g.complaintPhone).toBe("12345");
    expect(g.resultCertificateType).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(g.applicantTypes.length).toBeGreaterThan(0);
    expect(g.handlingMode).toBe("online-and-hall");

    // Departments
    for (const code of [...(g.assistingDepartmentCodes ?? []), ...(g.ccDepartmentCodes ?? [])]) {
      expect(departmentByCode.has(code), code).toBe(true);
      expect(code).not.toBe(item.departmentCode);
    }

    // Form fields and materials
    expect(g.formFields.length).toBeGreaterThanOrEqual(3);
    expect(g.formFields.length).toBeLessThanOrEqual(6);
    expect(duplicates(g.formFields.map((f) => f.key))).toEqual([]);
    for (const f of g.formFields) expect(f.key).toMatch(/^[a-z][a-zA-Z]*$/);
    expect(g.materials.some((m) => m.required)).toBe(true);
    expect(duplicates(g.materials.map((m) => m.key))).toEqual([]);
    for (const m of g.materials) expect(m.key).toMatch(/^[a-z]+(-[a-z]+)*$/);

    // Process
    const steps = g.process.steps;
    expect(duplicates(steps.map((s) => s.id))).toEqual([]);
    expect(steps[0]).toMatchObject({ kind: "accept", role: "clerk", workingDays: 1, departmentCode: item.departmentCode });
    expect(steps.at(-1)).toMatchObject({ kind: "deliver", role: "clerk", departmentCode: item.departmentCode });
    expect(steps.filter((s) => s.kind === "decide")).toHaveLength(1);
    expect(steps.find((s) => s.kind === "decide")?.role).toBe("decider");
    expect(steps.findIndex((s) => s.kind === "review")).toBe(1);
    for (const s of steps) {
      expect(s.workingDays, s.id).toBeGreaterThan(0);
      if (s.departmentCode !== null) expect(departmentByCode.has(s.departmentCode), s.id).toBe(true);
    }
    const hasAssisting = (g.assistingDepartmentCodes ?? []).length > 0;
    expect(steps.some((s) => s.kind === "co-handle")).toBe(hasAssisting);
    if (hasAssisting) {
      // Joint items come before the decision so that the lead decides on everyone's opinion.
      expect(steps.findIndex((s) => s.kind === "co-handle")).toBeLessThan(steps.findIndex((s) => s.kind === "decide"));
    }
    for (const push of steps.filter((s) => s.kind === "push")) {
      expect(push.departmentCode).toBe(lead!.counterpartCode ?? departments.find((d) => d.counterpartCode === lead!.code)?.code);
    }
  });

  it("cover the required variety", () => {
    const multiDepartment = items.filter((i) => (i.guide.assistingDepartmentCodes ?? []).length > 0);
    expect(multiDepartment.length).toBeGreaterThanOrEqual(3);
    expect(items.filter((i) => i.level === "district").length).toBeGreaterThanOrEqual(2);
    const kinds = new Set(items.flatMap((i) => i.guide.process.steps.map((s) => s.kind)));
    for (const kind of ["push", "offline", "third-party", "co-handle"] as const) expect(kinds.has(kind), kind).toBe(true);
    expect(items.some((i) => i.guide.process.steps.some((s) => s.clockStops))).toBe(true);
  });

  it("ask for certificates that another item of the platform issues (R27)", () => {
    const issued = new Set(items.map((i) => i.guide.resultCertificateType));
    const reused = items.flatMap((i) =>
      i.guide.materials.filter((m) => m.certificateType !== undefined && issued.has(m.certificateType)).map((m) => [i.code, m.certificateType]),
    );
    expect(reused.length).toBeGreaterThan(0);
    // 建筑工程施工许可证核发 asks for the 建设工程规划许可证 issued by 建设工程规划许可证核发.
    const construction = items.find((i) => i.name === "建筑工程施工许可证核发")!;
    const planning = items.find((i) => i.name === "建设工程规划许可证核发")!;
    expect(construction.guide.materials.map((m) => m.certificateType)).toContain(planning.guide.resultCertificateType);
  });

  it("are implemented by departments of the right level", () => {
    for (const item of items) {
      const lead = departmentByCode.get(item.departmentCode)!;
      expect(lead.regionCode === "500000", item.code).toBe(item.level === "city");
    }
  });
});
