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
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      const client = await administeredClient(deps.db, req.actor, req.query.integrationId);
      const rows = await deps.db
        .selectFrom("webhook_subscriptions")
        .selectAll()
        .where("integration_id", "=", client.id)
        .where("deleted_at", "is", null)
        .orderBy("created_at")
        .execute();
      return {
        items: rows.map((s) => ({
          id: s.id, integrationId: s.integration_id, url: s.url, events: s.events as IntegrationEventType[], status: s.status,
          failingSince: iso(s.failing_since), pausedAt: iso(s.paused_at), createdAt: iso(s.created_at)!,
          abilities: { resume: s.status === "paused", delete: true },
        })),
      };
    });

    app.delete("/api/admin/webhooks/:id", { schema: { tags: ["integration"], params: idParam } }, async (req, reply) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      await runCommand(deps, req.actor, metaOf(req), (ctx) => deleteWebhook(ctx, req.params.id));
      return reply.code(204).send();
    });

    app.post("/api/admin/webhooks/:id/resume", { schema: { tags: ["integration"], params: idParam } }, async (req) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      return runCommand(deps, req.actor, metaOf(req), (ctx) => resumeWebhook(ctx, req.params.id));
    });

    app.get("/api/admin/webhooks/:id/deliveries", { schema: { tags: ["integration"], params: idParam } }, async (req) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      const s = await administeredSubscription(deps.db, req.actor, req.params.id);
      const rows = await deps.db
        .selectFrom("webhook_deliveries as d")
        .innerJoin("integration_events as e", "e.id", "d.event_id")
        .select(["d.id", "d.event_id", "e.type", "e.case_id", "d.status", "d.attempts", "d.last_status_code", "d.next_attempt_at", "d.created_at", "d.delivered_at"])
        .where("d.subscription_id", "=", s.id)
        .orderBy("d.created_at", "desc")
        .orderBy("e.seq", "desc")
        .limit(100)
        .execute();
      const attempts = rows.length
        ? await deps.db.selectFrom("webhook_attempts").selectAll().where("delivery_id", "in", rows.map((r) => r.id)).orderBy("at").orderBy("id").execute()
        : [];
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
        if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
        return runCommand(deps, req.actor, metaOf(req), (ctx) => replayDelivery(ctx, req.params.id, req.params.did));
      },
    );
  };
}
