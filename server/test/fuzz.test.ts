import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, startPlatform, type TestPlatform, safeJson } from "./helpers.ts";

// Every route, fuzzed from its own request schema (the OpenAPI document the server generates from
// the same zod schemas that validate requests): a new route is fuzzed without extra work. Inputs
// are shaped like the schema and laced with what breaks servers — NUL, lone surrogates, impossible
// dates, huge numbers, long strings, malformed multipart. Whatever comes, the answer is never a
// 5xx, and a 4xx carries the error envelope with a stable code.

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  additionalProperties?: boolean | Schema;
};
interface Operation {
  parameters?: { in: "path" | "query" | "header" | "cookie"; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

const hostile = fc.constantFrom(
  "\u0000", "a\u0000b", "\uD800", "x\uDC00", "2026-02-31", "2026-13-01", "0020-01-01T00:00:00Z", "9999-12-31T23:59:59+08:00",
  "-1", "1e309", "NaN", "%00", "../../etc/passwd", "' or 1=1 --", "<script>alert(1)</script>", "０１２", "🙂".repeat(50),
  "a".repeat(5000), "", " ", "null", "[]", "{}",
);
const anyJson: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostile);

function stringFor(s: Schema): fc.Arbitrary<string> {
  const typical =
    s.format === "date-time" ? fc.date({ noInvalidDate: true, min: new Date("1900-01-01"), max: new Date("2200-01-01") }).map((d) => d.toISOString())
    : s.format === "date" || s.pattern?.includes("\\d{4}-\\d{2}-\\d{2}") ? fc.date({ noInvalidDate: true, min: new Date("1900-01-01"), max: new Date("2200-01-01") }).map((d) => d.toISOString().slice(0, 10))
    : s.pattern?.startsWith("^\\d") ? fc.stringMatching(/^\d{1,20}$/)
    : fc.string({ maxLength: s.maxLength ? Math.min(s.maxLength + 2, 200) : 40 });
  return fc.oneof({ weight: 3, arbitrary: typical }, { weight: 1, arbitrary: hostile });
}

/** An arbitrary shaped like the JSON schema, sometimes off it. */
function arbitraryFor(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 5) return anyJson;
  if (s.const !== undefined) return fc.oneof({ weight: 5, arbitrary: fc.constant(s.const) }, { weight: 1, arbitrary: anyJson });
  if (s.enum) return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...s.enum) }, { weight: 1, arbitrary: anyJson });
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => arbitraryFor(a, depth + 1)));
  if (s.allOf?.length) return arbitraryFor(Object.assign({}, ...s.allOf) as Schema, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== "null") : s.type;
  switch (type) {
    case "string":
      return stringFor(s);
    case "integer":
      return fc.oneof(fc.integer({ min: s.minimum ?? -10, max: Math.min(s.maximum ?? 1000, 1e6) }), fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 1, 1e308), hostile);
    case "number":
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-1, 0, 1e308), hostile);
    case "boolean":
      return fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: 1, arbitrary: anyJson });
    case "array":
      return fc.oneof({ weight: 5, arbitrary: fc.array(arbitraryFor(s.items, depth + 1), { maxLength: 4 }) }, { weight: 1, arbitrary: anyJson });
    case "object": {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const record = fc.record(
        Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arbitraryFor(v, depth + 1)])),
        { requiredKeys: [...required].filter((k) => k in props) },
      );
      return fc.oneof({ weight: 6, arbitrary: record }, { weight: 1, arbitrary: anyJson });
    }
    default:
      return anyJson;
  }
}

const pathParam = fc.oneof(
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/) },
  { weight: 1, arbitrary: fc.constantFrom("%00", "%E0%A4%A", "a".repeat(300), "..%2F..", "%F0%9F%99%82", "0", "-1", "2026-02-31", "x%00y") },
);

interface Route {
  method: string;
  path: string;
  op: Operation;
}

let t: TestPlatform;
let admin: Session;
let routes: Route[];

beforeAll(async () => {
  t = await startPlatform();
  admin = await t.login("admin");
  const doc = (await t.request({ method: "GET", url: "/api/openapi.json" })).json() as { paths: Record<string, Record<string, Operation>> };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m]) => ["get", "post", "put", "patch", "delete"].includes(m))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
});
afterAll(async () => t.close());

/** One generated request for a route: its path filled in, a query, and a body (JSON or multipart). */
function requestFor(r: Route) {
  const params = (r.op.parameters ?? []).filter((p) => p.in === "path");
  const query = (r.op.parameters ?? []).filter((p) => p.in === "query");
  const content = r.op.requestBody?.content ?? {};
  const json = content["application/json"]?.schema;
  const multipart = "multipart/form-data" in content;
  return fc.record({
    path: fc.tuple(...params.map(() => pathParam)).map((values) => params.reduce((p, param, i) => p.replace(`{${param.name}}`, String(values[i])), r.path)),
    query: fc.record(Object.fromEntries(query.map((q) => [q.name, arbitraryFor(q.schema)])), { requiredKeys: [] }),
    body: multipart
      ? fc.oneof(
          fc.uint8Array({ maxLength: 300 }).map((b) => ({ raw: Buffer.from(b), type: "multipart/form-data; boundary=xyz" })),
          fc.string({ maxLength: 200 }).map((s) => ({ raw: Buffer.from(`--xyz\r\nContent-Disposition: form-data; name="file"; filename="${s}"\r\n\r\n%PDF-1.4 ${s}\r\n--xyz--\r\n`), type: "multipart/form-data; boundary=xyz" })),
          fc.constant({ raw: Buffer.from("--xyz\r\nContent-Disposition: form-data; name=\"materialId\"\r\n\r\nx\u0000\r\n--xyz--\r\n"), type: "multipart/form-data; boundary=xyz" }),
          fc.constant({ raw: Buffer.from("no boundary here"), type: "multipart/form-data" }),
        )
      : json
        ? arbitraryFor(json).map((value) => ({ value }))
        : fc.constant(undefined),
  });
}

function urlOf(path: string, query: Record<string, unknown>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.append(k, typeof v === "string" ? v : JSON.stringify(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

describe("every route, fuzzed from its schema", () => {
  it("never answers 5xx, and every 4xx carries the error envelope", async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const r of routes) {
      // Logging out would end the admin's session for the routes after it.
      const sessions: (Session | null)[] = r.path === "/api/auth/logout" ? [null] : [null, admin];
      for (const session of sessions) {
        await fc.assert(
          fc.asyncProperty(requestFor(r), async (req) => {
            const url = urlOf(req.path, req.query as Record<string, unknown>);
            const body = req.body as { raw?: Buffer; type?: string; value?: unknown } | undefined;
            const opts = {
              method: r.method, url,
              ...(body?.raw ? { payload: body.raw, headers: { "content-type": body.type! } } : body && "value" in body ? { payload: body.value === undefined ? undefined : JSON.stringify(body.value), headers: { "content-type": "application/json" } } : {}),
            };
            const res = session ? await session.inject(opts) : await t.request(opts);
            sent++;
            const ok = res.statusCode < 500 && (res.statusCode < 400 || typeof (safeJson(res.body) as { error?: { code?: string } })?.error?.code === "string");
            if (!ok) failures.push(`${r.method} ${r.path} ${session ? "(admin)" : "(anonymous)"} → ${res.statusCode} ${res.body.slice(0, 160)} ← ${url.slice(0, 200)}`);
            return true;
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
      }
    }
    const distinct = [...new Map(failures.map((f) => [f.split(" → ")[0], f])).values()];
    expect(distinct, distinct.join("\n")).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length * RUNS);
    console.log(`fuzz: ${sent} generated requests over ${routes.length} routes (${RUNS} runs per route and caller, seed ${SEED}), ${failures.length} failures`);
  }, 600_000);
});
