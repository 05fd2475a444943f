/** The process configuration API (R6, R10): items, process drafts, their flowchart and agreements. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiGet, apiPost } from "../api/client.ts";
import type { AdminItem, Created, ItemProcess, PendingAgreement, List, ProcessDraftPublished, ProcessDraftSubmitted, ProcessStep } from "@cq/contracts";

/** A process body as the admin API takes it (a draft to save, a flowchart to draw). */
export interface ProcessDef {
  steps: ProcessStep[];
  assistingDepartmentIds: string[];
}

export interface ProcessProblem {
  stepId?: string;
  problem: string;
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
    queryFn: ({ signal }) => apiGet<List<AdminItem>>("/api/admin/items", undefined, signal),
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
    queryFn: ({ signal }) => apiGet<List<PendingAgreement>>("/api/admin/process-agreements", undefined, signal),
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
    return apiPost<Created>(draftId ? `${base}/${encodeURIComponent(draftId)}` : base, body);
  },
  submitDraft: (draftId: string) => apiPost<ProcessDraftSubmitted>(`/api/admin/process-drafts/${encodeURIComponent(draftId)}/submit`),
  publishDraft: (draftId: string) => apiPost<ProcessDraftPublished>(`/api/admin/process-drafts/${encodeURIComponent(draftId)}/publish`),
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

export type { AdminItem, AgreementStatus, Department, ItemProcess, PendingAgreement, ProcessAgreement, ProcessDraft, ProcessStep, StepKind, StepRole } from "@cq/contracts";
export { stepKinds } from "@cq/contracts";
