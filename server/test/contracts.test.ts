import { isNoBody, isRawBody, routeTable } from "@cq/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idNumberCheckChar } from "../src/identity/checkCharacters.ts";
import { routesOf } from "../src/platform/responseContract.ts";
import { startPlatform, type TestPlatform } from "./helpers.ts";
import { demoData, simpleItem, staffWith } from "./fixtures.ts";

// The route table in @cq/contracts is the contract of every answer. Each body the integration
// tests receive is checked strictly against it (test mode, see platform/responseContract.ts);
// here: the table and the server name the same routes, and the OpenAPI document shows them.

let t: TestPlatform;
beforeAll(async () => {
  t = await startPlatform();
});
afterAll(async () => t.close());

/** The browsable API page's own routes (swagger-ui) are not part of the API. */
const isDocsInternal = (key: string) => / \/api\/docs(\/|$)/.test(key);

describe("the route table", () => {
  it("has an entry for every registered route, and no entry for a route that does not exist", () => {
    const registered = routesOf(t.app).filter((k) => !isDocsInternal(k)).sort();
    expect(registered.length).toBeGreaterThan(90);
    const table = Object.keys(routeTable).sort();
    expect(registered.filter((k) => !table.includes(k)), "registered but not in the route table").toEqual([]);
    expect(table.filter((k) => !registered.includes(k)), "in the route table but not registered").toEqual([]);
  });

  it("puts every JSON answer's schema and every summary into the OpenAPI document", async () => {
    const spec = (await t.request({ method: "GET", url: "/api/openapi.json" })).json();
    for (const [key, contract] of Object.entries(routeTable)) {
      const [method, url] = key.split(" ") as [string, string];
      const op = spec.paths[url.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()];
      if (!op) continue; // hidden from the document (the document itself)
      expect(op.summary, key).toBe(contract.summary);
      for (const [status, body] of Object.entries(contract.response)) {
        if (isRawBody(body) || isNoBody(body)) continue;
        expect(op.responses?.[status]?.content?.["application/json"]?.schema, `${key} ${status}`).toBeDefined();
      }
    }
    const me = spec.paths["/api/me"].get.responses["200"].content["application/json"].schema;
    expect(me.required).toEqual(expect.arrayContaining(["id", "name", "kind", "roles"]));
  });
});

// Every other route's answers are checked by the tests of its module; these are called nowhere else with success.
describe("the answers no other test asks for", () => {
  it("follow their contracts", async () => {
    const admin = await t.login(staffWith("department-admin").username);
    const items = await admin.inject({ method: "GET", url: "/api/admin/items" });
    expect(items.statusCode).toBe(200);
    expect(items.json().items.length).toBeGreaterThan(0);

    const platformAdmin = await t.login(staffWith("platform-admin").username);
    const year = await platformAdmin.inject({ method: "POST", url: "/api/calendar/years/2027/maintained" });
    expect(year.json()).toEqual({ year: 2027, maintained: true });

    const applicant = await t.login(demoData.applicants.find((a) => a.type === "person")!.phone);
    const item = (await t.request({ method: "GET", url: `/api/catalog/items?q=${encodeURIComponent(simpleItem().name)}` })).json().items[0];
    const created = (await applicant.inject({ method: "POST", url: "/api/cases", payload: { itemId: item.id, formData: {} } })).json();
    const saved = await applicant.inject({ method: "POST", url: `/api/cases/${created.id}/form`, payload: { formData: { note: "x" } } });
    expect(saved.json()).toEqual({ status: "saved" });

    const clerk = await t.login(staffWith("clerk").username);
    const first17 = "50011219580616003";
    const registered = await clerk.inject({
      method: "POST",
      url: "/api/hall/applicants",
      payload: { type: "person", name: "谭德明", idNumber: first17 + idNumberCheckChar(first17), phone: "13983000011" },
    });
    expect(registered.statusCode, registered.body).toBe(201);
  });
});
