import type { Ctx } from "../audit/command.ts";
import { refreshCaseClock } from "./caseClock.ts";
import { openCaseIds } from "./clockRepository.ts";

/** After a calendar change every open deadline moves: recompute them all in the command's transaction. */
export async function refreshOpenClocks(ctx: Ctx): Promise<number> {
  let after: string | null = null;
  let n = 0;
  for (;;) {
    const batch = await openCaseIds(ctx.trx, after, 500);
    if (!batch.length) return n;
    for (const { id } of batch) {
      await refreshCaseClock(ctx, id);
      n++;
    }
    after = batch[batch.length - 1]!.id;
  }
}
