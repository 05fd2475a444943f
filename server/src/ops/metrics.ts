import type { FastifyInstance } from "fastify";
import client from "prom-client";

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

const httpDuration = new client.Histogram({
  name: "http_request_duration_seconds",
  help: "HTTP request duration by route and status",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

/** Times every request by its route pattern (never the raw URL, which may hold codes or ids). */
export function httpMetrics(app: FastifyInstance): void {
  app.addHook("onResponse", (req, reply, done) => {
    const route = req.routeOptions.url ?? "unmatched";
    httpDuration.labels(req.method, route, String(reply.statusCode)).observe(reply.elapsedTime / 1000);
    done();
  });
}

/** Messages of the outbox by state (queued, sending, sent, failed, recorded): a growing `failed` wants an operator. */
export const outboxMetrics = (count: () => Promise<Record<string, number>>): void => statusGauge("cq_outbox_messages", "Messages of the outbox by delivery state", count);

/** Webhook deliveries by state (queued, delivering, delivered, failed, held): `held` means a paused subscription. */
export const webhookMetrics = (count: () => Promise<Record<string, number>>): void => statusGauge("cq_webhook_deliveries", "Webhook deliveries by state", count);

/** A gauge of rows by state, counted when scraped. */
function statusGauge(name: string, help: string, count: () => Promise<Record<string, number>>): void {
  registry.removeSingleMetric(name);
  new client.Gauge({
    name,
    help,
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const [status, n] of Object.entries(await count())) this.labels(status).set(n);
    },
  });
}
