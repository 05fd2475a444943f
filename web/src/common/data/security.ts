import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OwnSessionList, TotpConfirmed, TotpEnrollment } from "@cq/contracts";
import { apiDelete, apiGet, apiPost } from "../api/client.ts";
import { meQueryKey } from "./me.ts";

// A staff member's own security: the second factor (TOTP) and the sessions (POST /api/auth/totp/*, /api/me/sessions).

const sessionsKey = ["me", "sessions"] as const;

export function useTotpEnroll() {
  return useMutation({ mutationFn: () => apiPost<TotpEnrollment>("/api/auth/totp/enroll") });
}

/** Confirms the authenticator with a code; the account's roles then act (where a second factor is required). */
export function useTotpConfirm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiPost<TotpConfirmed>("/api/auth/totp/confirm", { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

export function useOwnSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: ({ signal }) => apiGet<OwnSessionList>("/api/me/sessions", undefined, signal) });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiDelete(`/api/me/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
