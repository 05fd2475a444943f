import { App } from "antd";
import { useCaseCommand } from "../../../common/data/cases.ts";
import { useAnnounce } from "./announce.tsx";

/**
 * A state-changing action on a case: runs `fn` (a command of the data layer), lets the data layer
 * refresh what shows the case, and says what happened, on screen and to screen readers.
 */
export function useCaseAction<TVars, TResult>(caseId: string, fn: (vars: TVars) => Promise<TResult>, success: (result: TResult, vars: TVars) => string) {
  const { message } = App.useApp();
  const announce = useAnnounce();
  return useCaseCommand<TVars, TResult>(caseId, fn, {
    onSuccess: (result, vars) => {
      const text = success(result, vars);
      void message.success(text);
      announce(text);
    },
  });
}
