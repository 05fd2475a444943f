import { IntegrationCreateRequest, IntegrationRateLimitRequest, IntegrationRotateRequest } from "@cq/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { runCommand } from "../audit/command.ts";
import { verifiedCertificate } from "../certificates/routes.ts";
import { systemClock } from "../platform/clock.ts";
import type { Deps } from "../platform/context.ts";
import { metaOf, noStore } from "../platform/http.ts";
import { requireIntegrationScope } from "../policy/index.ts";
import { loadAdministeredClient, requireIntegrationAdmin } from "./access.ts";
import { createIntegrationClient } from "./commands/createIntegrationClient.ts";
import { revokeIntegrationClient } from "./commands/revokeIntegrationClient.ts";
import { rotateIntegrationToken } from "./commands/rotateIntegrationToken.ts";
import { setIntegrationRateLimit } from "./commands/setIntegrationRateLimit.ts";
import { presentClient, presentClientDetail } from "./presenter.ts";
import { findClient, listClients, recentCalls } from "./repository.ts";

const IdParams = z.object({ id: z.string().max(64) });
const tags = ["integration administration"];

/** Department systems' clients (R5): their administration, and what a token reads beside the case routes. */
export function integrationRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const detail = async (id: string) => {
      const row = (await findClient(deps.db, id))!;
      return presentClientDetail(row, await recentCalls(deps.db, id), systemClock.now());
    };

    app.get("/api/admin/integrations", { schema: { tags } }, async (req, reply) => {
      const scope = requireIntegrationAdmin(req.actor);
      noStore(reply);
      const now = systemClock.now();
      return { items: (await listClients(deps.db, scope)).map((r) => presentClient(r, now)) };
    });

    app.post("/api/admin/integrations", { schema: { tags, body: IntegrationCreateRequest } }, async (req, reply) => {
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => createIntegrationClient(ctx, req.body));
      noStore(reply);
      return reply.code(201).send(out);
    });

    app.get("/api/admin/integrations/:id", { schema: { tags, params: IdParams } }, async (req, reply) => {
      await loadAdministeredClient(req.actor, () => findClient(deps.db, req.params.id));
      noStore(reply);
      return detail(req.params.id);
    });

    app.post("/api/admin/integrations/:id/rotate", { schema: { tags, params: IdParams, body: IntegrationRotateRequest.optional() } }, async (req, reply) => {
      const graceHours = req.body?.graceHours ?? 24;
      noStore(reply);
      return runCommand(deps, req.actor, metaOf(req), (ctx) => rotateIntegrationToken(ctx, req.params.id, graceHours));
    });

    app.put("/api/admin/integrations/:id/rate-limit", { schema: { tags, params: IdParams, body: IntegrationRateLimitRequest } }, async (req) => {
      await runCommand(deps, req.actor, metaOf(req), (ctx) => setIntegrationRateLimit(ctx, req.params.id, req.body.rateLimitPerMinute));
      return detail(req.params.id);
    });

    app.delete("/api/admin/integrations/:id", { schema: { tags, params: IdParams } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => revokeIntegrationClient(ctx, req.params.id)),
    );

    // Certificates are shared across departments (R27): any department's, by number, holder masked.
    app.get("/api/integration/certificates/:no", { schema: { tags: ["integration"], params: z.object({ no: z.string().max(40) }) } }, async (req, reply) => {
      requireIntegrationScope(req.actor, "certificates:read");
      noStore(reply);
      return verifiedCertificate(deps, req.params.no, req.lang);
    });
  };
}
