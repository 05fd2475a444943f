import { App } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { caseQueryKey } from "../../../common/hooks/useCase.ts";
import { useAnnounce } from "./announce.tsx";

/**
 * A state-changing action on a case: runs `fn`, then refetches the case (and the worklist, the
 * inbox, the escalations) and says what happened, on screen and to screen readers.
 */
export function useCaseAction<TVars, TResult>(caseId: string, fn: (vars: TVars) => Promise<TResult>, success: (result: TResult, vars: TVars) => string) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const announce = useAnnounce();
  return useMutation<TResult, Error, TVars>({
    mutationFn: fn,
    onSuccess: async (result, vars) => {
      const text = success(result, vars);
      void message.success(text);
      announce(text);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseQueryKey(caseId) }),
        queryClient.invalidateQueries({ queryKey: ["worklist"] }),
        queryClient.invalidateQueries({ queryKey: ["inbox"] }),
        queryClient.invalidateQueries({ queryKey: ["my-escalations"] }),
      ]);
    },
  });
}
