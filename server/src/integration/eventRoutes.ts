import type { IntegrationEventType } from "@cq/contracts";
import { EventFeedQuery, WebhookCreateRequest, WebhookListQuery } from "@cq/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { runCommand } from "../audit/command.ts";
import type { Deps } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import { metaOf, noStore } from "../platform/http.ts";
import { requireIntegrationScope } from "../policy/integration.ts";
import { eventsAfter } from "./eventFeed.ts";
import { deliveriesOfSubscription, subscriptionsOfClient } from "./webhookRepository.ts";
import { requireUser } from "../platform/actor.ts";
import { administeredClient, administeredSubscription, createWebhook, deleteWebhook, replayDelivery, resumeWebhook } from "./webhooks.ts";

const idParam = z.object({ id: z.string().min(1).max(64) });
const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** The event feed (`events:read`) and the webhook subscriptions of department systems (API.md). */
export function integrationEventRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/events",
      {
        schema: { tags: ["integration"], querystring: z.object({ after: z.string().max(40).optional(), limit: z.string().max(8).optional() }) },
      },
      async (req, reply) => {
        const system = requireIntegrationScope(req.actor, "events:read");
        const q = EventFeedQuery.safeParse(req.query);
        if (!q.success) {
          const field = q.error.issues[0]?.path[0];
          throw field === "after" ? new AppError("EVENT_CURSOR_INVALID") : new AppError("VALIDATION_FAILED", { field: String(field ?? "limit") });
        }
        noStore(reply);
        return eventsAfter(deps.db, system.departmentId, q.data.after ?? "0", q.data.limit);
      },
    );

    app.post("/api/admin/webhooks", { schema: { tags: ["integration"], body: WebhookCreateRequest } }, async (req, reply) => {
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => createWebhook(ctx, req.body));
      noStore(reply);
      return reply.code(201).send(out);
    });

    app.get("/api/admin/webhooks", { schema: { tags: ["integration"], querystring: WebhookListQuery } }, async (req) => {
      requireUser(req.actor);
      const client = await administeredClient(deps.db, req.actor, req.query.integrationId);
      const rows = await subscriptionsOfClient(deps.db, client.id);
      return {
        items: rows.map((s) => ({
          id: s.id, integrationId: s.integration_id, url: s.url, events: s.events as IntegrationEventType[], status: s.status,
          failingSince: iso(s.failing_since), pausedAt: iso(s.paused_at), createdAt: iso(s.created_at)!,
          abilities: { resume: s.status === "paused", delete: true },
        })),
      };
    });

    app.delete("/api/admin/webhooks/:id", { schema: { tags: ["integration"], params: idParam } }, async (req, reply) => {
      requireUser(req.actor);
      await runCommand(deps, req.actor, metaOf(req), (ctx) => deleteWebhook(ctx, req.params.id));
      return reply.code(204).send();
    });

    app.post("/api/admin/webhooks/:id/resume", { schema: { tags: ["integration"], params: idParam } }, async (req) => {
      requireUser(req.actor);
      return runCommand(deps, req.actor, metaOf(req), (ctx) => resumeWebhook(ctx, req.params.id));
    });

    app.get("/api/admin/webhooks/:id/deliveries", { schema: { tags: ["integration"], params: idParam } }, async (req) => {
      requireUser(req.actor);
      const s = await administeredSubscription(deps.db, req.actor, req.params.id);
      const { rows, attempts } = await deliveriesOfSubscription(deps.db, s.id);
      return {
        items: rows.map((d) => ({
          id: d.id, eventId: d.event_id, eventType: d.type as IntegrationEventType, caseId: d.case_id, status: d.status, attempts: d.attempts,
          lastStatusCode: d.last_status_code, nextAttemptAt: d.status === "queued" ? iso(d.next_attempt_at) : null, createdAt: iso(d.created_at)!,
          deliveredAt: iso(d.delivered_at),
          attemptLog: attempts.filter((a) => a.delivery_id === d.id).map((a) => ({ at: iso(a.at)!, statusCode: a.status_code, error: a.error, durationMs: a.duration_ms })),
          abilities: { replay: d.status !== "delivering" },
        })),
      };
    });

    app.post(
      "/api/admin/webhooks/:id/deliveries/:did/replay",
      { schema: { tags: ["integration"], params: z.object({ id: z.string().min(1).max(64), did: z.string().min(1).max(64) }) } },
      async (req) => {
        requireUser(req.actor);
        return runCommand(deps, req.actor, metaOf(req), (ctx) => replayDelivery(ctx, req.params.id, req.params.did));
      },
    );
  };
}
