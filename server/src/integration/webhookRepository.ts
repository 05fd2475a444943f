import type { Insertable } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { WebhookDeliveryStatus, WebhookSubscriptionsTable } from "../platform/schema.ts";

// The tables of webhook subscriptions, their deliveries and attempts (R5), for the commands and the
// admin routes. The delivery worker (webhookDelivery.ts) claims and settles deliveries itself, like
// the outbox's worker.

/** A live subscription with its client's department and name; locked when asked. */
export function findSubscription(db: Executor, id: string, opts: { lock?: boolean } = {}) {
  const q = db
    .selectFrom("webhook_subscriptions as s")
    .innerJoin("integration_clients as ic", "ic.id", "s.integration_id")
    .selectAll("s")
    .select(["ic.department_id", "ic.name as client_name"])
    .where("s.id", "=", id)
    .where("s.deleted_at", "is", null);
  return (opts.lock ? q.forUpdate() : q).executeTakeFirst();
}

export function subscriptionsOfClient(db: Executor, integrationId: string) {
  return db.selectFrom("webhook_subscriptions").selectAll().where("integration_id", "=", integrationId).where("deleted_at", "is", null).orderBy("created_at").execute();
}

export async function insertSubscription(db: Executor, row: Insertable<WebhookSubscriptionsTable>): Promise<void> {
  await db.insertInto("webhook_subscriptions").values(row).execute();
}

export async function setSubscription(db: Executor, id: string, set: Partial<Pick<WebhookSubscriptionsTable, "status" | "paused_at" | "failing_since" | "deleted_at">> & { consecutive_failures?: number }): Promise<void> {
  await db.updateTable("webhook_subscriptions").set(set).where("id", "=", id).execute();
}

/** Moves a subscription's deliveries from some states to another (queued now where they become queued); returns how many. */
export async function moveDeliveries(db: Executor, subscriptionId: string, from: WebhookDeliveryStatus[], to: WebhookDeliveryStatus, now?: Date): Promise<number> {
  const r = await db
    .updateTable("webhook_deliveries")
    .set(to === "queued" && now ? { status: to, next_attempt_at: now, first_attempt_at: null } : { status: to })
    .where("subscription_id", "=", subscriptionId)
    .where("status", "in", from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0);
}

export function findDelivery(db: Executor, subscriptionId: string, deliveryId: string) {
  return db.selectFrom("webhook_deliveries").select(["id", "status"]).where("id", "=", deliveryId).where("subscription_id", "=", subscriptionId).executeTakeFirst();
}

/** Queues one delivery again from now (held while its subscription is paused), with a new retry window. */
export async function requeueDelivery(db: Executor, id: string, status: "queued" | "held", now: Date): Promise<void> {
  await db.updateTable("webhook_deliveries").set({ status, next_attempt_at: now, first_attempt_at: null }).where("id", "=", id).execute();
}

/** A subscription's newest 100 deliveries with their event's type and case, and every attempt of them. */
export async function deliveriesOfSubscription(db: Executor, subscriptionId: string) {
  const rows = await db
    .selectFrom("webhook_deliveries as d")
    .innerJoin("integration_events as e", "e.id", "d.event_id")
    .select(["d.id", "d.event_id", "e.type", "e.case_id", "d.status", "d.attempts", "d.last_status_code", "d.next_attempt_at", "d.created_at", "d.delivered_at"])
    .where("d.subscription_id", "=", subscriptionId)
    .orderBy("d.created_at", "desc")
    .orderBy("e.written", "desc")
    .limit(100)
    .execute();
  const attempts = rows.length
    ? await db.selectFrom("webhook_attempts").selectAll().where("delivery_id", "in", rows.map((r) => r.id)).orderBy("at").orderBy("id").execute()
    : [];
  return { rows, attempts };
}
