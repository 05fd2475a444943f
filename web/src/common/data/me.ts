import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiGet, apiPost } from "../api/client.ts";
import { isApiError } from "../api/errors.ts";
import type { AuthResult, EmailRequest, Me } from "@cq/contracts";

/** The signed-in user, registration, login and passwords (GET /api/me, /api/auth/*). */
export const meQueryKey = ["me"] as const;
export const meKeys = { me: meQueryKey };

/** The signed-in user: `null` when not logged in (401), `undefined` while loading. */
export function useMe() {
  const query = useQuery({
    queryKey: meQueryKey,
    queryFn: async ({ signal }) => {
      try {
        return await apiGet<Me>("/api/me", undefined, signal);
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
  return { ...query, me: query.data };
}

/** Logs out and forgets everything cached for the previous user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<void>("/api/auth/logout"),
    onSettled: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "catalog" });
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

/** After login or register: put the user in the cache so guards see it at once. */
export function useSetMe() {
  const queryClient = useQueryClient();
  return (user: Me) => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "catalog" && q.queryKey[0] !== "me" });
    queryClient.setQueryData(meQueryKey, user);
  };
}

/** Logs in (applicant or staff) and puts the user in the cache; `onSuccess` gets the user. */
export function useLogin(onSuccess: (user: Me) => void) {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (v: { login: string; password: string; totp?: string }) => apiPost<AuthResult>("/api/auth/login", v),
    onSuccess: ({ user }) => {
      setMe(user);
      onSuccess(user);
    },
  });
}

/** Registers an applicant (person or organization) and logs them in. */
export function useRegister<TBody extends object>(options: { onSuccess: (user: Me) => void; onError: (error: Error) => void }) {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (body: TBody) => apiPost<AuthResult>("/api/auth/register", body),
    onSuccess: ({ user }) => {
      setMe(user);
      options.onSuccess(user);
    },
    onError: options.onError,
  });
}

/** Resets a forgotten password with an SMS code; every session of the account ends, perhaps this browser's too. */
export function useResetPassword<TVars>(toBody: (v: TVars) => { phone: string; smsCode: string; password: string }, options: { onSuccess: (v: TVars) => void; onError: (error: Error) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: TVars) => apiPost<void>("/api/auth/password-reset", toBody(v)),
    onSuccess: (_, v) => {
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      options.onSuccess(v);
    },
    onError: options.onError,
  });
}

/** Changes the signed-in user's password; the must-change flag drops at once (guards read the cache), then the server says the real state. */
export function useChangePassword(options: { onSuccess: () => void; onError: (error: Error) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) => apiPost<void>("/api/auth/password", v),
    onSuccess: () => {
      queryClient.setQueryData<Me | null>(meQueryKey, (old) => (old ? { ...old, mustChangePassword: false } : old));
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      options.onSuccess();
    },
    onError: options.onError,
  });
}

/** Asks for an SMS code (registration, login, password reset). */
export const requestSmsCode = (phone: string, purpose: string, idNumber?: string) =>
  apiPost("/api/auth/sms-codes", { phone, purpose, ...(idNumber ? { idNumber } : {}) });

// The shapes pages use, from here, so that they change in one place.
export type { Me, MeAbilities, WorkbenchSection } from "@cq/contracts";

/** Whether a login failed for want of (or with a wrong) second factor: the form then asks for it. */
export const needsSecondFactor = (error: unknown): boolean => isApiError(error) && (error.code === "TOTP_REQUIRED" || error.code === "TOTP_INVALID");

/** Sets (or, with `null`, removes) the e-mail address notices also go to (PUT /api/me/email). */
export function useSetEmail(options: { onSuccess: (email: string | null) => void; onError: (error: Error) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string | null) => api<EmailRequest>("/api/me/email", { method: "PUT", body: { email } }),
    onSuccess: ({ email }) => {
      queryClient.setQueryData<Me | null>(meQueryKey, (old) => (old ? { ...old, email: email ?? null } : old));
      options.onSuccess(email ?? null);
    },
    onError: options.onError,
  });
}
