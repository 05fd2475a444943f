import { runPlatformCommand } from "../audit/command.ts";
import type { Deps } from "../platform/context.ts";
import { requeueFailed } from "../platform/delivery.ts";

/**
 * An operator puts failed messages back in the queue (after mending the sender): one command, one
 * audit record as the platform (`ops.outbox-retry`: which messages were asked for and how many went
 * back; never an address or a text).
 */
export async function retryFailedMessages(deps: Deps, ids: string[]): Promise<number> {
  const now = deps.clock.now();
  return runPlatformCommand(deps, now, async (ctx) => {
    const n = await requeueFailed(ctx.trx, now, ids);
    await ctx.audit({ action: "ops.outbox-retry", objectType: "outbox", objectId: null, newValues: { asked: ids.length ? ids : "all-failed", requeued: n } });
    return n;
  });
}
