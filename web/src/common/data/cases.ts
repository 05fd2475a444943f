/**
 * Cases (办件): the case file, my cases, public progress, and every command on a case. After a
 * command, `useRefreshCase` marks stale what the command may have changed — the case, its tasks
 * (part of the case file), the worklist, my cases, the inbox and my escalations — in this one place.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiDelete, apiGet, apiPost, uploadMaterial } from "../api/client.ts";
import { inboxKeys } from "./inbox.ts";
import { supervisionKeys } from "./supervision.ts";
import { worklistKeys } from "./worklist.ts";
import type { DeliveryChoiceRequest, DeliveryChoiceSaved } from "@cq/contracts";
import type { AcceptResult, CertificateDraft, CaseCreated, Created, CaseDetail, CaseListItem, CaseResult, CaseTask, DecisionResult, ExtensionGranted, HandoverRegistered, NotAcceptResult, Page, PublicProgress, ResultRecorded, SupplementNotice, SupplementNoticeResult } from "@cq/contracts";
import type { FormData } from "../formData.ts";

export const caseKeys = {
  /** Every list of cases (my cases, the complaint form's case choice). */
  lists: ["cases"] as const,
  mine: ["cases", "mine"] as const,
  complaintOptions: ["cases", "mine", "complaint-options"] as const,
  detail: (id: string | undefined) => ["case", id] as const,
  progress: (code: string) => ["public", "progress", code] as const,
};

const path = (id: string, tail = "") => `/api/cases/${encodeURIComponent(id)}${tail ? `/${tail}` : ""}`;

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => apiGet<CaseDetail>(path(id ?? ""), undefined, signal),
    enabled: Boolean(id),
  });
}

/** The certificate an approval of the case would issue, its particulars pre-filled by the server (the decider's dialog). */
export function useCertificateDraft(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...caseKeys.detail(id), "certificate-draft"] as const,
    queryFn: ({ signal }) => apiGet<CertificateDraft>(path(id, "certificate-draft"), undefined, signal),
    enabled,
  });
}

/** 我的办件: the applicant's own cases, page by page. */
export function useMyCases() {
  return useInfiniteQuery({
    queryKey: caseKeys.mine,
    queryFn: ({ signal, pageParam }) => apiGet<Page<CaseListItem>>("/api/cases", { mine: 1, cursor: pageParam }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The applicant's cases a complaint may name: drafts left out. */
export function useMyCaseOptions() {
  return useQuery({
    queryKey: caseKeys.complaintOptions,
    queryFn: ({ signal }) => apiGet<Page<CaseListItem>>("/api/cases", { mine: 1, limit: 100 }, signal),
    select: (page) => page.items.filter((c) => c.status !== "draft"),
  });
}

/** Progress by supervision code (no login). */
export function useProgress(code: string) {
  return useQuery({
    queryKey: caseKeys.progress(code),
    queryFn: ({ signal }) => apiGet<PublicProgress>(`/api/public/progress/${encodeURIComponent(code)}`, undefined, signal),
  });
}

/** After a command on a case: everything that shows the case is stale. */
export function useRefreshCase() {
  const queryClient = useQueryClient();
  return (caseId: string | undefined) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
      queryClient.invalidateQueries({ queryKey: caseKeys.lists }),
      queryClient.invalidateQueries({ queryKey: worklistKeys.all }),
      queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
      queryClient.invalidateQueries({ queryKey: supervisionKeys.myEscalations }),
    ]);
}

/**
 * A command on a case as a mutation: runs `command`, calls `onSuccess` or `onError`, then refreshes
 * everything showing the case — after a refusal too, since the case may have moved on meanwhile
 * (the mutation stays pending until that is done).
 */
export function useCaseCommand<TVars, TResult>(
  caseId: string | undefined,
  command: (vars: TVars) => Promise<TResult>,
  options: { onSuccess?: (result: TResult, vars: TVars) => void; onError?: (error: Error) => void } = {},
) {
  const refresh = useRefreshCase();
  return useMutation<TResult, Error, TVars>({
    mutationFn: command,
    onSuccess: (result, vars) => options.onSuccess?.(result, vars),
    onError: (error) => options.onError?.(error),
    onSettled: async () => {
      await refresh(caseId);
    },
  });
}

/** Saves the application form: into the draft `caseId`, or a new draft of the item; `onSuccess` gets the case id. */
export function useSaveApplication(itemId: string, caseId: string | undefined, options: { onSuccess: (id: string) => void; onError: (error: Error) => void }) {
  const refresh = useRefreshCase();
  return useMutation({
    mutationFn: async (formData: FormData) => {
      if (caseId) {
        await caseCommands.saveForm(caseId, formData);
        return caseId;
      }
      return (await caseCommands.create({ itemId, formData })).id;
    },
    onSuccess: (id) => {
      options.onSuccess(id);
      void refresh(id);
    },
    onError: options.onError,
  });
}

/** Opens a case (a draft); for a hall clerk, on behalf of `applicantId` (R20). */
export function useCreateCase(options: { onSuccess?: (created: CaseCreated) => void; onError?: (error: Error) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: caseCommands.create,
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      options.onSuccess?.(created);
    },
    onError: (error) => options.onError?.(error),
  });
}

/** The commands on a case, each one POST (R20–R31); the hooks above run them. */
export const caseCommands = {
  create: (body: { itemId: string; formData: FormData; applicantId?: string }) => apiPost<CaseCreated>("/api/cases", body),
  saveForm: (id: string, formData: FormData) => apiPost(path(id, "form"), { formData }),
  submit: (id: string) => apiPost(path(id, "submit")),
  withdraw: (id: string) => apiPost(path(id, "withdraw")),
  supplement: (id: string) => apiPost(path(id, "supplements")),
  accept: (id: string) => apiPost<AcceptResult>(path(id, "accept")),
  notAccept: (id: string, reasons: string[]) => apiPost<NotAcceptResult>(path(id, "not-accept"), { reasons }),
  requestSupplement: (id: string, items: unknown) => apiPost<SupplementNoticeResult>(path(id, "supplement-notice"), { items }),
  decide: (id: string, body: { result: CaseResult; reasons?: string; particulars?: Record<string, string> }) => apiPost<DecisionResult>(path(id, "decision"), body),
  deliver: (id: string, body: object) => apiPost(path(id, "deliver"), body),
  /** The applicant's choice of how to receive the result (送达方式). */
  chooseDelivery: (id: string, body: DeliveryChoiceRequest) => api<DeliveryChoiceSaved>(path(id, "delivery-choice"), { method: "PUT", body }),
  recordResult: (id: string, body: object) => apiPost<ResultRecorded>(path(id, "results"), body),
  suspend: (id: string, body: object) => apiPost<Created>(path(id, "suspensions"), body),
  endSuspension: (id: string, suspensionId: string) => apiPost(path(id, `suspensions/${encodeURIComponent(suspensionId)}/end`)),
  extend: (id: string, body: object) => apiPost<ExtensionGranted>(path(id, "extensions"), body),
  explain: (id: string, text: string) => apiPost(path(id, "explanations"), { text }),
  recordVerification: (id: string, body: object) => apiPost(path(id, "verifications"), body),
  recordThirdPartyResult: (id: string, body: object) => apiPost(path(id, "third-party-results"), body),
  registerHandover: (id: string, body: object) => apiPost<HandoverRegistered>(path(id, "handovers"), body),
  receiveHandover: (handoverId: string) => apiPost(`/api/handovers/${encodeURIComponent(handoverId)}/receive`),
  /** A material that cannot be digitized, recorded by the window that holds the original (R21). */
  recordOfflineMaterial: (id: string, materialId: string, note: string) => apiPost(path(id, "materials"), { materialId, offline: true, note }),
  /** A certificate from the library in place of an upload. */
  useCertificate: (id: string, materialId: string, certificateNo: string) => apiPost(path(id, "materials"), { materialId, certificateNo }),
  removeMaterial: (id: string, uploadId: string) => apiDelete(path(id, `materials/${encodeURIComponent(uploadId)}`)),
  /** One material file with upload progress (XHR). */
  uploadMaterial,
};

/** The latest supplement notice the applicant has not answered yet. */
export function openSupplementNotice(detail: Pick<CaseDetail, "supplementNotices">): SupplementNotice | undefined {
  return [...detail.supplementNotices].filter((n) => !n.answeredAt).sort((a, b) => b.round - a.round || b.createdAt.localeCompare(a.createdAt))[0];
}

/** Tasks in the order they were opened (the server's order, made explicit). */
export function tasksInOrder(detail: Pick<CaseDetail, "tasks">): CaseTask[] {
  return [...detail.tasks].sort((a, b) => a.openedAt.localeCompare(b.openedAt));
}

export const documentUrl = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

// The shapes pages use, from here, so that they change in one place.
export type { AcceptResult, CaseCreated, CaseDetail, DeliveryChoice, DeliveryChoiceRequest, PickupPlace, CertificateDraft, DraftParticular, CaseListItem, CaseMaterial, CaseRecord, CaseResult, CaseStatus, CaseTask, CaseUpload, Deadline, DecisionResult, Handover, Light, NotAcceptResult, PublicProgress, ReusedCertificate, SupplementNoticeResult, TaskAttachment, TaskOutcome, TimelineEntry } from "@cq/contracts";
export type { FormData } from "../formData.ts";

/** What happened at an offline step (现场踏勘, 专家评审, 听证…), as the web records it in a task's `record` (R28). */
export interface OfflineRecord {
  procedure: string;
  course: string;
  result: string;
  date?: string;
  participants?: string;
}
