import fs from "node:fs";
import { isNoBody, isRawBody, routeTable } from "@cq/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientTypes, clientTypesFile, lintOpenapi } from "../../scripts/openapi.ts";
import { OTHER_TAG, operationIdOf, tagOf } from "../src/platform/openapi.ts";
import { matrix } from "./authzMatrix.expectations.ts";
import { startPlatform, type TestPlatform } from "./helpers.ts";

// The OpenAPI document an integrator generates a client from (GET /api/openapi.json): every route
// of the table, each with what a generator needs; valid under Redocly's recommended rules; and the
// example client's generated types up to date with it.

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown>; responses: Record<string, unknown>; securitySchemes: Record<string, unknown> } } & Record<string, unknown>;

let t: TestPlatform;
let doc: Doc;
beforeAll(async () => {
  t = await startPlatform();
  const res = await t.request({ method: "GET", url: "/api/openapi.json" });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(async () => t.close());

const docPath = (url: string) => url.replace(/:(\w+)/g, "{$1}");
const operationOf = (key: string) => {
  const [method, url] = key.split(" ") as [string, string];
  return doc.paths[docPath(url)]?.[method.toLowerCase()];
};
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`, op })));

describe("operation ids", () => {
  it("are the method and the path in camelCase, parameters as By<Name>", () => {
    expect(operationIdOf("GET /api/cases/:id")).toBe("getCasesById");
    expect(operationIdOf("POST /api/cases/:id/not-accept")).toBe("postCasesByIdNotAccept");
    expect(operationIdOf("GET /api/catalog/items/:id/flowchart.svg")).toBe("getCatalogItemsByIdFlowchartSvg");
    expect(operationIdOf("GET /.well-known/certificate-keys.json")).toBe("getWellKnownCertificateKeysJson");
    expect(operationIdOf("GET /healthz")).toBe("getHealthz");
  });

  it("are unique over the route table", () => {
    const ids = Object.keys(routeTable).map(operationIdOf);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe("the OpenAPI document", () => {
  it("has every route of the table, and nothing else", () => {
    const documented = operations().map((o) => o.key).sort();
    expect(documented).toEqual(Object.keys(routeTable).sort());
  });

  it("gives every operation its id, summary, area, security and 2xx answers from the contract", () => {
    for (const [key, contract] of Object.entries(routeTable)) {
      const op = operationOf(key)!;
      expect(op.operationId, key).toBe(operationIdOf(key));
      expect(op.summary, key).toBe(contract.summary);
      expect(op.tags, key).toEqual([tagOf(key.split(" ")[1]!)]);
      expect(op.tags, key).not.toContain(OTHER_TAG);
      const schemes = (op.security ?? []).flatMap((r) => Object.entries(r));
      if (contract.public) expect(op.security, key).toEqual([]);
      else expect(schemes.length, key).toBeGreaterThan(0);
      expect(schemes.some(([s]) => s === "session"), `${key} session`).toBe(!contract.public && !contract.bearerOnly);
      expect(schemes.find(([s]) => s === "bearerToken")?.[1], `${key} bearer`).toEqual(contract.bearerScope ? [contract.bearerScope] : undefined);
      for (const [status, body] of Object.entries(contract.response)) {
        const answer = op.responses[status];
        expect(answer, `${key} ${status}`).toBeDefined();
        if (isNoBody(body)) expect(answer!.content, `${key} ${status}`).toBeUndefined();
        else if (isRawBody(body)) expect(Object.keys(answer!.content ?? {}), `${key} ${status}`).toEqual(body.raw.split(" or ").map((m) => m.split(";")[0]));
        else expect(Object.keys(answer!.content ?? {}), `${key} ${status}`).toEqual(["application/json"]);
      }
      const success = Object.keys(op.responses).filter((s) => s.startsWith("2"));
      expect(success.sort(), key).toEqual(Object.keys(contract.response).sort());
    }
  });

  it("names the error answers each operation may give, all of the shared Error shape", () => {
    const error = doc.components.schemas.Error as { properties: { error: { properties: { code: { enum: string[] } } } } };
    expect(error.properties.error.properties.code.enum).toEqual(expect.arrayContaining(["VALIDATION_FAILED", "INTEGRATION_TOKEN_INVALID", "INTEGRATION_SCOPE_MISSING", "RATE_LIMITED"]));
    for (const [key, contract] of Object.entries(routeTable)) {
      const op = operationOf(key)!;
      const errors = Object.keys(op.responses).filter((s) => s.startsWith("4"));
      for (const status of errors) expect(op.responses[status]!.$ref, `${key} ${status}`).toMatch(/^#\/components\/responses\/\w+$/);
      if (!contract.public) expect(errors, key).toEqual(expect.arrayContaining(["401", "403"]));
      if (key.includes("/:")) expect(errors, key).toContain("404");
      if (op.parameters?.length || op.requestBody) expect(errors, key).toContain("400");
      if (contract.bearerScope) expect(errors, key).toContain("429");
    }
    expect(operationOf("POST /api/auth/login")!.responses).toHaveProperty("429");
    expect(operationOf("POST /api/cases/:id/materials")!.responses).toHaveProperty("415");
    for (const ref of Object.values(doc.components.responses)) {
      expect(ref).toMatchObject({ content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
    }
  });

  it("declares the session cookie and the bearer token, the servers, contact and licence", () => {
    expect(doc.components.securitySchemes).toMatchObject({ session: { type: "apiKey", in: "cookie" }, bearerToken: { type: "http", scheme: "bearer" } });
    expect(doc.servers).toEqual([expect.objectContaining({ url: "/" })]);
    expect(doc.info).toMatchObject({ license: { name: "Apache-2.0" }, contact: { name: expect.any(String) }, description: expect.stringContaining("docs/integration.md") });
  });

  it("calls public exactly the routes the authorization matrix lets anyone call", () => {
    for (const [key, row] of Object.entries(matrix)) {
      expect(routeTable[key]?.public === true, key).toBe(row.expect.anonymous === "allow");
    }
  });

  it("passes Redocly's recommended rules without an error", async () => {
    const { problems, totals } = await lintOpenapi(doc);
    expect(problems.filter((p) => p.severity === "error").map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
    expect(totals.errors).toBe(0);
    // The only warnings allowed (redocly.yaml): public operations without input, which have no 4xx answer.
    for (const p of problems) {
      expect(p.ruleId, p.message).toBe("operation-4xx-response");
      const pointer = p.location[0]!.pointer!.split("/");
      const path = pointer[2]!.replace(/~1/g, "/");
      const op = doc.paths[path]![pointer[3]!]!;
      expect(op.security, path).toEqual([]);
      expect(op.parameters ?? [], path).toEqual([]);
    }
  });

  it("gives the example client's committed types (npm run gen:client)", async () => {
    const committed = fs.readFileSync(clientTypesFile, "utf8");
    expect(await clientTypes(doc), "examples/feed-client/src/api.d.ts is stale: run npm run gen:client").toBe(committed);
  });
});
