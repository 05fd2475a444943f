import type { Ctx } from "../../audit/command.ts";
import { requireUser } from "../../platform/actor.ts";
import { findUserById, updateUserSecurity } from "../repository.ts";
import { personalDataOf } from "../../platform/personalData.ts";

/**
 * Sets (or removes, with `null`) the e-mail address notices also go to. Audited without the address:
 * only whether one was there before and is there now.
 */
export async function setEmail(ctx: Ctx, email: string | null): Promise<{ email: string | null }> {
  const user = requireUser(ctx.actor);
  const pd = personalDataOf(ctx.deps.config);
  const before = await findUserById(ctx.trx, pd, user.id);
  const next = email?.trim() ? email.trim() : null;
  if (!before || (before.email ?? null) === next) return { email: next };
  await updateUserSecurity(ctx.trx, pd, user.id, { email: next });
  await ctx.audit({ action: "user.email", objectType: "user", objectId: user.id, oldValues: { given: before.email !== null }, newValues: { given: next !== null } });
  return { email: next };
}
