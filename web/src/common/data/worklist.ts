/** The worklist (待办, R15): what the signed-in staff member or their role queues may act on now. */
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api/client.ts";
import type { WorklistItem } from "../api/types.ts";

/** A worklist row as the server sends it, with the task's own state. */
export type WorklistRow = WorklistItem & { caseStatus?: string; claimedByMe?: boolean; openedAt?: string; channel?: string };

export const worklistKeys = {
  all: ["worklist"] as const,
  list: (kind: string, itemId: string) => ["worklist", kind, itemId] as const,
};

export function useWorklist(kind: string, itemId: string) {
  return useQuery({
    queryKey: worklistKeys.list(kind, itemId),
    queryFn: ({ signal }) => apiGet<{ items: WorklistRow[]; counts: { total: number; yellow: number; red: number } }>("/api/worklist", { kind, itemId }, signal),
    refetchInterval: 60_000,
  });
}

// The shapes pages use, from here, so that they change in one place.
export type { WorklistItem } from "../api/types.ts";
