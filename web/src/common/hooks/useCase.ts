import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api/client.ts";
import type { CaseDetail } from "../api/types.ts";

export const caseQueryKey = (id: string | undefined) => ["case", id] as const;

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: caseQueryKey(id),
    queryFn: ({ signal }) => apiGet<CaseDetail>(`/api/cases/${encodeURIComponent(id ?? "")}`, undefined, signal),
    enabled: Boolean(id),
  });
}
