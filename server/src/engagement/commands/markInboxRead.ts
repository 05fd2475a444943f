import type { Actor } from "../../platform/actor.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { taskQueues } from "../../policy/index.ts";
import { type InboxAudience, isAddressedTo, markRead, unreadOf } from "../repository.ts";

/** Whom the caller's inbox holds messages for: the person, and each department role they hold. */
export function audienceOf(actor: Actor): InboxAudience {
  if (actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
  if (actor.kind !== "applicant" && actor.kind !== "staff") throw new AppError("FORBIDDEN");
  // Messages to a department's role reach whoever works that role's queue.
  return { userId: actor.id, grants: taskQueues(actor) };
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
