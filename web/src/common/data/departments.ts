import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api/client.ts";
import type { PublicDepartment } from "@cq/contracts";

/** A department's public page: contact, items and the figures of the last year (no login). */
export function usePublicDepartment(id: string | undefined) {
  return useQuery({
    queryKey: ["public", "department", id],
    queryFn: ({ signal }) => apiGet<PublicDepartment>(`/api/public/departments/${encodeURIComponent(id ?? "")}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

export type { PublicDepartment } from "@cq/contracts";
/** Parts of the public page, named for the components that show them. */
export type DepartmentItem = PublicDepartment["items"][number];
export type DepartmentFigures = PublicDepartment["figures"];
export type MonthlyPoint = DepartmentFigures["monthly"][number];
