import type { Ctx } from "../../audit/command.ts";
import { mintIntegrationToken } from "../../identity/integrationTokens.ts";
import { systemClock } from "../../platform/clock.ts";
import { AppError } from "../../platform/errors.ts";
import { loadAdministeredClient } from "../access.ts";
import { lockClient, rotateClientToken } from "../repository.ts";

/**
 * Mints a new token for a client (R5); the previous one keeps working for `graceHours` of real time
 * (like the tokens themselves), so that the department's system can switch without a gap.
 */
export async function rotateIntegrationToken(ctx: Ctx, id: string, graceHours: number): Promise<{ id: string; token: string; tokenHint: string; previousValidUntil: string | null }> {
  const client = await loadAdministeredClient(ctx.actor, () => lockClient(ctx.trx, id));
  if (client.revoked_at) throw new AppError("INTEGRATION_CLIENT_REVOKED");
  const { token, hash, hint } = mintIntegrationToken();
  const previousValidUntil = graceHours > 0 ? new Date(systemClock.now().getTime() + graceHours * 3_600_000) : null;
  await rotateClientToken(ctx.trx, id, { hash, hint, previousHash: previousValidUntil ? client.token_hash : null, previousValidUntil, at: ctx.now });
  await ctx.audit({
    action: "integration.rotated",
    objectType: "integration-client",
    objectId: id,
    newValues: { graceHours, previousValidUntil: previousValidUntil?.toISOString() ?? null },
  });
  return { id, token, tokenHint: hint, previousValidUntil: previousValidUntil?.toISOString() ?? null };
}
