import { randomBytes } from "node:crypto";
import type { IntegrationEventType, WebhookCreateRequest } from "@cq/contracts";
import type { Ctx } from "../audit/command.ts";
import type { Actor } from "../platform/actor.ts";
import type { Executor } from "../platform/db.ts";
import { findClient } from "./repository.ts";
import { findDelivery, findSubscription, insertSubscription, moveDeliveries, requeueDelivery, setSubscription } from "./webhookRepository.ts";
import { shanghaiDay } from "../platform/clock.ts";
import { AppError } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { notifyDepartment } from "../platform/notify.ts";
import { personalDataOf } from "../platform/personalData.ts";
import { allowAdministerIntegrations } from "../policy/integration.ts";
import { assertWebhookUrl } from "./webhookUrl.ts";

/**
 * Webhook subscriptions of integration clients (R5): a client's department's events of the chosen
 * types are posted to a URL, signed with a secret shown once and kept sealed (it must be recovered
 * to sign). The department's admin (or a platform admin) manages them; anyone else is told the
 * client or subscription does not exist.
 */

export const WEBHOOK_SECRET_PREFIX = "whsec_";

/** The client, if the actor may administer it (its department's admin, a platform admin). */
export async function administeredClient(db: Executor, actor: Actor, integrationId: string) {
  const client = await findClient(db, integrationId);
  if (!client || client.revoked_at || !allowAdministerIntegrations(actor, client.department_id)) throw new AppError("NOT_FOUND");
  return client;
}

/** The subscription with its client, if the actor may administer it. */
export async function administeredSubscription(db: Executor, actor: Actor, id: string) {
  const s = await findSubscription(db, id);
  if (!s || !allowAdministerIntegrations(actor, s.department_id)) throw new AppError("WEBHOOK_NOT_FOUND");
  return s;
}

export async function createWebhook(ctx: Ctx, input: WebhookCreateRequest): Promise<{ id: string; secret: string }> {
  if (ctx.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
  const client = await administeredClient(ctx.trx, ctx.actor, input.integrationId);
  const url = assertWebhookUrl(input.url, ctx.deps.config);
  const events = [...new Set(input.events)] as IntegrationEventType[];
  const secret = `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
  const id = newId();
  await insertSubscription(ctx.trx, {
    id, integration_id: client.id, url, events: JSON.stringify(events), secret: personalDataOf(ctx.deps.config).seal(secret), status: "active",
    failing_since: null, created_by: ctx.actor.kind === "staff" ? ctx.actor.id : null, created_at: ctx.now, paused_at: null, deleted_at: null,
  });
  await ctx.audit({ action: "webhook.created", objectType: "webhook-subscription", objectId: id, newValues: { integrationId: client.id, client: client.name, url, events } });
  return { id, secret };
}

/** Deletes a subscription: what was not delivered yet is not sent any more (kept, marked failed). */
export async function deleteWebhook(ctx: Ctx, id: string): Promise<void> {
  const s = await administeredSubscription(ctx.trx, ctx.actor, id);
  await setSubscription(ctx.trx, s.id, { deleted_at: ctx.now });
  await moveDeliveries(ctx.trx, s.id, ["queued", "held"], "failed");
  await ctx.audit({ action: "webhook.deleted", objectType: "webhook-subscription", objectId: s.id, oldValues: { url: s.url, status: s.status } });
}

/** Un-pauses a subscription: the events held while it was paused are queued now, in their order. */
export async function resumeWebhook(ctx: Ctx, id: string): Promise<{ id: string; status: "active"; released: number }> {
  const s = await administeredSubscription(ctx.trx, ctx.actor, id);
  if (s.status !== "paused") throw new AppError("WEBHOOK_NOT_PAUSED");
  await setSubscription(ctx.trx, s.id, { status: "active", paused_at: null, failing_since: null, consecutive_failures: 0 });
  const released = await moveDeliveries(ctx.trx, s.id, ["held"], "queued", ctx.now);
  await ctx.audit({ action: "webhook.resumed", objectType: "webhook-subscription", objectId: s.id, oldValues: { status: "paused" }, newValues: { status: "active", released } });
  return { id: s.id, status: "active", released };
}

/** Sends a delivery again now, with the same event id (a new attempt; its earlier ones are kept). */
export async function replayDelivery(ctx: Ctx, subscriptionId: string, deliveryId: string): Promise<{ id: string; status: "queued" }> {
  const s = await administeredSubscription(ctx.trx, ctx.actor, subscriptionId);
  const d = await findDelivery(ctx.trx, s.id, deliveryId);
  if (!d) throw new AppError("WEBHOOK_DELIVERY_NOT_FOUND");
  if (d.status === "delivering") throw new AppError("WEBHOOK_DELIVERY_IN_FLIGHT");
  await requeueDelivery(ctx.trx, d.id, s.status === "paused" ? "held" : "queued", ctx.now);
  await ctx.audit({ action: "webhook.delivery-replayed", objectType: "webhook-delivery", objectId: d.id, oldValues: { status: d.status }, newValues: { subscriptionId: s.id } });
  return { id: d.id, status: "queued" };
}

/**
 * Pauses a subscription whose deliveries keep failing: what is still queued is held (sent when an
 * admin resumes it) and the client's department admins are told in their inbox.
 */
export async function pauseFailingWebhook(ctx: Ctx, subscriptionId: string, why: { failingSince: Date; consecutiveFailures: number }): Promise<boolean> {
  const s = await findSubscription(ctx.trx, subscriptionId, { lock: true });
  if (!s || s.status === "paused") return false;
  await setSubscription(ctx.trx, s.id, { status: "paused", paused_at: ctx.now });
  await moveDeliveries(ctx.trx, s.id, ["queued"], "held");
  const host = new URL(s.url).host;
  await notifyDepartment(ctx, s.department_id, "department-admin", {
    title: `事件回调已暂停：${s.client_name}`,
    text: `对接系统“${s.client_name}”的回调地址（${host}）自${shanghaiDay(why.failingSince)}起持续投递失败（连续${why.consecutiveFailures}次），已暂停投递。新事件将暂存，请排除故障后在“系统对接”页面恢复。`,
  });
  await ctx.audit({
    action: "webhook.paused", objectType: "webhook-subscription", objectId: s.id,
    oldValues: { status: s.status }, newValues: { status: "paused", failingSince: why.failingSince.toISOString(), consecutiveFailures: why.consecutiveFailures },
  });
  return true;
}
