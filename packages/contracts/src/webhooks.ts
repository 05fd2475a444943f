import { z } from "zod";
import { IntegrationEventTypeSchema } from "./integration.ts";

/**
 * The event feed's query and the webhook subscriptions (API.md, "Integration: department systems").
 * The cursor is opaque to clients: they pass back the `nextCursor` they were given.
 */
export const EVENT_CURSOR_PATTERN = /^(0|[1-9]\d{0,17})$/;
export const EventFeedQuery = z.object({
  after: z.string().max(40).regex(EVENT_CURSOR_PATTERN).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type EventFeedQuery = z.infer<typeof EventFeedQuery>;

export const WEBHOOK_URL_MAX = 2000;
export const WebhookCreateRequest = z.object({
  integrationId: z.string().min(1).max(64),
  url: z.string().trim().min(1).max(WEBHOOK_URL_MAX),
  events: z.array(IntegrationEventTypeSchema).min(1).max(20),
});
export type WebhookCreateRequest = z.infer<typeof WebhookCreateRequest>;

export const WebhookListQuery = z.object({ integrationId: z.string().min(1).max(64) });
export type WebhookListQuery = z.infer<typeof WebhookListQuery>;

export const webhookSubscriptionStatuses = ["active", "paused"] as const;
export type WebhookSubscriptionStatus = (typeof webhookSubscriptionStatuses)[number];
/** `held`: the event came while the subscription was paused; resuming sends it. */
export const webhookDeliveryStatuses = ["queued", "delivering", "delivered", "failed", "held"] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];
