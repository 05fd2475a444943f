import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../platform/context.ts";
import { AppError } from "../../platform/errors.ts";
import { type InboxAudience, isAddressedTo, markRead, unreadOf } from "../repository.ts";

/** Whom the caller's inbox holds messages for: the person, and each department role they hold. */
export function audienceOf(actor: Actor): InboxAudience {
  if (actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
  if (actor.kind !== "applicant" && actor.kind !== "staff") throw new AppError("FORBIDDEN");
  const grants = actor.kind === "staff" ? actor.roles.filter((r) => r.departmentId).map((r) => ({ departmentId: r.departmentId as string, role: r.role })) : [];
  return { userId: actor.id, grants };
}

/**
 * Marks messages read for the caller only (a message to a department's role is read by each of its
 * staff on their own). `id` null: every unread message. A message not addressed to the caller is 404.
 */
export async function markInboxRead(ctx: Ctx, id: string | null): Promise<{ marked: number; readAt: string }> {
  const audience = audienceOf(ctx.actor);
  if (id && !(await isAddressedTo(ctx.trx, audience, id))) throw new AppError("NOT_FOUND");
  const ids = await unreadOf(ctx.trx, audience, id ? [id] : null);
  await markRead(ctx.trx, audience.userId, ids, ctx.now);
  if (ids.length) await ctx.audit({ action: "inbox.read", objectType: "inbox", objectId: id, newValues: { marked: ids.length } });
  return { marked: ids.length, readAt: ctx.now.toISOString() };
}
