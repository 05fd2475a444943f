/** Shapes and queries of the staff administration API (docs/staff-administration.md; R14, R16, R17). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPost } from "../api/client.ts";

export interface StaffRole {
  id: string;
  role: string;
  departmentId: string | null;
  departmentName: string | null;
  regionCode: string | null;
}

export interface StaffSummary {
  id: string;
  username: string;
  name: string;
  /** Masked: 138****1234. */
  phone: string;
  department: { id: string; name: string } | null;
  regionCode: string | null;
  roles: StaffRole[];
  trained: boolean;
  trainedAt: string | null;
  disabled: boolean;
  pendingChangeId: string | null;
}

/** A department in the caller's scope. */
export interface ScopeDepartment {
  id: string;
  name: string;
  regionCode: string;
}

export interface StaffList {
  items: StaffSummary[];
  departments: ScopeDepartment[];
  canRequest: boolean;
}

export interface TrainingRecord {
  id: string;
  course: string;
  hours: number;
  completedOn: string;
  certificateNo: string | null;
  recordedBy: string;
  recordedAt: string;
}

export type ChangeKind = "create" | "update" | "grant-role" | "revoke-role" | "reset-password";
export type ChangeStatus = "pending" | "approved" | "rejected" | "withdrawn";

export interface StaffChange {
  id: string;
  kind: ChangeKind;
  status: ChangeStatus;
  staffId: string | null;
  staffName: string;
  department: { id: string; name: string } | null;
  /** The request's own part: `staff`, `changes`, `grant`, or `{ roleAssignmentId, role, departmentName, regionCode }`. */
  payload: unknown;
  reason: string;
  requestedBy: { id: string; name: string };
  requestedAt: string;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  decisionNote: string | null;
  canApprove: boolean;
  canWithdraw: boolean;
}

export interface StaffDetail extends StaffSummary {
  trainings: TrainingRecord[];
  changes: StaffChange[];
}

/** POST /api/admin/staff-changes, by kind. */
export type StaffChangeRequest =
  | {
      kind: "create";
      reason: string;
      staff: { username: string; name: string; phone: string; idNumber: string; departmentId: string; roles: string[] };
    }
  | { kind: "update"; reason: string; staffId: string; changes: { name?: string; phone?: string; disabled?: boolean } }
  | { kind: "grant-role"; reason: string; staffId: string; grant: { role: string; departmentId?: string; regionCode?: string } }
  | { kind: "revoke-role"; reason: string; staffId: string; roleAssignmentId: string }
  | { kind: "reset-password"; reason: string; staffId: string };

export interface TrainingRecordRequest {
  course: string;
  hours: number;
  completedOn: string;
  certificateNo?: string;
}

export const staffKeys = {
  all: ["admin", "staff"] as const,
  list: (filters: { departmentId?: string | undefined; q?: string | undefined }) =>
    ["admin", "staff", "list", filters.departmentId ?? "", filters.q ?? ""] as const,
  detail: (id: string) => ["admin", "staff", "detail", id] as const,
  changes: ["admin", "staff-changes"] as const,
  changesBy: (status: ChangeStatus | "") => ["admin", "staff-changes", status] as const,
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

export function useStaffChanges(status: ChangeStatus | "") {
  return useQuery({
    queryKey: staffKeys.changesBy(status),
    queryFn: ({ signal }) => apiGet<{ items: StaffChange[] }>("/api/admin/staff-changes", { status }, signal),
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
      apiPost<{ id: string; trainedAt: string }>(`/api/admin/staff/${encodeURIComponent(staffId)}/training`, body),
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
