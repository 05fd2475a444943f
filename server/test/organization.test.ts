import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { applicantOf } from "./workflowDriver.ts";

let t: TestPlatform;
let platform: Session, yb: Session, yz: Session, ybDept: Session, cityDept: Session, clerk: Session, applicant: Session;
beforeAll(async () => {
  t = await startPlatform();
  [platform, yb, yz, ybDept, cityDept, clerk, applicant] = await Promise.all([
    t.login("admin"), t.login("yb.admin"), t.login("yz.admin"), t.login("yb.scjg.admin"), t.login("cq.scjg.admin"), t.login("cq.scjg.clerk"),
    t.login(applicantOf("person", 0).phone),
  ]);
});
afterAll(async () => t.close());

const get = (s: Session, url: string) => s.inject({ method: "GET", url });
const post = (s: Session, url: string, payload: unknown) => s.inject({ method: "POST", url, payload });
const patch = (s: Session, url: string, payload: unknown) => s.inject({ method: "PATCH", url, payload });
const anonymous = (method: string, url: string, payload?: unknown) => t.request({ method, url, payload });

async function departmentId(s: Session, regionCode: string, name: string): Promise<string> {
  const items = (await get(s, `/api/admin/departments?regionCode=${regionCode}`)).json().items as { id: string; name: string }[];
  const d = items.find((x) => x.name === name);
  if (!d) throw new Error(`${name} not listed in ${regionCode}`);
  return d.id;
}

async function auditOf(objectId: string) {
  const items = (await get(await t.login("supervisor"), "/api/audit?limit=500")).json().items as { action: string; objectId: string; oldValues: unknown; newValues: unknown }[];
  return items.filter((e) => e.objectId === objectId);
}

describe("organization administration: regions (R14)", () => {
  it("lists regions by scope: the platform everything, a region admin its region and below, a department admin its department's region", async () => {
    const all = (await get(platform, "/api/admin/regions")).json();
    expect(all.createCity).toBe(true);
    expect(all.items.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(["500000", "500103", "500112"]));
    const ybList = (await get(yb, "/api/admin/regions")).json();
    expect(ybList.createCity).toBe(false);
    expect(ybList.items.map((r: { code: string }) => r.code)).toEqual(["500112"]);
    expect(ybList.items[0].abilities).toEqual({ createChild: true, createDepartment: true, createHall: true });
    const dept = (await get(ybDept, "/api/admin/regions")).json();
    expect(dept.items.map((r: { code: string }) => r.code)).toEqual(["500112"]);
    expect(dept.items[0].abilities).toEqual({ createChild: false, createDepartment: false, createHall: false });
    expect((await get(clerk, "/api/admin/regions")).statusCode).toBe(403);
    expect((await get(applicant, "/api/admin/regions")).statusCode).toBe(403);
    expect((await anonymous("GET", "/api/admin/regions")).statusCode).toBe(401);
  });

  it("creates a township under a district, within the creator's scope, once", async () => {
    const street = { code: "500112001", name: "双凤桥街道", level: "township", parentCode: "500112" };
    expect((await post(yz, "/api/admin/regions", street)).statusCode).toBe(403);
    expect((await post(ybDept, "/api/admin/regions", street)).statusCode).toBe(403);
    expect((await post(applicant, "/api/admin/regions", street)).statusCode).toBe(403);
    expect((await anonymous("POST", "/api/admin/regions", street)).statusCode).toBe(401);
    const created = await post(yb, "/api/admin/regions", street);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: "500112001", level: "township", parentCode: "500112", abilities: { createChild: false } });
    const again = await post(platform, "/api/admin/regions", street);
    expect(again.statusCode).toBe(409);
    // The public catalog is filtered by city and districts, where items are held.
    const publicRegions = (await anonymous("GET", "/api/catalog/regions")).json().items as { code: string }[];
    expect(publicRegions.map((r) => r.code)).not.toContain("500112001");
    expect(again.json().error.code).toBe("REGION_EXISTS");
    expect((await get(yb, "/api/admin/regions")).json().items.map((r: { code: string }) => r.code)).toEqual(["500112", "500112001"]);
    expect((await get(yz, "/api/admin/regions")).json().items.map((r: { code: string }) => r.code)).not.toContain("500112001");
    const [entry] = await auditOf("500112001");
    expect(entry).toMatchObject({ action: "organization.region.create", oldValues: null, newValues: { code: "500112001", level: "township", parent_code: "500112" } });
  });

  it("refuses wrong levels, absent parents and malformed codes", async () => {
    const bad = async (body: unknown, status: number, code: string) => {
      const res = await post(platform, "/api/admin/regions", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.code).toBe(code);
    };
    await bad({ code: "500112002", name: "龙溪街道", level: "township", parentCode: "500000" }, 422, "REGION_PARENT_INVALID");
    await bad({ code: "500112002", name: "龙溪街道", level: "township", parentCode: "500199" }, 422, "REGION_PARENT_INVALID");
    await bad({ code: "500112002", name: "龙溪街道", level: "township" }, 422, "REGION_PARENT_INVALID");
    await bad({ code: "500113", name: "巴南区", level: "district", parentCode: "500112" }, 422, "REGION_PARENT_INVALID");
    await bad({ code: "510000", name: "四川省", level: "city", parentCode: "500000" }, 422, "REGION_PARENT_INVALID");
    await bad({ code: "5001120", name: "龙溪街道", level: "township", parentCode: "500112" }, 400, "VALIDATION_FAILED");
    await bad({ code: "500112002", name: "龙溪街道", level: "district", parentCode: "500000" }, 400, "VALIDATION_FAILED");
    // Creating a district or a city is beyond a region admin.
    expect((await post(yb, "/api/admin/regions", { code: "500113", name: "巴南区", level: "district", parentCode: "500000" })).statusCode).toBe(403);
    expect((await post(yb, "/api/admin/regions", { code: "510000", name: "四川省", level: "city" })).statusCode).toBe(403);
    const district = await post(platform, "/api/admin/regions", { code: "500113", name: "巴南区", level: "district", parentCode: "500000" });
    expect(district.statusCode, district.body).toBe(201);
  });
});

describe("organization administration: departments (R14)", () => {
  it("filters lists by scope, 404 for a region outside it", async () => {
    const ybItems = (await get(yb, "/api/admin/departments")).json().items as { regionCode: string }[];
    expect(ybItems.length).toBeGreaterThan(0);
    expect(ybItems.every((d) => d.regionCode.startsWith("500112"))).toBe(true);
    const own = (await get(ybDept, "/api/admin/departments")).json().items as { name: string; abilities: unknown }[];
    expect(own).toHaveLength(1);
    expect(own[0]!.abilities).toEqual({ editContact: true, manage: false });
    const outside = await get(yb, "/api/admin/departments?regionCode=500103");
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe("REGION_NOT_FOUND");
    expect((await get(ybDept, "/api/admin/departments?regionCode=500103")).statusCode).toBe(404);
    expect((await get(platform, "/api/admin/departments?regionCode=500103")).json().items.length).toBeGreaterThan(0);
    expect((await get(applicant, "/api/admin/departments")).statusCode).toBe(403);
    expect((await anonymous("GET", "/api/admin/departments")).statusCode).toBe(401);
  });

  it("creates a department in scope, once per name and region; refuses absent regions", async () => {
    const body = { name: "渝北区双凤桥街道便民服务中心", regionCode: "500112001", shortName: "双凤桥便民中心", phone: "023-67811234" };
    expect((await post(yz, "/api/admin/departments", body)).statusCode).toBe(403);
    expect((await post(ybDept, "/api/admin/departments", body)).statusCode).toBe(403);
    expect((await post(cityDept, "/api/admin/departments", body)).statusCode).toBe(403);
    expect((await post(applicant, "/api/admin/departments", body)).statusCode).toBe(403);
    expect((await anonymous("POST", "/api/admin/departments", body)).statusCode).toBe(401);
    const created = await post(yb, "/api/admin/departments", body);
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const dup = await post(platform, "/api/admin/departments", body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("DEPARTMENT_EXISTS");
    const absent = await post(platform, "/api/admin/departments", { ...body, regionCode: "500199" });
    expect(absent.statusCode).toBe(422);
    expect(absent.json().error.code).toBe("REGION_UNKNOWN");
    const listed = (await get(yb, "/api/admin/departments?regionCode=500112001")).json().items;
    expect(listed).toEqual([expect.objectContaining({ id, name: body.name, shortName: "双凤桥便民中心", address: "", disabled: false, counterpart: null })]);
    expect((await auditOf(id))[0]).toMatchObject({ action: "organization.department.create", oldValues: null, newValues: { name: body.name, regionCode: "500112001" } });
  });

  it("lets a department admin keep its own department's contact details, nothing more", async () => {
    const own = await departmentId(yb, "500112", "重庆市渝北区市场监督管理局");
    const res = await patch(ybDept, `/api/admin/departments/${own}`, { phone: "023-67820001", address: "渝北区龙溪街道新溉大道" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phone: "023-67820001", address: "渝北区龙溪街道新溉大道" });
    expect((await patch(ybDept, `/api/admin/departments/${own}`, { name: "渝北区市场监管局" })).statusCode).toBe(403);
    expect((await patch(ybDept, `/api/admin/departments/${own}`, { disabled: true })).statusCode).toBe(403);
    const other = await departmentId(yb, "500112", "重庆市渝北区交通运输委员会");
    expect((await patch(ybDept, `/api/admin/departments/${other}`, { phone: "023-1" })).statusCode).toBe(403);
    expect((await patch(yz, `/api/admin/departments/${own}`, { phone: "023-1" })).statusCode).toBe(403);
    expect((await patch(applicant, `/api/admin/departments/${own}`, { phone: "023-1" })).statusCode).toBe(403);
    expect((await anonymous("PATCH", `/api/admin/departments/${own}`, { phone: "023-1" })).statusCode).toBe(401);
    expect((await patch(platform, "/api/admin/departments/nope", { phone: "023-1" })).statusCode).toBe(404);
    const [entry] = (await auditOf(own)).filter((e) => e.action === "organization.department.update");
    expect(entry!.newValues).toEqual({ phone: "023-67820001", address: "渝北区龙溪街道新溉大道" });
    expect(entry!.oldValues).toEqual({ phone: expect.any(String), address: expect.any(String) });
    expect(entry!.oldValues).not.toEqual(entry!.newValues);
  });

  it("sets a counterpart at the other level only, and refuses absent ones", async () => {
    const district = await departmentId(yb, "500112", "重庆市渝北区交通运输委员会");
    const cityJtys = (await get(platform, "/api/admin/departments?regionCode=500000")).json().items.find((d: { name: string }) => d.name.includes("交通"))!;
    const sameLevel = await departmentId(yb, "500112", "重庆市渝北区市场监督管理局");
    const absent = await patch(yb, `/api/admin/departments/${district}`, { counterpartId: "no-such-department" });
    expect(absent.statusCode).toBe(422);
    expect(absent.json().error.code).toBe("COUNTERPART_INVALID");
    expect((await patch(yb, `/api/admin/departments/${district}`, { counterpartId: sameLevel })).statusCode).toBe(422);
    const ok = await patch(yb, `/api/admin/departments/${district}`, { counterpartId: cityJtys.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().counterpart).toEqual({ id: cityJtys.id, name: cityJtys.name });
  });

  it("renames only to a free name, and disables a department only when nothing refers to it", async () => {
    const used = await departmentId(yb, "500112", "重庆市渝北区市场监督管理局");
    const taken = await patch(yb, `/api/admin/departments/${used}`, { name: "重庆市渝北区交通运输委员会" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe("DEPARTMENT_EXISTS");
    const refused = await patch(yb, `/api/admin/departments/${used}`, { disabled: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("DEPARTMENT_IN_USE");
    expect(refused.json().error.details.activeStaff).toBeGreaterThan(0);

    const { id } = (await post(yb, "/api/admin/departments", { name: "渝北区临时指挥部", regionCode: "500112" })).json();
    const disabled = await patch(yb, `/api/admin/departments/${id}`, { disabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toMatchObject({ disabled: true, disabledAt: expect.any(String) });
    const publicNames = async () => ((await anonymous("GET", "/api/catalog/departments?regionCode=500112")).json().items as { name: string }[]).map((d) => d.name);
    expect(await publicNames()).not.toContain("渝北区临时指挥部");
    expect((await patch(platform, `/api/admin/departments/${id}`, { disabled: false })).json()).toMatchObject({ disabled: false, disabledAt: null });
    expect(await publicNames()).toContain("渝北区临时指挥部");
    const updates = (await auditOf(id)).filter((e) => e.action === "organization.department.update");
    expect(updates.map((e) => [e.oldValues, e.newValues])).toEqual(
      expect.arrayContaining([[{ disabled: false }, { disabled: true }], [{ disabled: true }, { disabled: false }]]),
    );
  });
});

describe("organization administration: service halls (R14)", () => {
  it("creates, lists and changes halls within scope", async () => {
    const body = { name: "双凤桥街道便民服务中心大厅", regionCode: "500112001", address: "渝北区双凤桥街道空港大道 8 号", openingHours: "工作日 9:00-17:00" };
    expect((await post(yz, "/api/admin/halls", body)).statusCode).toBe(403);
    expect((await post(ybDept, "/api/admin/halls", body)).statusCode).toBe(403);
    expect((await post(applicant, "/api/admin/halls", body)).statusCode).toBe(403);
    expect((await anonymous("POST", "/api/admin/halls", body)).statusCode).toBe(401);
    const created = await post(yb, "/api/admin/halls", body);
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    expect((await post(yb, "/api/admin/halls", body)).statusCode).toBe(409);
    expect((await post(yb, "/api/admin/halls", { ...body, regionCode: "500112999" })).json().error.code).toBe("REGION_UNKNOWN");

    expect((await get(yb, "/api/admin/halls")).json().items.map((h: { id: string }) => h.id)).toContain(id);
    expect((await get(yz, "/api/admin/halls")).json().items.map((h: { id: string }) => h.id)).not.toContain(id);
    expect((await get(yz, "/api/admin/halls?regionCode=500112001")).statusCode).toBe(404);
    expect((await get(ybDept, "/api/admin/halls")).json().items).toEqual([]);
    expect((await get(applicant, "/api/admin/halls")).statusCode).toBe(403);
    expect((await anonymous("GET", "/api/admin/halls")).statusCode).toBe(401);

    expect((await patch(yz, `/api/admin/halls/${id}`, { phone: "023-1" })).statusCode).toBe(403);
    expect((await patch(ybDept, `/api/admin/halls/${id}`, { phone: "023-1" })).statusCode).toBe(403);
    expect((await patch(platform, "/api/admin/halls/nope", { phone: "023-1" })).statusCode).toBe(404);
    const changed = await patch(yb, `/api/admin/halls/${id}`, { openingHours: "工作日 8:30-17:30", disabled: true });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ openingHours: "工作日 8:30-17:30", disabled: true });
    const update = (await auditOf(id)).find((e) => e.action === "organization.hall.update")!;
    expect(update.oldValues).toEqual({ openingHours: "工作日 9:00-17:00", disabled: false });
    expect(update.newValues).toEqual({ openingHours: "工作日 8:30-17:30", disabled: true });
  });
});

describe("the workbench shows the organization section to admins only", () => {
  it("is in the abilities of platform, region and department admins", async () => {
    for (const s of [platform, yb, ybDept]) expect((await get(s, "/api/me")).json().abilities.sections.organization).toBe(true);
    expect((await get(clerk, "/api/me")).json().abilities.sections.organization).toBe(false);
  });
});
