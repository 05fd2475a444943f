import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Me } from "@cq/contracts";
import { api } from "../api/client.ts";
import { meKeys } from "./me.ts";

/**
 * After a language switch: a logged-in person's notices and SMS are written in it from now on
 * (PUT /api/me/language), and every answer may carry server texts (messages, labels) in the old
 * language, so all is fetched again.
 */
export function useRefetchInNewLanguage() {
  const queryClient = useQueryClient();
  return useCallback(
    async (lang: Me["lang"]) => {
      const me = queryClient.getQueryData<Me | null>(meKeys.me);
      if (me && me.lang !== lang) {
        // Remembering it is a courtesy: the switch itself never fails because of it.
        await api<unknown>("/api/me/language", { method: "PUT", body: { lang } }).catch(() => undefined);
      }
      await queryClient.invalidateQueries();
    },
    [queryClient],
  );
}
