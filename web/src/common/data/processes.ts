/** The process configuration API (R6, R10): items, process drafts, their flowchart and agreements. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiGet, apiPost } from "../api/client.ts";

export const stepKinds = ["accept", "review", "decide", "co-handle", "offline", "third-party", "push", "deliver"] as const;
export type StepKind = (typeof stepKinds)[number];
/** A role a step names; which ones a process may use comes from the server (GET /api/me abilities). */
export type StepRole = string;

/** One step of a process definition as the admin API takes and returns it. */
export interface StepDef {
  id: string;
  name: string;
  kind: StepKind;
  /** null: the lead department. */
  departmentId: string | null;
  role: StepRole;
  workingDays: number;
  staffId?: string | null;
  clockStops?: boolean;
}

export interface ProcessDef {
  steps: StepDef[];
  assistingDepartmentIds: string[];
}

export type AgreementStatus = "pending" | "agreed" | "rejected";

export interface Agreement {
  departmentId: string;
  departmentName: string;
  status: AgreementStatus;
  note: string | null;
}

export interface ProcessDraft extends ProcessDef {
  id: string;
  status: "draft" | "awaiting-agreement" | string;
  updatedAt?: string;
  agreements: Agreement[];
}

export interface AdminItem {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  version: number;
  promisedDays: number;
  versionCreatedAt?: string;
}

export interface ItemProcess {
  item: { id: string; code: string; name: string; version: number; departmentId: string; promisedDays: number };
  current: ProcessDef;
  drafts: ProcessDraft[];
}

export interface PendingAgreement {
  draftId: string;
  departmentId: string;
  itemId: string;
  itemName: string;
  leadDepartment: string;
  steps: StepDef[];
  assistingDepartmentIds: string[];
}

export interface ProcessProblem {
  stepId?: string;
  problem: string;
}

export interface DepartmentOption {
  id: string;
  name: string;
  shortName?: string;
  regionCode: string;
  regionName: string;
}

export const processKeys = {
  all: ["admin"] as const,
  items: ["admin", "items"] as const,
  process: (itemId: string) => ["admin", "process", itemId] as const,
  flowchart: (body: string) => ["admin", "flowchart-preview", body] as const,
  agreements: ["admin", "process-agreements"] as const,
};

/** The items the department admin configures. */
export function useAdminItems() {
  return useQuery({
    queryKey: processKeys.items,
    queryFn: ({ signal }) => apiGet<{ items: AdminItem[] }>("/api/admin/items", undefined, signal),
  });
}

/** An item's process: the current one and its drafts. While other departments are being asked, their answers show up without a reload. */
export function useItemProcess(itemId: string) {
  return useQuery({
    queryKey: processKeys.process(itemId),
    queryFn: ({ signal }) => apiGet<ItemProcess>(`/api/admin/items/${encodeURIComponent(itemId)}/process`, undefined, signal),
    refetchInterval: (q) => (q.state.data?.drafts.some((d) => d.status === "awaiting-agreement") ? 30_000 : false),
  });
}

/** The flowchart (SVG text) of a process body given as JSON; the last good drawing stays while the next loads. */
export function useFlowchartPreview(json: string, enabled: boolean) {
  return useQuery({
    queryKey: processKeys.flowchart(json),
    queryFn: ({ signal }) => api<string>("/api/admin/flowchart-preview", { method: "POST", body: JSON.parse(json) as unknown, signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}

/** Process changes waiting for the caller's departments to agree. */
export function useProcessAgreements() {
  return useQuery({
    queryKey: processKeys.agreements,
    queryFn: ({ signal }) => apiGet<{ items: PendingAgreement[] }>("/api/admin/process-agreements", undefined, signal),
  });
}

/** After a change to a draft: every configuration view is stale. */
export function useRefreshProcesses() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: processKeys.all });
}

export const processCommands = {
  /** Saves a new draft, or the given one. */
  saveDraft: (itemId: string, draftId: string | null, body: ProcessDef) => {
    const base = `/api/admin/items/${encodeURIComponent(itemId)}/process-drafts`;
    return apiPost<{ id: string }>(draftId ? `${base}/${encodeURIComponent(draftId)}` : base, body);
  },
  submitDraft: (draftId: string) => apiPost<{ id: string; status: string; version?: number }>(`/api/admin/process-drafts/${encodeURIComponent(draftId)}/submit`),
  publishDraft: (draftId: string) => apiPost<{ version: number }>(`/api/admin/process-drafts/${encodeURIComponent(draftId)}/publish`),
};

/** One department's answer to a process change (R10). */
export function useAnswerAgreement(request: Pick<PendingAgreement, "draftId" | "departmentId">, onDone: (decision: "agreed" | "rejected") => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, note }: { decision: "agreed" | "rejected"; note?: string }) =>
      apiPost(`/api/admin/process-drafts/${encodeURIComponent(request.draftId)}/agreements`, { departmentId: request.departmentId, decision, ...(note ? { note } : {}) }),
    onSuccess: (_, { decision }) => {
      void queryClient.invalidateQueries({ queryKey: processKeys.agreements });
      onDone(decision);
    },
  });
}
