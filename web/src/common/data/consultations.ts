/** Questions and suggestions (咨询建议, R33): the applicant's and the staff's lists, and the commands. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Consultation, ConsultationFiled, ConsultationList, ConsultationRequest, ConsultationsQuery, List } from "@cq/contracts";
import { apiGet, apiPost } from "../api/client.ts";

export const consultationKeys = {
  all: ["consultations"] as const,
  mine: ["consultations", "mine"] as const,
  list: (q: ConsultationsQuery) => ["consultations", "list", q] as const,
  one: (id: string) => ["consultations", "one", id] as const,
};

/** The applicant's own questions (我的咨询). */
export function useMyConsultations() {
  return useQuery({ queryKey: consultationKeys.mine, queryFn: ({ signal }) => apiGet<List<Consultation>>("/api/my/consultations", undefined, signal) });
}

/** The questions of the staff member's departments (or all, for the office), filtered. */
export function useConsultations(q: ConsultationsQuery, enabled = true) {
  return useQuery({
    queryKey: consultationKeys.list(q),
    queryFn: ({ signal }) => apiGet<ConsultationList>("/api/consultations", { ...q }, signal),
    enabled,
  });
}

/** One question, with whom it may be handed to (for who may). */
export function useConsultation(id: string | null) {
  return useQuery({
    queryKey: consultationKeys.one(id ?? ""),
    queryFn: ({ signal }) => apiGet<Consultation>(`/api/consultations/${encodeURIComponent(id ?? "")}`, undefined, signal),
    enabled: !!id,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: consultationKeys.all });
}

/** 我要咨询. */
export function useAskConsultation(onAsked: (created: ConsultationFiled) => void) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ConsultationRequest) => apiPost<ConsultationFiled>("/api/consultations", body),
    onSuccess: (created) => {
      void refresh();
      onAsked(created);
    },
  });
}

/** The answer (提交答复) or the handing over (转交); the lists are refreshed either way, also on a refusal. */
export function useConsultationCommand(id: string, onDone: () => void) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (c: { answer: string } | { assigneeId: string }) =>
      "answer" in c
        ? apiPost<Consultation>(`/api/consultations/${encodeURIComponent(id)}/reply`, { text: c.answer })
        : apiPost<Consultation>(`/api/consultations/${encodeURIComponent(id)}/assign`, { assigneeId: c.assigneeId }),
    onSuccess: () => onDone(),
    onSettled: () => void refresh(),
  });
}
