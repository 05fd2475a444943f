import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../../common/api/client.ts";
import type { PublicDepartment } from "./model.ts";

/** A department's public page: contact, items and the figures of the last year (no login). */
export function usePublicDepartment(id: string | undefined) {
  return useQuery({
    queryKey: ["public", "department", id],
    queryFn: ({ signal }) => apiGet<PublicDepartment>(`/api/public/departments/${encodeURIComponent(id ?? "")}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}
