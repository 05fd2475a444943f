import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type TestPlatform } from "./helpers.ts";
import { demoData } from "./fixtures.ts";

let t: TestPlatform;
beforeAll(async () => {
  t = await startPlatform();
});
afterAll(async () => t.close());

const get = (url: string, headers?: Record<string, string>) => t.request({ method: "GET", url, ...(headers ? { headers } : {}) });

describe("catalog", () => {
  it("names the service halls of a region, where hall-only items are handled (R2)", async () => {
    const res = await get("/api/catalog/halls?regionCode=500112");
    expect(res.statusCode).toBe(200);
    const halls = res.json().items as { name: string; regionCode: string; address: string; openingHours: string }[];
    expect(halls.length).toBeGreaterThan(0);
    expect(halls.every((h) => h.regionCode === "500112" && h.address && h.openingHours)).toBe(true);
    expect((await get("/api/catalog/halls?regionCode=abc")).statusCode).toBe(400);
    expect((await get("/api/catalog/halls?regionCode=500999")).json().items).toEqual([]);
  });

  it("lists every active demo item with its department and limits", async () => {
    const res = await get("/api/catalog/items?limit=100");
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(demoData.items.length);
    for (const i of items) {
      expect(i).toMatchObject({ id: expect.any(String), code: expect.any(String), name: expect.any(String), department: { id: expect.any(String), name: expect.any(String) } });
      expect(["city", "district"]).toContain(i.level);
      expect(i.regionCode).toMatch(/^\d{6}$/);
      expect(i.promisedDays).toBeLessThanOrEqual(i.statutoryDays);
    }
  });

  it("pages plain listings with a cursor", async () => {
    const first = (await get("/api/catalog/items?limit=5")).json();
    expect(first.items).toHaveLength(5);
    expect(first.nextCursor).toBeTruthy();
    const second = (await get(`/api/catalog/items?limit=5&cursor=${first.nextCursor}`)).json();
    const ids = new Set([...first.items, ...second.items].map((i: { id: string }) => i.id));
    expect(ids.size).toBe(first.items.length + second.items.length);
  });

  it("searches Chinese text, also when the words are not adjacent in the name", async () => {
    const exact = (await get(`/api/catalog/items?q=${encodeURIComponent("食品经营")}`)).json().items;
    expect(exact[0].name).toBe("食品经营许可");
    const loose = (await get(`/api/catalog/items?q=${encodeURIComponent("食品许可")}`)).json().items;
    expect(loose.map((i: { name: string }) => i.name)).toContain("食品经营许可");
    const byDept = (await get(`/api/catalog/items?q=${encodeURIComponent("卫生健康")}`)).json().items;
    expect(byDept.length).toBeGreaterThanOrEqual(2);
    const none = (await get(`/api/catalog/items?q=${encodeURIComponent("火星移民")}`)).json().items;
    expect(none).toEqual([]);
    // LIKE wildcards in the query are taken literally.
    expect((await get(`/api/catalog/items?q=${encodeURIComponent("%")}`)).json().items).toEqual([]);
  });

  it("filters by region and by department", async () => {
    const yb = (await get("/api/catalog/items?regionCode=500112&limit=100")).json().items;
    expect(yb.length).toBeGreaterThanOrEqual(2);
    expect(yb.every((i: { regionCode: string }) => i.regionCode === "500112")).toBe(true);
    const deptId = yb[0].department.id;
    const byDept = (await get(`/api/catalog/items?departmentId=${deptId}&limit=100`)).json().items;
    expect(byDept.every((i: { department: { id: string } }) => i.department.id === deptId)).toBe(true);
    expect((await get("/api/catalog/items?regionCode=abc")).statusCode).toBe(400);
  });

  it("serves the guide with every R11 field", async () => {
    const list = (await get(`/api/catalog/items?q=${encodeURIComponent("建筑工程施工许可")}`)).json().items;
    const guide = (await get(`/api/catalog/items/${list[0].id}`)).json();
    for (const field of [
      "name", "legalBasis", "conditions", "handlingMode", "statutoryDays", "promisedDays", "fees", "result",
      "responsibilities", "accountability", "consultationPhone", "complaintPhone", "yellowDays", "updatedAt",
    ]) {
      expect(guide[field], field).toBeTruthy();
    }
    expect(guide.materials.length).toBeGreaterThan(2);
    expect(guide.materials.some((m: { required: boolean }) => m.required)).toBe(true);
    expect(guide.materials.some((m: { formUrl?: string }) => m.formUrl)).toBe(true);
    expect(guide.process.steps[0].kind).toBe("accept");
    expect(guide.process.steps.map((s: { kind: string }) => s.kind)).toContain("co-handle");
    expect(guide.assistingDepartments.length).toBeGreaterThan(0);
    expect(guide.leadDepartment.id).toBe(guide.department.id);
    const form = guide.materials.find((m: { formUrl?: string }) => m.formUrl);
    const pdf = await get(form.formUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("draws the flowchart from the process definition", async () => {
    const list = (await get("/api/catalog/items?limit=100")).json().items;
    const guide = (await get(`/api/catalog/items/${list[0].id}`)).json();
    const svg = await get(`/api/catalog/items/${list[0].id}/flowchart.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    for (const step of guide.process.steps) expect(svg.body).toContain(step.name);
    expect(svg.body).toMatch(/role="img"/);
  });

  it("answers 404 for an unknown item, with a stable code", async () => {
    const res = await get("/api/catalog/items/does-not-exist");
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("ITEM_NOT_FOUND");
    expect((await get("/api/catalog/items/does-not-exist/flowchart.svg")).statusCode).toBe(404);
  });

  it("serves a department's public page with its items and figures", async () => {
    const depts = (await get("/api/catalog/departments?regionCode=500112")).json().items;
    const withItems = depts.find((d: { itemCount: number }) => d.itemCount > 0);
    const page = (await get(`/api/public/departments/${withItems.id}`)).json();
    expect(page).toMatchObject({ id: withItems.id, name: withItems.name, figures: { closed: 0, onTimeRate: null, open: 0 } });
    expect(page.items).toHaveLength(withItems.itemCount);
    expect((await get("/api/public/departments/nope")).statusCode).toBe(404);
  });

  it("lists regions and departments with their item counts", async () => {
    const regions = (await get("/api/catalog/regions")).json().items;
    expect(regions.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(["500000", "500103", "500112"]));
    const depts = (await get("/api/catalog/departments?regionCode=500112")).json().items;
    expect(depts.length).toBeGreaterThan(3);
    expect(depts.every((d: { regionCode: string }) => d.regionCode === "500112")).toBe(true);
    expect(depts.some((d: { itemCount: number }) => d.itemCount > 0)).toBe(true);
  });
});
