import type { Ctx } from "../../audit/command.ts";
import { deleteCallsBefore } from "../repository.ts";

/** The daily job that keeps the call log to its retention (platform/config.ts, INTEGRATION_CALL_DAYS). */
export const TRIM_CALL_LOG_JOB = "trim-integration-calls";

/**
 * Deletes the integration clients' calls older than `days` before `asOf` (the log would otherwise grow
 * with every call for ever). The log is written with the server's own clock, as the rate limit counts
 * (integration/calls.ts), so `asOf` is that clock's time, not the platform's business clock. A run that
 * deletes something leaves one audit record saying how many and up to when.
 */
export async function trimCallLog(ctx: Ctx, days: number, asOf: Date): Promise<number> {
  const before = new Date(asOf.getTime() - days * 86_400_000);
  const deleted = await deleteCallsBefore(ctx.trx, before);
  if (deleted) await ctx.audit({ action: "integration.calls-trimmed", objectType: "integration-call-log", objectId: null, newValues: { before: before.toISOString(), deleted, keptDays: days } });
  return deleted;
}
