import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { apiGet } from "../api/client.ts";
import type { ApplicantType, Department, ItemGuide, ItemSummary, List, Page, PublicHallList, Region } from "@cq/contracts";

/** The public catalog (办事指南): regions, departments, items and their guides. */
export const catalogKeys = {
  all: ["catalog"] as const,
  regions: ["catalog", "regions"] as const,
  departments: (regionCode?: string) => ["catalog", "departments", regionCode ?? ""] as const,
  departmentOptions: ["catalog", "departments"] as const,
  items: (filters: ItemFilters, limit: number) => ["catalog", "items", filters, limit] as const,
  hallItems: (q: string, departmentId: string | undefined, applicantType: ApplicantType | null) => ["catalog", "items", "hall", q, departmentId ?? "", applicantType ?? ""] as const,
  item: (id: string | undefined) => ["catalog", "item", id] as const,
};

export interface ItemFilters {
  q?: string;
  regionCode?: string;
  departmentId?: string;
  applicantType?: ApplicantType | "";
}

export function useRegions() {
  return useQuery({
    queryKey: catalogKeys.regions,
    queryFn: ({ signal }) => apiGet<List<Region>>("/api/catalog/regions", undefined, signal),
    staleTime: 10 * 60_000,
  });
}

export function useDepartments(regionCode?: string) {
  return useQuery({
    queryKey: catalogKeys.departments(regionCode),
    queryFn: ({ signal }) => apiGet<List<Department>>("/api/catalog/departments", { regionCode }, signal),
    staleTime: 10 * 60_000,
  });
}

export function useItems(filters: ItemFilters, limit = 20) {
  return useInfiniteQuery({
    queryKey: catalogKeys.items(filters, limit),
    queryFn: ({ signal, pageParam }) =>
      apiGet<Page<ItemSummary>>("/api/catalog/items", { ...filters, limit, cursor: pageParam }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useItem(id: string | undefined, options: { staleTime?: number } = {}) {
  return useQuery({
    queryKey: catalogKeys.item(id),
    queryFn: ({ signal }) => apiGet<ItemGuide>(`/api/catalog/items/${encodeURIComponent(id ?? "")}`, undefined, signal),
    enabled: Boolean(id),
    ...options,
  });
}

/** Every department, for selects and to name ids (cached long). */
export function useDepartmentOptions() {
  return useQuery({
    queryKey: catalogKeys.departmentOptions,
    queryFn: ({ signal }) => apiGet<List<Department>>("/api/catalog/departments", undefined, signal),
    staleTime: 10 * 60_000,
    select: (d) => d.items,
  });
}

/** Items a hall clerk may register for this applicant, in the clerk's departments. */
/** Items the hall may register for the applicant: of their type when it is known. */
export function useHallItems(q: string, departmentId: string | undefined, applicantType: ApplicantType | null) {
  return useQuery({
    queryKey: catalogKeys.hallItems(q, departmentId, applicantType),
    queryFn: ({ signal }) => apiGet<Page<ItemSummary>>("/api/catalog/items", { q, departmentId, applicantType: applicantType ?? undefined, limit: 50 }, signal),
  });
}

// The shapes pages use, from here, so that they change in one place.
export type { ApplicantType, Department, FormField, GuideStep, ItemGuide, ItemSummary, Material, Ref, Region } from "@cq/contracts";

/** The open service halls of a region: where a hall-only item is handled (R2). */
export function useHalls(regionCode: string | undefined) {
  return useQuery({
    queryKey: ["catalog", "halls", regionCode],
    queryFn: ({ signal }) => apiGet<PublicHallList>("/api/catalog/halls", { regionCode: regionCode! }, signal),
    enabled: !!regionCode,
    staleTime: 10 * 60_000,
  });
}
