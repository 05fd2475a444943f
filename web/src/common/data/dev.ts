import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api/client.ts";
import type { DemoAccounts } from "@cq/contracts";

/** The demo accounts when the server runs in demo mode; `null` in production (404). */
export function useDemoAccounts() {
  return useQuery({
    queryKey: ["dev", "accounts"],
    queryFn: async ({ signal }) => {
      try {
        return await apiGet<DemoAccounts>("/api/dev/accounts", undefined, signal);
      } catch {
        return null;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

// The shapes pages use, from here, so that they change in one place.
export type { DemoAccount, DemoAccounts } from "@cq/contracts";
