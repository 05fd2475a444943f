import { isNoBody, isRawBody, routeTable } from "@cq/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routesOf } from "../src/platform/responseContract.ts";
import { startPlatform, type TestPlatform } from "./helpers.ts";

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

  it("declares a body (schema, raw or none) for a 2xx status of every route", () => {
    for (const [key, contract] of Object.entries(routeTable)) {
      const statuses = Object.keys(contract.response).map(Number);
      expect(statuses.length, key).toBeGreaterThan(0);
      for (const s of statuses) expect(s >= 200 && s < 300, `${key} ${s}`).toBe(true);
    }
  });

  it("puts every JSON answer's schema into the OpenAPI document", async () => {
    const spec = (await t.request({ method: "GET", url: "/api/openapi.json" })).json();
    for (const [key, contract] of Object.entries(routeTable)) {
      const [method, url] = key.split(" ") as [string, string];
      const op = spec.paths[url.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()];
      if (!op) continue; // hidden from the document (the document itself)
      for (const [status, body] of Object.entries(contract.response)) {
        if (isRawBody(body) || isNoBody(body)) continue;
        expect(op.responses?.[status]?.content?.["application/json"]?.schema, `${key} ${status}`).toBeDefined();
      }
    }
    const me = spec.paths["/api/me"].get.responses["200"].content["application/json"].schema;
    expect(me.required).toEqual(expect.arrayContaining(["id", "name", "kind", "roles"]));
  });
});
