import type { FastifyDynamicSwaggerOptions } from "@fastify/swagger";
import { ErrorBodySchema, errorMessages, isNoBody, isRawBody, routeTable, type ErrorCode, type RouteContract } from "@cq/contracts";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { z } from "zod";

/**
 * The OpenAPI document at `GET /api/openapi.json`, generated from the routes the server registers
 * and their contracts in `@cq/contracts` (routes.ts): one operationId, summary, tag, security
 * requirement, 2xx answer and set of error answers per operation, decided here by one rule each,
 * so that the document cannot drift from the route table.
 */

type Json = Record<string, unknown>;
type Operation = Json & { parameters?: unknown[]; requestBody?: unknown; responses?: Record<string, Json>; security?: unknown; description?: string };

const METHODS = ["get", "put", "post", "delete", "patch"] as const;
const UNSAFE = new Set(["post", "put", "patch", "delete"]);

/**
 * A stable, readable operationId from the route key: the method, then each path segment in
 * PascalCase, a path parameter as `By<Name>`. "GET /api/cases/:id" → "getCasesById",
 * "POST /api/cases/:id/submit" → "postCasesByIdSubmit". The leading "/api" is left out.
 */
export function operationIdOf(key: string): string {
  const [method, url] = key.split(" ") as [string, string];
  const pascal = (s: string) =>
    s
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join("");
  const segments = url
    .replace(/^\/api(?=\/|$)/, "")
    .split("/")
    .filter(Boolean)
    .map((s) => (s.startsWith(":") ? `By${pascal(s.slice(1))}` : pascal(s)));
  return method.toLowerCase() + segments.join("");
}

const DEMO_TAG = "Demo";

/** The areas of the API, in the document's order; an operation's tag is the area of its path's longest matching prefix. */
export const apiTags = [
  { name: "Operations", description: "Health, readiness, metrics and this document.", prefixes: ["/healthz", "/readyz", "/metrics", "/api/openapi.json"] },
  { name: "Identity", description: "Registration, login, sessions and one's own settings.", prefixes: ["/api/auth", "/api/me"] },
  { name: "Catalog", description: "The public catalog of items, regions, departments and service halls.", prefixes: ["/api/catalog", "/api/public/departments"] },
  { name: "Public queries", description: "Progress by supervision code and certificate verification, without login.", prefixes: ["/api/public", "/.well-known"] },
  {
    name: "Cases",
    description: "Applications (办件): drafts, materials, acceptance, tasks, decisions, results, delivery.",
    prefixes: ["/api/cases", "/api/worklist", "/api/tasks", "/api/handovers", "/api/hall"],
  },
  { name: "Certificates and documents", description: "The certificate library and the documents of cases.", prefixes: ["/api/certificates", "/api/documents"] },
  { name: "Supervision", description: "Lights, escalations, figures and reports of the supervising office.", prefixes: ["/api/supervision"] },
  { name: "Calendar", description: "The working-day calendar every time limit is counted in.", prefixes: ["/api/calendar"] },
  {
    name: "Messages and engagement",
    description: "The inbox, evaluations, complaints, questions and suggestions.",
    prefixes: ["/api/inbox", "/api/complaints", "/api/consultations", "/api/my/consultations", "/api/cases/:id/evaluation"],
  },
  {
    name: "Process configuration",
    description: "Items, their versions and guides, and document templates.",
    prefixes: ["/api/admin/items", "/api/admin/item-versions", "/api/admin/version-inbox", "/api/admin/flowchart-preview", "/api/admin/templates"],
  },
  { name: "Staff administration", description: "Staff, their training and change requests.", prefixes: ["/api/admin/staff", "/api/admin/staff-changes"] },
  { name: "Organization", description: "Regions, departments and service halls.", prefixes: ["/api/admin/regions", "/api/admin/departments", "/api/admin/halls"] },
  {
    name: "Integration",
    description: "Department systems: clients and tokens, the event feed, webhooks. See docs/integration.md.",
    prefixes: ["/api/events", "/api/integration", "/api/admin/integrations", "/api/admin/webhooks"],
  },
  { name: "Audit", description: "The audit trail and its verification.", prefixes: ["/api/audit"] },
  { name: DEMO_TAG, description: "Demo and test affordances: absent (404) in a production start.", prefixes: ["/api/dev"] },
] as const;
export const OTHER_TAG = "Other";

/** The area of a route's path (Fastify's spelling, ":param"). */
export function tagOf(url: string): string {
  let best: { name: string; length: number } | undefined;
  for (const tag of apiTags) {
    for (const prefix of tag.prefixes) {
      const matches = url === prefix || url.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`);
      if (matches && (!best || prefix.length > best.length)) best = { name: tag.name, length: prefix.length };
    }
  }
  return best?.name ?? OTHER_TAG;
}

const errorStatuses = [400, 401, 403, 404, 409, 413, 415, 422, 429] as const;
type ErrorStatus = (typeof errorStatuses)[number];
const errorResponseNames: Record<ErrorStatus, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
  413: "PayloadTooLarge",
  415: "UnsupportedMediaType",
  422: "UnprocessableEntity",
  429: "TooManyRequests",
};
const errorMeanings: Record<ErrorStatus, string> = {
  400: "Malformed or invalid input.",
  401: "Not logged in, or the bearer token is unknown, revoked or expired.",
  403: "Not allowed: the caller may see but not do this, the token lacks the scope, or (browsers) the CSRF header is missing.",
  404: "Absent, also for what exists but the caller may not know of (another department's case).",
  409: "Wrong state or a lost race (e.g. a task already completed).",
  413: "The body or file is too large.",
  415: "The file type is refused.",
  422: "A business rule refused it.",
  429: "Rate limited; retry after the seconds in Retry-After.",
};

const codesOf = (status: number) => (Object.keys(errorMessages) as ErrorCode[]).filter((c) => errorMessages[c].status === status);

/** The error answers an operation may give, by one rule each (API.md, Conventions). */
export function errorStatusesOf(op: { method: string; url: string; contract: RouteContract | undefined; hasInput: boolean; uploads: boolean; rateLimited: boolean }): ErrorStatus[] {
  const unsafe = UNSAFE.has(op.method.toLowerCase());
  const isPublic = op.contract?.public === true;
  const out = new Set<ErrorStatus>();
  if (op.hasInput || unsafe) out.add(400);
  if (!isPublic) out.add(401).add(403);
  else if (unsafe && op.url.startsWith("/api/")) out.add(403); // the CSRF header
  if (op.url.includes("/:")) out.add(404);
  if (!isPublic && unsafe) out.add(409).add(422);
  if (unsafe) out.add(413);
  if (op.uploads) out.add(415);
  if (op.rateLimited || op.contract?.bearerScope) out.add(429);
  return errorStatuses.filter((s) => out.has(s));
}

/** The security requirement of a route: none when public, else a session cookie and/or a bearer token with its scope. */
export function securityOf(contract: RouteContract | undefined): Array<Record<string, string[]>> {
  if (contract?.public) return [];
  const bearer = contract?.bearerScope ? [{ bearerToken: [contract.bearerScope] }] : [];
  return contract?.bearerOnly ? bearer : [{ session: [] }, ...bearer];
}

const jsonSchemaOf = (schema: z.ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: "output" }) as Json;
  return rest;
};

/** A raw 2xx body's content: one entry per media type ("application/pdf or text/csv" names two). */
function rawContent(contentType: string): Json {
  const content: Json = {};
  for (const full of contentType.split(" or ")) {
    const type = full.split(";")[0]!.trim();
    const schema = type === "application/json" ? { type: "object" } : type.startsWith("text/") || type.endsWith("+xml") ? { type: "string" } : { type: "string", format: "binary" };
    content[type] = { schema };
  }
  return content;
}

/** The 2xx answers of an operation from its contract; JSON ones keep the schema the zod transform made. */
function successResponses(contract: RouteContract, generated: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [status, body] of Object.entries(contract.response)) {
    const description = status === "201" ? "Created" : status === "202" ? "Accepted" : status === "204" ? "No content" : "OK";
    if (isNoBody(body)) out[status] = { description };
    else if (isRawBody(body)) out[status] = { description, content: rawContent(body.raw) };
    else out[status] = { ...generated[status], description };
  }
  return out;
}

// Facts the route options know and the document does not; carried from `transform` to `transformObject`.
const X_UPLOADS = "x-cq-uploads";
const X_RATE_LIMITED = "x-cq-rate-limited";
const X_HAS_INPUT = "x-cq-has-input";

/** An operation from the route table alone: its path parameters, and the JSON answers as the zod transform would give them. */
function documentedFromContract(key: string, contract: RouteContract): Operation {
  const url = key.split(" ")[1]!;
  const params = [...url.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1]!, in: "path", required: true, schema: { type: "string" } }));
  const responses: Record<string, Json> = {};
  for (const [status, body] of Object.entries(contract.response)) {
    if (!isRawBody(body) && !isNoBody(body)) responses[status] = { content: { "application/json": { schema: jsonSchemaOf(body) } } };
  }
  const op: Operation = { operationId: operationIdOf(key), summary: contract.summary, tags: [tagOf(url)], security: securityOf(contract), responses };
  const note = scopeNoteOf(contract);
  if (note) op.description = note;
  if (params.length) op.parameters = params;
  return op;
}

const scopeNoteOf = (contract: RouteContract | undefined) =>
  contract?.bearerScope ? `Department systems: a bearer token with the scope \`${contract.bearerScope}\`${contract.bearerOnly ? " (tokens only)" : ""}.` : undefined;

/** The route key ("METHOD /path/:param") of a document path ("/path/{param}"). */
const routeKeyOf = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`;

export interface OpenapiOptions {
  version: string;
  /** The session cookie's name. */
  sessionCookie: string;
}

/** @fastify/swagger's options: the document-level parts, and the transforms that finish each operation. */
export function swaggerOptions(opts: OpenapiOptions): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "重庆市网上行政审批平台 API",
        description:
          "The HTTP API of the online administrative approval platform (网上行政审批平台). API.md fixes the stable core; " +
          "department systems start with docs/integration.md (tokens, scopes, the event feed, webhooks and their signatures, " +
          "results pushed back, errors, generating a client from this document).\n\n" +
          "Errors always answer `{ error: { code, message, details? } }`; `code` is stable, `message` follows Accept-Language.",
        version: opts.version,
        contact: { name: "重庆市网上行政审批平台", url: "https://github.com/cq-approval/cq-approval" },
        license: { name: "Apache-2.0", url: "https://www.apache.org/licenses/LICENSE-2.0" },
      },
      servers: [{ url: "/", description: "This platform (the document is served by the server it describes)" }],
      tags: apiTags.map(({ name, description }) => ({ name, description })),
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: opts.sessionCookie, description: "A browser session, set by POST /api/auth/login. State-changing requests also need the header `X-Requested-With: fetch`." },
          bearerToken: {
            type: "http",
            scheme: "bearer",
            description: "A department system's token (`cqi_…`, see docs/integration.md). The scope an operation needs is named in its security requirement and description.",
          },
        },
      },
    },
    transform: (args) => {
      const { schema, url } = jsonSchemaTransform(args);
      const s = schema as Json;
      if (!s || s.hide) return { schema, url };
      const method = (Array.isArray(args.route.method) ? args.route.method[0] : args.route.method) as string;
      const contract = routeTable[`${method.toUpperCase()} ${args.route.url}`];
      const consumes = (args.route.schema as { consumes?: string[] } | undefined)?.consumes ?? [];
      const rateLimit = (args.route.config as { rateLimit?: unknown } | undefined)?.rateLimit;
      const scopeNote = scopeNoteOf(contract);
      const out: Json = {
        ...s,
        operationId: operationIdOf(`${method.toUpperCase()} ${args.route.url}`),
        tags: [tagOf(args.route.url)],
        security: securityOf(contract),
        [X_UPLOADS]: consumes.includes("multipart/form-data"),
        [X_RATE_LIMITED]: Boolean(rateLimit),
        [X_HAS_INPUT]: Boolean(s.body || s.querystring || s.params || consumes.length),
      };
      if (scopeNote) out.description = s.description ? `${String(s.description)}\n\n${scopeNote}` : scopeNote;
      return { schema: out, url };
    },
    transformObject: (documentObject) => {
      const doc = (documentObject as { openapiObject: Json }).openapiObject as Json & { paths: Record<string, Record<string, Operation>>; components: Json };
      const components = doc.components as Json & { schemas?: Json; responses?: Json };
      components.schemas = { ...(components.schemas ?? {}), Error: jsonSchemaOf(ErrorBodySchema) };
      const used = new Set<ErrorStatus>();
      // A route of the table this start does not register is documented from its contract alone (its
      // request schema is the server's); the demo's routes only where a demo start serves them.
      for (const [key, contract] of Object.entries(routeTable)) {
        const [method, url] = key.split(" ") as [string, string];
        if (tagOf(url) === DEMO_TAG) continue;
        const path = url.replace(/:(\w+)/g, "{$1}");
        const item = (doc.paths[path] ??= {});
        if (item[method.toLowerCase()]) continue;
        item[method.toLowerCase()] = documentedFromContract(key, contract);
      }
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const method of METHODS) {
          const op = item[method];
          if (!op) continue;
          const url = path.replace(/\{(\w+)\}/g, ":$1");
          const contract = routeTable[routeKeyOf(method, path)];
          const generated = op.responses ?? {};
          const statuses = errorStatusesOf({
            method,
            url,
            contract,
            hasInput: op[X_HAS_INPUT] === true || Boolean(op.parameters?.length || op.requestBody),
            uploads: op[X_UPLOADS] === true,
            rateLimited: op[X_RATE_LIMITED] === true,
          });
          const responses: Record<string, Json> = contract ? successResponses(contract, generated) : { ...generated };
          for (const status of statuses) {
            responses[String(status)] = { $ref: `#/components/responses/${errorResponseNames[status]}` };
            used.add(status);
          }
          op.responses = responses;
          delete op[X_UPLOADS];
          delete op[X_RATE_LIMITED];
          delete op[X_HAS_INPUT];
        }
      }
      const errorResponses: Json = {};
      for (const status of errorStatuses) {
        if (!used.has(status)) continue;
        const codes = codesOf(status);
        const response: Json = {
          description: `${errorMeanings[status]}${codes.length ? ` Codes: ${codes.join(", ")}.` : ""}`,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        };
        if (status === 429) response.headers = { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } } };
        errorResponses[errorResponseNames[status]] = response;
      }
      components.responses = errorResponses;
      return doc;
    },
  };
}
