/** Complaints and evaluations (好差评, 投诉, R33, R37): lists and commands. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPost } from "../api/client.ts";
import type { Complaint, ComplaintFiled, EvaluationRecorded, List } from "@cq/contracts";
import type { ComplaintRequest } from "../engagement/model.ts";

export const complaintKeys = {
  all: ["complaints"] as const,
  mine: ["complaints", "mine"] as const,
  workbench: (status: string) => ["complaints", "workbench", status] as const,
};

/** The applicant's own complaints. */
export function useMyComplaints() {
  return useQuery({
    queryKey: complaintKeys.mine,
    queryFn: ({ signal }) => apiGet<List<Complaint>>("/api/complaints", undefined, signal),
  });
}

/** The complaints and bad-evaluation work orders the staff member answers or supervises. */
export function useComplaints<T = { items: Complaint[] }>(status: string, select?: (d: { items: Complaint[] }) => T) {
  return useQuery({
    queryKey: complaintKeys.workbench(status),
    queryFn: ({ signal }) => apiGet<List<Complaint>>("/api/complaints", { status }, signal),
    ...(select ? { select } : {}),
  });
}

/** Marks every complaint list stale (after a command, or a refusal that means they are out of date). */
export function useRefreshComplaints() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: complaintKeys.all });
}

/** 我要投诉. */
export function useFileComplaint(onFiled: (created: ComplaintFiled) => void) {
  const refresh = useRefreshComplaints();
  return useMutation({
    mutationFn: (body: ComplaintRequest) => apiPost<ComplaintFiled>("/api/complaints", body),
    onSuccess: (created) => {
      void refresh();
      onFiled(created);
    },
  });
}

/** The department's answer; a refusal because a colleague answered first also makes the lists stale. */
export function useReplyComplaint(complaintId: string, options: { onSuccess: () => void; onError?: (error: Error) => void }) {
  const refresh = useRefreshComplaints();
  return useMutation({
    mutationFn: (text: string) => apiPost<Complaint>(`/api/complaints/${encodeURIComponent(complaintId)}/reply`, { text }),
    onSuccess: () => {
      void refresh();
      options.onSuccess();
    },
    onError: (error) => options.onError?.(error),
  });
}

/** 评价本次服务; a bad rating opens a work order, so the complaint lists change too. */
export function useEvaluate<TBody extends object>(caseId: string, options: { onSuccess: (out: EvaluationRecorded, body: TBody) => void; onError: (error: Error) => void }) {
  const refreshComplaints = useRefreshComplaints();
  return useMutation({
    mutationFn: (body: TBody) => apiPost<EvaluationRecorded>(`/api/cases/${encodeURIComponent(caseId)}/evaluation`, body),
    onSuccess: (out, body) => {
      if (out.workOrderId) void refreshComplaints();
      options.onSuccess(out, body);
    },
    onError: (error) => options.onError(error),
  });
}
