import { z } from "zod";
import { IntegrationEventTypeSchema } from "../integration.ts";
import { webhookDeliveryStatuses, webhookSubscriptionStatuses } from "../webhooks.ts";
import { isoTime, JsonRecord, list } from "./common.ts";

/** One event of a department's feed, as `GET /api/events` lists it and a webhook delivery posts it. */
export const IntegrationEvent = z.object({
  id: z.string(),
  type: IntegrationEventTypeSchema,
  caseId: z.string(),
  supervisionCode: z.string().optional(),
  departmentId: z.string(),
  at: isoTime,
  data: JsonRecord,
});
export type IntegrationEvent = z.infer<typeof IntegrationEvent>;
/** `nextCursor`: the seq of the last event served, or the cursor given when nothing new came (poll again with it). */
export const IntegrationEventPage = z.object({ items: z.array(IntegrationEvent), nextCursor: z.string() });
export type IntegrationEventPage = z.infer<typeof IntegrationEventPage>;

export const WebhookCreated = z.object({ id: z.string(), secret: z.string() });
export type WebhookCreated = z.infer<typeof WebhookCreated>;

export const WebhookSubscription = z.object({
  id: z.string(),
  integrationId: z.string(),
  url: z.string(),
  events: z.array(IntegrationEventTypeSchema),
  status: z.enum(webhookSubscriptionStatuses),
  failingSince: isoTime.nullable(),
  pausedAt: isoTime.nullable(),
  createdAt: isoTime,
  abilities: z.object({ resume: z.boolean(), delete: z.boolean() }),
});
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;
export const WebhookSubscriptionList = list(WebhookSubscription);
export type WebhookSubscriptionList = z.infer<typeof WebhookSubscriptionList>;
export const WebhookResumed = z.object({ id: z.string(), status: z.literal("active"), released: z.number().int() });
export type WebhookResumed = z.infer<typeof WebhookResumed>;

export const WebhookAttempt = z.object({ at: isoTime, statusCode: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number().int() });
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;
export const WebhookDelivery = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: IntegrationEventTypeSchema,
  caseId: z.string(),
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  nextAttemptAt: isoTime.nullable(),
  createdAt: isoTime,
  deliveredAt: isoTime.nullable(),
  attemptLog: z.array(WebhookAttempt),
  abilities: z.object({ replay: z.boolean() }),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
export const WebhookDeliveryList = list(WebhookDelivery);
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryList>;
export const WebhookReplayed = z.object({ id: z.string(), status: z.literal("queued") });
export type WebhookReplayed = z.infer<typeof WebhookReplayed>;
