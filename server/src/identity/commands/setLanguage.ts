import type { Ctx } from "../../audit/command.ts";
import { requireUser } from "../../platform/actor.ts";
import { findUserById, updateUserSecurity } from "../repository.ts";
import { personalDataOf } from "../../platform/personalData.ts";

/** Sets the language the platform writes to the person in (notices, SMS, e-mail). */
export async function setLanguage(ctx: Ctx, lang: "zh-CN" | "en"): Promise<void> {
  const user = requireUser(ctx.actor);
  const before = await findUserById(ctx.trx, personalDataOf(ctx.deps.config), user.id);
  if (!before || before.lang === lang) return;
  await updateUserSecurity(ctx.trx, personalDataOf(ctx.deps.config), user.id, { lang });
  await ctx.audit({ action: "user.language", objectType: "user", objectId: user.id, oldValues: { lang: before.lang }, newValues: { lang } });
}
