/** Regions, departments and service halls as their administrators see them (docs/api-additions.md, R14). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AdminDepartment, AdminDepartmentList, AdminHall, AdminHallList, AdminRegion, AdminRegionList, Created, DepartmentCreateRequest,
  DepartmentUpdateRequest, HallCreateRequest, HallUpdateRequest, RegionCreateRequest,
} from "@cq/contracts";
import { apiGet, apiPatch, apiPost } from "../api/client.ts";
import { catalogKeys } from "./catalog.ts";

export type { AdminDepartment, AdminHall, AdminRegion, DepartmentUpdateRequest, HallUpdateRequest };

export const organizationKeys = {
  all: ["admin", "organization"] as const,
  regions: ["admin", "organization", "regions"] as const,
  departments: ["admin", "organization", "departments"] as const,
  halls: ["admin", "organization", "halls"] as const,
};

export function useAdminRegions() {
  return useQuery({ queryKey: organizationKeys.regions, queryFn: ({ signal }) => apiGet<AdminRegionList>("/api/admin/regions", undefined, signal) });
}

export function useAdminDepartments() {
  return useQuery({ queryKey: organizationKeys.departments, queryFn: ({ signal }) => apiGet<AdminDepartmentList>("/api/admin/departments", undefined, signal) });
}

export function useAdminHalls() {
  return useQuery({ queryKey: organizationKeys.halls, queryFn: ({ signal }) => apiGet<AdminHallList>("/api/admin/halls", undefined, signal) });
}

/**
 * A write of the organization; afterwards the organization lists are stale, and so is the public
 * catalog's list of regions and departments.
 */
function useOrganizationWrite<I, O>(write: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: organizationKeys.all }),
        queryClient.invalidateQueries({ queryKey: catalogKeys.regions }),
        queryClient.invalidateQueries({ queryKey: catalogKeys.departmentOptions }),
      ]),
  });
}

export const useCreateRegion = () => useOrganizationWrite((body: RegionCreateRequest) => apiPost<AdminRegion>("/api/admin/regions", body));
export const useCreateDepartment = () => useOrganizationWrite((body: DepartmentCreateRequest) => apiPost<Created>("/api/admin/departments", body));
export const useUpdateDepartment = () =>
  useOrganizationWrite(({ id, ...body }: DepartmentUpdateRequest & { id: string }) => apiPatch<AdminDepartment>(`/api/admin/departments/${encodeURIComponent(id)}`, body));
export const useCreateHall = () => useOrganizationWrite((body: HallCreateRequest) => apiPost<Created>("/api/admin/halls", body));
export const useUpdateHall = () =>
  useOrganizationWrite(({ id, ...body }: HallUpdateRequest & { id: string }) => apiPatch<AdminHall>(`/api/admin/halls/${encodeURIComponent(id)}`, body));
