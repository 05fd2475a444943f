/** Shapes and queries of the staff administration API (docs/staff-administration.md; R14, R16, R17). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPost } from "../api/client.ts";
import type { List, StaffChange, StaffChangeRequest, StaffChangeStatus, StaffDetail, StaffList, TrainingRecordRequest, TrainingRecorded } from "@cq/contracts";

/** POST /api/admin/staff/:id/training */
export type { TrainingRecordRequest };


export const staffKeys = {
  all: ["admin", "staff"] as const,
  list: (filters: { departmentId?: string | undefined; q?: string | undefined }) =>
    ["admin", "staff", "list", filters.departmentId ?? "", filters.q ?? ""] as const,
  detail: (id: string) => ["admin", "staff", "detail", id] as const,
  changes: ["admin", "staff-changes"] as const,
  changesBy: (status: StaffChangeStatus | "") => ["admin", "staff-changes", status] as const,
};

export function useStaffList(filters: { departmentId?: string | undefined; q?: string | undefined }) {
  return useQuery({
    queryKey: staffKeys.list(filters),
    queryFn: ({ signal }) => apiGet<StaffList>("/api/admin/staff", { departmentId: filters.departmentId, q: filters.q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useStaffDetail(id: string) {
  return useQuery({
    queryKey: staffKeys.detail(id),
    queryFn: ({ signal }) => apiGet<StaffDetail>(`/api/admin/staff/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useStaffChanges(status: StaffChangeStatus | "") {
  return useQuery({
    queryKey: staffKeys.changesBy(status),
    queryFn: ({ signal }) => apiGet<List<StaffChange>>("/api/admin/staff-changes", { status }, signal),
  });
}

/** After any write: the staff list, the open staff member and the change lists are stale. */
export function useRefreshStaff() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: staffKeys.all }),
      queryClient.invalidateQueries({ queryKey: staffKeys.changes }),
    ]);
}

/** Files a change request; it waits for a second person's approval. */
export function useFileChange(onDone: (change: StaffChange) => void) {
  const refresh = useRefreshStaff();
  return useMutation({
    mutationFn: (body: StaffChangeRequest) => apiPost<StaffChange>("/api/admin/staff-changes", body),
    onSuccess: (change) => {
      void refresh();
      onDone(change);
    },
  });
}

export function useRecordTraining(staffId: string, onDone: () => void) {
  const refresh = useRefreshStaff();
  return useMutation({
    mutationFn: (body: TrainingRecordRequest) =>
      apiPost<TrainingRecorded>(`/api/admin/staff/${encodeURIComponent(staffId)}/training`, body),
    onSuccess: () => {
      void refresh();
      onDone();
    },
  });
}

export type Decision = { action: "approve"; note?: string } | { action: "reject"; reason: string } | { action: "withdraw" };

export function useDecideChange(changeId: string, onDone: (decision: Decision) => void) {
  const refresh = useRefreshStaff();
  return useMutation({
    mutationFn: (decision: Decision) => {
      const path = `/api/admin/staff-changes/${encodeURIComponent(changeId)}/${decision.action}`;
      if (decision.action === "approve") return apiPost<StaffChange>(path, decision.note ? { note: decision.note } : {});
      if (decision.action === "reject") return apiPost<StaffChange>(path, { reason: decision.reason });
      return apiPost<StaffChange>(path, {});
    },
    onSuccess: (_, decision) => {
      void refresh();
      onDone(decision);
    },
  });
}

export type { StaffChange, StaffChangeKind, StaffChangeRequest, StaffChangeStatus, StaffDetail, StaffList, StaffMember, StaffRoleGrant, TrainingRecord } from "@cq/contracts";
/** A department in the caller's scope (the staff list sends them). */
export type ScopeDepartment = StaffList["departments"][number];
