import { routes, type RouteContract } from "@cq/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../platform/context.ts";
import { systemClock } from "../platform/clock.ts";
import { AppError } from "../platform/errors.ts";
import { requireIntegrationScope } from "../policy/index.ts";
import { clientRateLimit, insertCall, touchLastUsed } from "./repository.ts";

/**
 * What every call with a department system's token goes through (R5), before and after its route:
 * - only routes that name a `bearerScope` in the route table accept a token, and only with that
 *   scope (403 FORBIDDEN for the routes of people, 403 INTEGRATION_SCOPE_MISSING for a scope not given);
 * - each client's calls per minute are counted in a fixed one-minute window, held in this process's
 *   memory (several processes each count their own share); above `rate_limit_per_minute` → 429 with Retry-After;
 * - each call is logged (client, method, route pattern, status, time; never the token) and the
 *   client's last use noted (at most once a minute).
 */
export function integrationCallHooks(app: FastifyInstance, deps: Deps): void {
  const table = routes as Record<string, RouteContract>;
  const windows = new Map<string, { start: number; count: number }>();
  const routeOf = (req: FastifyRequest) => req.routeOptions?.url ?? null;

  app.addHook("onRequest", async (req, reply) => {
    const actor = req.actor;
    if (actor?.kind !== "integration") return;
    const now = systemClock.now().getTime();
    const limit = (await clientRateLimit(deps.db, actor.id)) ?? 0;
    const w = windows.get(actor.id);
    const window = w && now - w.start < 60_000 ? w : { start: now, count: 0 };
    window.count += 1;
    windows.set(actor.id, window);
    if (window.count > limit) {
      reply.header("retry-after", String(Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000))));
      throw new AppError("RATE_LIMITED");
    }
    const route = routeOf(req);
    const scope = route ? table[`${req.method} ${route}`]?.bearerScope : undefined;
    if (!scope) throw new AppError("FORBIDDEN");
    requireIntegrationScope(actor, scope);
  });

  app.addHook("onSend", async (req, reply, payload) => {
    const actor = req.actor;
    if (actor?.kind !== "integration") return payload;
    const at = systemClock.now();
    try {
      await insertCall(deps.db, { clientId: actor.id, method: req.method, route: routeOf(req) ?? "(unknown)", status: reply.statusCode, at });
      await touchLastUsed(deps.db, actor.id, at);
    } catch (err) {
      req.log.error({ err }, "could not log an integration call");
    }
    return payload;
  });
}
