import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { loadAdministeredClient } from "../access.ts";
import { lockClient, setClientRateLimit } from "../repository.ts";

/** Sets how many calls a minute a client may make (R5); above it the platform answers 429. */
export async function setIntegrationRateLimit(ctx: Ctx, id: string, perMinute: number): Promise<void> {
  const client = await loadAdministeredClient(ctx.actor, () => lockClient(ctx.trx, id));
  if (client.revoked_at) throw new AppError("INTEGRATION_CLIENT_REVOKED");
  await setClientRateLimit(ctx.trx, id, perMinute);
  await ctx.audit({ action: "integration.rate-limit-set", objectType: "integration-client", objectId: id, newValues: { rateLimitPerMinute: perMinute } });
}
