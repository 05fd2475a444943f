import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import Fastify, { type FastifyBaseLogger } from "fastify";
import { type ContractMode, contractModeFor, loadConfig } from "./config.ts";
import { applyResponseContracts, checkBody, ResponseContractError, routesOf, undeclaredFields } from "./responseContract.ts";

const Body = z.object({
  id: z.string(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  items: z.array(z.object({ n: z.number(), note: z.string().optional() })),
  data: z.record(z.string(), z.unknown()),
});
const good = { id: "c1", department: { id: "d1", name: "渝北区市场监督管理局" }, items: [{ n: 1 }], data: { any: { thing: 1 } } };
const log = () => ({ error: vi.fn(), warn: vi.fn() }) as unknown as FastifyBaseLogger & { error: ReturnType<typeof vi.fn>; warn: ReturnType<typeof vi.fn> };

describe("response contracts", () => {
  it("are strict in tests, checked in development and lenient in production", () => {
    expect(contractModeFor("test")).toBe("strict");
    expect(contractModeFor("development")).toBe("check");
    expect(contractModeFor("production")).toBe("lenient");
  });

  it("follow RESPONSE_CONTRACT when it names a mode, and NODE_ENV otherwise", () => {
    expect(loadConfig({ NODE_ENV: "development", RESPONSE_CONTRACT: "lenient" }).responseContract).toBe("lenient");
    expect(loadConfig({ NODE_ENV: "production", RESPONSE_CONTRACT: "strict" }).responseContract).toBe("strict");
    expect(loadConfig({ NODE_ENV: "development", RESPONSE_CONTRACT: "loose" }).responseContract).toBe("check");
    expect(loadConfig({ NODE_ENV: "production" }).responseContract).toBe("lenient");
  });

  it("find fields the schema lacks at any depth, but not inside free-form data", () => {
    const extra = { ...good, secret: 1, department: { id: "d1", name: "x", code: "500112" }, items: [{ n: 1, hidden: true }], data: { a: 1 } };
    const parsed = Body.parse(extra);
    expect(undeclaredFields(extra, parsed).sort()).toEqual(["department.code", "items[0].hidden", "secret"]);
    expect(undeclaredFields({ ...good, missing: undefined }, Body.parse(good))).toEqual([]);
  });

  it("fail a missing field, a wrong type and (strictly) an extra field", () => {
    const l = log();
    expect(checkBody(Body, good, "strict", "GET /x", 200, l)).toEqual(good);
    expect(() => checkBody(Body, { ...good, id: undefined }, "strict", "GET /x", 200, l)).toThrow(ResponseContractError);
    expect(() => checkBody(Body, { ...good, items: [{ n: "1" }] }, "check", "GET /x", 200, l)).toThrow(/items\.0\.n/);
    expect(() => checkBody(Body, { ...good, department: { id: "d", name: "n", x: 1 } }, "strict", "GET /x", 200, l)).toThrow(/department\.x: not in the schema/);
  });

  it("outside tests strip an extra field with a warning; in production send a mismatch as it is, logged", () => {
    const dev = log();
    expect(checkBody(Body, { ...good, extra: 1 }, "check", "GET /x", 200, dev)).toEqual(good);
    expect(dev.warn).toHaveBeenCalledOnce();
    const prod = log();
    const broken = { ...good, id: 42 };
    expect(checkBody(Body, broken, "lenient", "GET /x", 200, prod)).toBe(broken);
    expect(prod.error).toHaveBeenCalledOnce();
    expect(checkBody(Body, { ...good, extra: 1 }, "lenient", "GET /x", 200, prod)).toEqual(good);
  });
});

/** A bare app with the contracts applied and one route from the table, answering what it is told. */
async function appAnswering(mode: ContractMode, status: number, body: unknown) {
  const app = Fastify({ logger: false });
  applyResponseContracts(app, mode);
  app.get("/healthz", async (_req, reply) => reply.code(status).send(body));
  app.get("/not-in-the-table", async () => ({ any: "thing" }));
  await app.ready();
  return app;
}

describe("a route's answers", () => {
  it("go through the schema of the route table: strict in tests, stripped in production", async () => {
    const strict = await appAnswering("strict", 200, { status: "ok", extra: 1 });
    expect((await strict.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(500);
    const lenient = await appAnswering("lenient", 200, { status: "ok", extra: 1 });
    expect((await lenient.inject({ method: "GET", url: "/healthz" })).json()).toEqual({ status: "ok" });
    expect(routesOf(lenient).sort()).toEqual(["GET /healthz", "GET /not-in-the-table"]);
  });

  it("fail in tests on a 2xx status the table does not declare", async () => {
    const strict = await appAnswering("strict", 201, { status: "ok" });
    expect((await strict.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(500);
    const check = await appAnswering("check", 201, { status: "ok" });
    expect((await check.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(201);
  });
});
