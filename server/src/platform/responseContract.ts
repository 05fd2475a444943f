import { isNoBody, isRawBody, routeTable, type RouteContract } from "@cq/contracts";
import type { FastifyBaseLogger, FastifyInstance, RouteOptions } from "fastify";
import { isDeepStrictEqual } from "node:util";
import fastJson from "fast-json-stringify";
import { z } from "zod";
import type { ContractMode } from "./config.ts";

export class ResponseContractError extends Error {
  constructor(
    readonly route: string,
    readonly status: number,
    readonly problems: string[],
  ) {
    super(`response of ${route} (${status}) breaks its contract: ${problems.join("; ")}`);
    this.name = "ResponseContractError";
  }
}

/** The route table's key of a route: the method and the path as Fastify registered it. */
export const routeKey = (method: string, url: string) => `${method.toUpperCase()} ${url}`;

/** The contract of a registered route, if the table has one. */
export function contractOf(method: string, url: string): RouteContract | undefined {
  return routeTable[routeKey(method, url)];
}

/** The zod schemas of a contract's JSON answers, by status: what Fastify serializes through. */
function jsonSchemasOf(contract: RouteContract): Record<number, z.ZodType> {
  const out: Record<number, z.ZodType> = {};
  for (const [status, body] of Object.entries(contract.response)) {
    if (!isRawBody(body) && !isNoBody(body)) out[Number(status)] = body;
  }
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Paths of the fields of `input` that parsing dropped: the fields its schema does not declare.
 * Comparing with the parse result checks nested objects strictly without a second, strict copy of
 * every schema (records and `unknown` keep what they hold, so free-form data is never reported).
 */
export function undeclaredFields(input: unknown, parsed: unknown, path = ""): string[] {
  if (Array.isArray(input) && Array.isArray(parsed)) return input.flatMap((v, i) => undeclaredFields(v, parsed[i], `${path}[${i}]`));
  if (!isPlainObject(input) || !isPlainObject(parsed)) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue; // JSON leaves it out anyway
    const at = path ? `${path}.${key}` : key;
    if (!(key in parsed)) out.push(at);
    else out.push(...undeclaredFields(value, parsed[key], at));
  }
  return out;
}

/** Checks one body against its schema; returns what to send, or throws in the modes that fail. */
export function checkBody(schema: z.ZodType, data: unknown, mode: ContractMode, route: string, status: number, log: FastifyBaseLogger): unknown {
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
    if (mode === "lenient") {
      log.error({ route, status, problems }, "response does not match its contract; sent as it is");
      return data;
    }
    throw new ResponseContractError(route, status, problems);
  }
  const extra = undeclaredFields(data, result.data);
  if (extra.length > 0) {
    if (mode === "strict") throw new ResponseContractError(route, status, extra.map((p) => `${p}: not in the schema`));
    log.warn({ route, status, fields: extra }, "response fields not in the contract were left out");
  }
  return result.data;
}

/** Production checks one answer in this many per route against its schema (the compiled serializer writes every one). */
const SAMPLE_EVERY = 64;

/**
 * The answer's serializer, compiled once from the contract's JSON Schema (fast-json-stringify, as
 * Fastify does for its own schemas): it writes the declared fields only, without a parse per answer.
 */
function compiledSerializer(schema: z.ZodType): (data: unknown) => string {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as Record<string, unknown>;
  return fastJson(json as never) as (data: unknown) => string;
}

const registeredRoutes = new WeakMap<FastifyInstance, ReadonlySet<string>>();

/** Every route registered on the app since its contracts were applied ("METHOD /path"; no HEAD). */
export function routesOf(app: FastifyInstance): string[] {
  return [...(registeredRoutes.get(app) ?? [])];
}

/**
 * Gives every route its response schemas from the route table (OpenAPI, serialization) and
 * serializes 2xx bodies through them. Call before any route is registered.
 */
export function applyResponseContracts(app: FastifyInstance, mode: ContractMode): void {
  const registered = new Set<string>();
  registeredRoutes.set(app, registered);
  app.addHook("onRoute", (route: RouteOptions) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== "HEAD");
    for (const m of methods) registered.add(routeKey(m, route.url));
    const contract = methods.length === 1 ? contractOf(methods[0]!, route.url) : undefined;
    if (!contract) return;
    const schema = { ...(route.schema ?? {}) } as Record<string, unknown>;
    schema.response = { ...jsonSchemasOf(contract), ...((schema.response as object | undefined) ?? {}) };
    if (contract.summary && !schema.summary) schema.summary = contract.summary;
    route.schema = schema;
  });

  app.setSerializerCompiler(({ schema, method, url, httpStatus }) => {
    const route = routeKey(method, url);
    const status = Number(httpStatus);
    const serialize = compiledSerializer(schema as z.ZodType);
    if (mode === "lenient") {
      // Production writes with the compiled serializer alone, and checks one answer in SAMPLE_EVERY per route for drift.
      let n = 0;
      return (data) => {
        if (n++ % SAMPLE_EVERY === 0) checkBody(schema as z.ZodType, data, mode, route, status, app.log);
        return serialize(data);
      };
    }
    return (data) => {
      const checked = checkBody(schema as z.ZodType, data, mode, route, status, app.log);
      const out = serialize(data);
      // Tests hold the compiled serializer to the schema: what production would write must be what the contract allows.
      if (mode === "strict" && !isDeepStrictEqual(JSON.parse(out), JSON.parse(JSON.stringify(checked)))) {
        throw new ResponseContractError(route, status, [`the compiled serializer writes ${out.slice(0, 300)}`]);
      }
      return out;
    };
  });

  if (mode === "strict") {
    // A JSON answer on a 2xx status the table does not describe would escape the check above.
    app.addHook("onSend", async (req, reply, payload) => {
      const status = reply.statusCode;
      const type = String(reply.getHeader("content-type") ?? "");
      const url = req.routeOptions.url;
      if (status < 200 || status >= 300 || !type.includes("json") || !url || req.method === "HEAD") return payload;
      const contract = contractOf(req.method, url);
      if (!contract) return payload; // the completeness test names routes missing from the table
      const body = contract.response[status];
      if (body === undefined || isNoBody(body)) throw new ResponseContractError(routeKey(req.method, url), status, ["status not in the route table"]);
      return payload;
    });
  }
}
