/** The worklist (待办, R15): what the signed-in staff member or their role queues may act on now. */
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api/client.ts";
import type { Worklist, WorklistItem } from "@cq/contracts";

type TaskItem = Extract<WorklistItem, { taskId: string }>;
type AcceptItem = Exclude<WorklistItem, TaskItem>;
/** A worklist line for tables and cards: a task or a case waiting for acceptance, each with the other's fields absent (so either can be read the same way). */
export type WorklistRow = (TaskItem & { [K in Exclude<keyof AcceptItem, keyof TaskItem>]?: undefined }) | (AcceptItem & { [K in Exclude<keyof TaskItem, keyof AcceptItem>]?: undefined });

export const worklistKeys = {
  all: ["worklist"] as const,
  list: (kind: string, itemId: string) => ["worklist", kind, itemId] as const,
};

export function useWorklist(kind: string, itemId: string) {
  return useQuery({
    queryKey: worklistKeys.list(kind, itemId),
    queryFn: ({ signal }) => apiGet<{ items: WorklistRow[]; counts: Worklist["counts"] }>("/api/worklist", { kind, itemId }, signal),
    refetchInterval: 60_000,
  });
}

// The shapes pages use, from here, so that they change in one place.
export type { Worklist, WorklistItem } from "@cq/contracts";
