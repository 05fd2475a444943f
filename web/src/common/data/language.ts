import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

/** After a language switch: every answer may carry server texts (messages, labels) in the old language. */
export function useRefetchInNewLanguage() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries(), [queryClient]);
}
