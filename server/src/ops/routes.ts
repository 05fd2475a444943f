import { timingSafeEqual } from "node:crypto";
import { sql } from "kysely";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../platform/context.ts";
import { AppError, errorBody } from "../platform/errors.ts";
import { registry } from "./metrics.ts";

const READY_TIMEOUT_MS = 2_000;

/** Answers within `ms` whatever the dependency does (down, hanging, out of connections). */
async function within(ms: number, what: string, work: Promise<unknown> | undefined): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} readiness check timed out`)), ms)));
  await Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Compares secrets in constant time. */
function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function opsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/healthz", { schema: { tags: ["operations"] } }, async () => ({ status: "ok" }));

    app.get("/readyz", { schema: { tags: ["operations"] } }, async (req, reply) => {
      try {
        await within(READY_TIMEOUT_MS, "database", sql`select 1`.execute(deps.db));
      } catch (err) {
        req.log.warn({ err }, "database not answering");
        return reply.code(503).send(errorBody("NOT_READY", req.lang));
      }
      try {
        // A shared store that refuses (wrong key, no bucket, unreachable) makes every upload and document fail.
        await within(READY_TIMEOUT_MS, "file store", deps.files.check?.());
      } catch (err) {
        req.log.warn({ err: { message: (err as Error).message } }, "file store not usable");
        return reply.code(503).send(errorBody("NOT_READY", req.lang));
      }
      return { status: "ready", database: deps.dbKind };
    });

    app.get("/metrics", { schema: { tags: ["operations"] } }, async (req, reply) => {
      const { token, public: open } = deps.config.metrics;
      const presented = req.headers.authorization?.startsWith("Bearer ") ? req.headers.authorization.slice(7) : null;
      if (!open && !(token && presented && sameSecret(presented, token))) throw new AppError("NOT_FOUND");
      reply.type(registry.contentType);
      return registry.metrics();
    });
  };
}
