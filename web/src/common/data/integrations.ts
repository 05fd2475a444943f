/** Department systems (系统对接): their clients, tokens shown once, rotation and revocation. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  IntegrationClient, IntegrationClientDetail, IntegrationClientList, IntegrationCreated, IntegrationCreateRequest, IntegrationRevoked, IntegrationRotated,
} from "@cq/contracts";
import { api, apiGet, apiPost } from "../api/client.ts";

export type { IntegrationClient, IntegrationClientDetail };

export const integrationKeys = {
  all: ["integrations"] as const,
  detail: (id: string) => ["integrations", id] as const,
};

export function useIntegrationClients() {
  return useQuery({
    queryKey: integrationKeys.all,
    queryFn: ({ signal }) => apiGet<IntegrationClientList>("/api/admin/integrations", undefined, signal),
    select: (d) => d.items,
  });
}

export function useIntegrationClient(id: string | null) {
  return useQuery({
    queryKey: integrationKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiGet<IntegrationClientDetail>(`/api/admin/integrations/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: id !== null,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: integrationKeys.all });
}

export function useCreateIntegration(onDone: (r: IntegrationCreated) => void) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: IntegrationCreateRequest) => apiPost<IntegrationCreated>("/api/admin/integrations", body),
    onSuccess: (r) => {
      void refresh();
      onDone(r);
    },
  });
}

export function useRotateIntegration(id: string, onDone: (r: IntegrationRotated) => void) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (graceHours: number) => apiPost<IntegrationRotated>(`/api/admin/integrations/${encodeURIComponent(id)}/rotate`, { graceHours }),
    onSuccess: (r) => {
      void refresh();
      onDone(r);
    },
  });
}

export function useRevokeIntegration(id: string, onDone: () => void) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api<IntegrationRevoked>(`/api/admin/integrations/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => {
      void refresh();
      onDone();
    },
  });
}
