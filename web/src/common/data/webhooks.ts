/** Webhook subscriptions of an integration client and their deliveries (docs/api-additions.md, R5). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { WebhookCreated, WebhookCreateRequest, WebhookDeliveryList, WebhookReplayed, WebhookResumed, WebhookSubscriptionList } from "@cq/contracts";
import { apiDelete, apiGet, apiPost } from "../api/client.ts";

export type { WebhookDelivery, WebhookSubscription } from "@cq/contracts";

export const webhookKeys = {
  all: ["admin", "webhooks"] as const,
  of: (integrationId: string) => ["admin", "webhooks", integrationId] as const,
  deliveries: (id: string) => ["admin", "webhooks", "deliveries", id] as const,
};

const at = (id: string) => `/api/admin/webhooks/${encodeURIComponent(id)}`;

export function useWebhooks(integrationId: string) {
  return useQuery({
    queryKey: webhookKeys.of(integrationId),
    queryFn: ({ signal }) => apiGet<WebhookSubscriptionList>("/api/admin/webhooks", { integrationId }, signal),
  });
}

export function useWebhookDeliveries(id: string | null) {
  return useQuery({
    queryKey: webhookKeys.deliveries(id ?? ""),
    enabled: !!id,
    queryFn: ({ signal }) => apiGet<WebhookDeliveryList>(`${at(id!)}/deliveries`, undefined, signal),
  });
}

function useWebhookWrite<I, O>(write: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }) });
}

export const useCreateWebhook = () => useWebhookWrite((body: WebhookCreateRequest) => apiPost<WebhookCreated>("/api/admin/webhooks", body));
export const useDeleteWebhook = () => useWebhookWrite((id: string) => apiDelete(at(id)));
export const useResumeWebhook = () => useWebhookWrite((id: string) => apiPost<WebhookResumed>(`${at(id)}/resume`));
export const useReplayDelivery = () =>
  useWebhookWrite(({ id, deliveryId }: { id: string; deliveryId: string }) => apiPost<WebhookReplayed>(`${at(id)}/deliveries/${encodeURIComponent(deliveryId)}/replay`));
