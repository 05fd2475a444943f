/** In-app messages (站内消息): the caller's inbox and marking messages read. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPost } from "../api/client.ts";
import type { Inbox, InboxMarked } from "@cq/contracts";


export const inboxKeys = {
  all: ["inbox"] as const,
};

export function useInbox() {
  return useQuery({
    queryKey: inboxKeys.all,
    queryFn: ({ signal }) => apiGet<Inbox>("/api/inbox", { limit: 200 }, signal),
    refetchInterval: 120_000,
  });
}

/** Marks one message (or, with null, every unread one) read for the caller only. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) => apiPost<InboxMarked>(id ? `/api/inbox/${encodeURIComponent(id)}/read` : "/api/inbox/read-all"),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

export type { InboxMessage } from "@cq/contracts";
