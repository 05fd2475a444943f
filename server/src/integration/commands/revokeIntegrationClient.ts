import type { Ctx } from "../../audit/command.ts";
import { actorId } from "../../platform/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { loadAdministeredClient } from "../access.ts";
import { lockClient, revokeClient } from "../repository.ts";

/** Revokes a client at once (R5): its token and a rotated one still in grace stop with the next call. */
export async function revokeIntegrationClient(ctx: Ctx, id: string): Promise<{ id: string; revokedAt: string }> {
  const client = await loadAdministeredClient(ctx.actor, () => lockClient(ctx.trx, id));
  if (client.revoked_at) throw new AppError("INTEGRATION_CLIENT_REVOKED");
  await revokeClient(ctx.trx, id, actorId(ctx.actor), ctx.now);
  await ctx.audit({ action: "integration.revoked", objectType: "integration-client", objectId: id, oldValues: { name: client.name }, newValues: { revokedAt: ctx.now.toISOString() } });
  return { id, revokedAt: ctx.now.toISOString() };
}
