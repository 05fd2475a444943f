import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPost } from "../api/client.ts";
import { isApiError } from "../api/errors.ts";
import type { Me } from "../api/types.ts";

export const meQueryKey = ["me"] as const;

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
