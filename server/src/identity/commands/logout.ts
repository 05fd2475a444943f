import type { Ctx } from "../../audit/command.ts";
import { actorId } from "../../platform/actor.ts";
import { deleteSession } from "../repository.ts";
import { sessionIdOf } from "../sessions.ts";

/** Ends the caller's session (the one whose token the request carried). */
export async function logout(ctx: Ctx, token: string): Promise<void> {
  await deleteSession(ctx.trx, sessionIdOf(token));
  await ctx.audit({ action: "user.logout", objectType: "user", objectId: actorId(ctx.actor) });
}
