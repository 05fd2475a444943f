import { timingSafeEqual } from "node:crypto";
import { sql } from "kysely";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../platform/context.ts";
import { AppError, errorBody } from "../platform/errors.ts";
import { registry } from "./metrics.ts";

const READY_TIMEOUT_MS = 2_000;

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
        // Answer within a few seconds whatever the database does (down, hanging, out of connections).
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("readiness check timed out")), READY_TIMEOUT_MS)));
        await Promise.race([sql`select 1`.execute(deps.db), late]).finally(() => clearTimeout(timer));
        return { status: "ready", database: deps.dbKind };
      } catch (err) {
        req.log.warn({ err }, "database not answering");
        return reply.code(503).send(errorBody("NOT_READY", req.lang));
      }
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
