/** The supervision API (效能监管, R35–R38) and the audit trail (R40): shapes, queries, commands. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dayjs from "dayjs";
import { apiGet, apiPost, withQuery } from "../api/client.ts";
import type { AuditPage, AuditStaffList, DepartmentStaffStats, EscalationStatus, Light, AuditVerification, Escalation, EscalationRaised, List, MyEscalation, OffplatformFlag, Page, SupervisedCase, SupervisionStats } from "@cq/contracts";

export const supervisionKeys = {
  all: ["supervision"] as const,
  stats: (fromDay: string, toDay: string) => ["supervision", "stats", fromDay, toDay] as const,
  staffStats: (departmentId: string, fromDay: string, toDay: string) => ["supervision", "staff-stats", departmentId, fromDay, toDay] as const,
  cases: (light: string, departmentId: string | undefined) => ["supervision", "cases", light, departmentId ?? ""] as const,
  flags: ["supervision", "flags"] as const,
  escalations: (status: string) => ["supervision", "escalations", status] as const,
  myEscalations: ["supervision", "my-escalations"] as const,
  audit: (filters: object) => ["audit", filters] as const,
};

/** A day (YYYY-MM-DD) as the instant it starts in Beijing. */
const startOfDay = (day: string) => `${day}T00:00:00+08:00`;
/** A period of whole days as instants: from the first day's start up to the start of the day after the last. */
const period = (fromDay: string, toDay: string) => ({
  from: fromDay ? startOfDay(fromDay) : undefined,
  to: toDay ? startOfDay(dayjs(toDay).add(1, "day").format("YYYY-MM-DD")) : undefined,
});

/** The figures per department and the monthly trend, over whole days (empty: the server's default year). */
export function useSupervisionStats(fromDay: string, toDay: string) {
  return useQuery({
    queryKey: supervisionKeys.stats(fromDay, toDay),
    queryFn: ({ signal }) => apiGet<SupervisionStats>("/api/supervision/stats", period(fromDay, toDay), signal),
    refetchInterval: 5 * 60_000,
  });
}

/** Each staff member who handled one department's cases over whole days (empty: the server's default year). */
export function useStaffStats(departmentId: string, fromDay: string, toDay: string) {
  return useQuery({
    queryKey: supervisionKeys.staffStats(departmentId, fromDay, toDay),
    queryFn: ({ signal }) => apiGet<DepartmentStaffStats>(`/api/supervision/departments/${encodeURIComponent(departmentId)}/staff-stats`, period(fromDay, toDay), signal),
  });
}

/** Yellow or red cases, of one department or all in scope. */
/** A light that calls for attention. */
export type WarningLight = Exclude<Light, "green">;

export function useLightCases(light: WarningLight, departmentId: string | undefined) {
  return useQuery({
    queryKey: supervisionKeys.cases(light, departmentId),
    queryFn: ({ signal }) => apiGet<Page<SupervisedCase>>("/api/supervision/cases", { light, departmentId }, signal),
  });
}

/** Off-platform flags (体外循环). */
export function useFlags() {
  return useQuery({
    queryKey: supervisionKeys.flags,
    queryFn: ({ signal }) => apiGet<List<OffplatformFlag>>("/api/supervision/flags", { limit: 500 }, signal),
  });
}

/** Every escalation in the caller's scope, open, answered or both (""). */
export function useEscalations(status: EscalationStatus | "") {
  return useQuery({
    queryKey: supervisionKeys.escalations(status),
    queryFn: ({ signal }) => apiGet<List<Escalation>>("/api/supervision/escalations", { status }, signal),
  });
}

/** Open escalations (挂号督办) of the caller's departments. */
export function useMyEscalations<T extends MyEscalation = MyEscalation>(options: { staleTime?: number; retry?: boolean } = {}) {
  return useQuery({
    queryKey: supervisionKeys.myEscalations,
    queryFn: ({ signal }) => apiGet<List<T>>("/api/supervision/my-escalations", undefined, signal),
    ...options,
  });
}

/** After an escalation or an answer: every supervision list is stale. */
function useRefreshSupervision() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: supervisionKeys.all });
}

export const escalationCommands = {
  escalate: (caseId: string, note: string) => apiPost<EscalationRaised>("/api/supervision/escalations", { caseId, note }),
  respond: (escalationId: string, text: string) => apiPost(`/api/supervision/escalations/${encodeURIComponent(escalationId)}/response`, { text }),
};

/** 挂号督办 (R36). */
export function useEscalate(onDone: (out: EscalationRaised) => void) {
  const refresh = useRefreshSupervision();
  return useMutation({
    mutationFn: (v: { caseId: string; note: string }) => escalationCommands.escalate(v.caseId, v.note),
    onSuccess: (out) => {
      void refresh();
      onDone(out);
    },
  });
}

/** The department's answer to an escalation. */
export function useRespondToEscalation(escalationId: string, onDone: () => void) {
  const refresh = useRefreshSupervision();
  return useMutation({
    mutationFn: (text: string) => escalationCommands.respond(escalationId, text),
    onSuccess: () => {
      void refresh();
      onDone();
    },
  });
}

export interface AuditFilters {
  /** The case by its supervision code or reference number. */
  code: string;
  departmentId: string;
  actorId: string;
  from: string;
  to: string;
  limit: number;
}

/** The audit trail, page by page, over whole days. */
export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: supervisionKeys.audit(filters),
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) =>
      apiGet<AuditPage>(
        "/api/audit",
        { code: filters.code.trim(), departmentId: filters.departmentId, actorId: filters.actorId.trim(), ...period(filters.from, filters.to), limit: filters.limit, cursor: pageParam || undefined },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Staff to choose from in the audit search, by name within a department. */
export function useAuditStaff(q: string, departmentId: string) {
  return useQuery({
    queryKey: ["audit", "staff", q, departmentId] as const,
    queryFn: ({ signal }) => apiGet<AuditStaffList>("/api/audit/staff", { q: q.trim(), departmentId }, signal),
    staleTime: 60_000,
  });
}

/** Checks the audit trail's hash chain. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => apiGet<AuditVerification>("/api/audit/verify") });
}

/** The monthly report (月度效能报告) of `month` (YYYY-MM) as a link: PDF or CSV. */
export const monthlyReportUrl = (month: string, format: "pdf" | "csv") => withQuery("/api/supervision/reports/monthly", { month, format });

export type { AuditEntry, AuditVerification, DepartmentStaffStats, DepartmentStats, StaffHandlingStats, Escalation, EscalationRaised, MyEscalation, OffplatformFlag, OffplatformFlagKind, SupervisedCase, SupervisionStats } from "@cq/contracts";
export type TrendPoint = SupervisionStats["trend"][number];
