/** The supervision API (效能监管, R35–R38) and the audit trail (R40): shapes, queries, commands. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dayjs from "dayjs";
import { apiGet, apiPost, withQuery } from "../api/client.ts";
import type { Light, Page, Ref } from "../api/types.ts";
import type { EvaluationFigures } from "../engagement/model.ts";

export interface DepartmentStats {
  department: Ref;
  regionCode: string;
  regionName: string;
  received: number;
  accepted: number;
  closed: number;
  /** 0..1; null when nothing was closed in the period. */
  onTimeRate: number | null;
  averageWorkingDays: number | null;
  overdue: number;
  yellow: number;
  suspended: number;
  extended: number;
  deemedAccepted: number;
  escalationsOpen: number;
  /** Evaluations (好差评, R37) in the period; an older server sent null. */
  evaluations: EvaluationFigures | number | null;
}

export interface TrendPoint {
  month: string;
  received: number;
  closed: number;
  onTime: number;
}

export interface Stats {
  from?: string;
  to?: string;
  items: DepartmentStats[];
  trend: TrendPoint[];
}

export interface LightCase {
  caseId: string;
  supervisionCode: string | null;
  status: string;
  dueDate: string | null;
  light: Light;
  itemName: string;
  department: Ref;
  extended: boolean;
  escalated: boolean;
  explained: boolean;
}

export interface Escalation {
  id: string;
  caseId: string;
  supervisionCode?: string | null;
  itemName?: string;
  department?: Ref;
  automatic: boolean;
  note?: string | null;
  createdAt?: string;
  responseDueDate: string;
  light: Light | null;
  status?: "open" | "answered";
  response?: string;
  respondedAt?: string;
  /** Whether the signed-in person may answer it (the server's policy). */
  canAnswer?: boolean;
}

export type FlagKind = "burst-after-acceptance" | "decision-without-review" | "deemed-acceptance" | "certificate-without-code";

export interface Flag {
  id: string;
  kind: FlagKind | string;
  caseId: string | null;
  certificateNo: string | null;
  supervisionCode: string | null;
  itemName: string | null;
  department: Ref | null;
  evidence: unknown;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorKind: string | null;
  actorName: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  caseId: string | null;
  oldValues: unknown;
  newValues: unknown;
  hash: string;
}

export interface AuditVerify {
  ok: boolean;
  entries: number;
  firstBadEntry?: string;
}

/** One open escalation of the caller's departments (GET /api/supervision/my-escalations). */
export interface MyEscalation {
  id: string;
  caseId: string;
  supervisionCode?: string | null;
  itemName?: string;
  note?: string | null;
  automatic: boolean;
  responseDueDate: string;
  light?: Light | null;
  /** Whether the signed-in person may answer it (the server's policy). */
  canAnswer?: boolean;
}

export const supervisionKeys = {
  all: ["supervision"] as const,
  stats: (fromDay: string, toDay: string) => ["supervision", "stats", fromDay, toDay] as const,
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
    queryFn: ({ signal }) => apiGet<Stats>("/api/supervision/stats", period(fromDay, toDay), signal),
    refetchInterval: 5 * 60_000,
  });
}

/** Yellow or red cases, of one department or all in scope. */
export function useLightCases(light: "yellow" | "red", departmentId: string | undefined) {
  return useQuery({
    queryKey: supervisionKeys.cases(light, departmentId),
    queryFn: ({ signal }) => apiGet<{ items: LightCase[] }>("/api/supervision/cases", { light, departmentId }, signal),
  });
}

/** Off-platform flags (体外循环). */
export function useFlags() {
  return useQuery({
    queryKey: supervisionKeys.flags,
    queryFn: ({ signal }) => apiGet<{ items: Flag[] }>("/api/supervision/flags", { limit: 500 }, signal),
  });
}

/** Every escalation in the caller's scope, open, answered or both (""). */
export function useEscalations(status: "" | "open" | "answered") {
  return useQuery({
    queryKey: supervisionKeys.escalations(status),
    queryFn: ({ signal }) => apiGet<{ items: Escalation[] }>("/api/supervision/escalations", { status }, signal),
  });
}

/** Open escalations (挂号督办) of the caller's departments. */
export function useMyEscalations<T extends MyEscalation = MyEscalation>(options: { staleTime?: number; retry?: boolean } = {}) {
  return useQuery({
    queryKey: supervisionKeys.myEscalations,
    queryFn: ({ signal }) => apiGet<{ items: T[] }>("/api/supervision/my-escalations", undefined, signal),
    ...options,
  });
}

/** After an escalation or an answer: every supervision list is stale. */
function useRefreshSupervision() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: supervisionKeys.all });
}

export const escalationCommands = {
  escalate: (caseId: string, note: string) => apiPost<{ id: string; responseDueDate: string } | null>("/api/supervision/escalations", { caseId, note }),
  respond: (escalationId: string, text: string) => apiPost(`/api/supervision/escalations/${encodeURIComponent(escalationId)}/response`, { text }),
};

/** 挂号督办 (R36). */
export function useEscalate(onDone: (out: { id: string; responseDueDate: string } | null) => void) {
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
  caseId: string;
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
      apiGet<Page<AuditEntry>>(
        "/api/audit",
        { caseId: filters.caseId.trim(), actorId: filters.actorId.trim(), ...period(filters.from, filters.to), limit: filters.limit, cursor: pageParam || undefined },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Checks the audit trail's hash chain. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => apiGet<AuditVerify>("/api/audit/verify") });
}

/** The monthly report (月度效能报告) of `month` (YYYY-MM) as a link: PDF or CSV. */
export const monthlyReportUrl = (month: string, format: "pdf" | "csv") => withQuery("/api/supervision/reports/monthly", { month, format });
