import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { apiGet } from "../api/client.ts";
import type { ApplicantType, Department, ItemGuide, ItemSummary, Page, Region } from "../api/types.ts";

export interface ItemFilters {
  q?: string;
  regionCode?: string;
  departmentId?: string;
  applicantType?: ApplicantType | "";
}

export function useRegions() {
  return useQuery({
    queryKey: ["catalog", "regions"],
    queryFn: ({ signal }) => apiGet<Page<Region>>("/api/catalog/regions", undefined, signal),
    staleTime: 10 * 60_000,
  });
}

export function useDepartments(regionCode?: string) {
  return useQuery({
    queryKey: ["catalog", "departments", regionCode ?? ""],
    queryFn: ({ signal }) => apiGet<Page<Department>>("/api/catalog/departments", { regionCode }, signal),
    staleTime: 10 * 60_000,
  });
}

export function useItems(filters: ItemFilters, limit = 20) {
  return useInfiniteQuery({
    queryKey: ["catalog", "items", filters, limit],
    queryFn: ({ signal, pageParam }) =>
      apiGet<Page<ItemSummary>>("/api/catalog/items", { ...filters, limit, cursor: pageParam }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useItem(id: string | undefined) {
  return useQuery({
    queryKey: ["catalog", "item", id],
    queryFn: ({ signal }) => apiGet<ItemGuide>(`/api/catalog/items/${encodeURIComponent(id ?? "")}`, undefined, signal),
    enabled: Boolean(id),
  });
}
