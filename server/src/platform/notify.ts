import type { Executor } from "./db.ts";
import { newId } from "./ids.ts";

/**
 * Queues a message in the outbox inside the caller's transaction, so it is sent exactly when the
 * change it reports is committed. A delivery worker (SMS gateway, mail) picks it up from there.
 */
export async function queueMessage(
  trx: Executor,
  msg: { to: string; channel: "sms" | "email"; text: string; at: Date },
): Promise<void> {
  await trx.insertInto("outbox").values({ id: newId(), to_address: msg.to, channel: msg.channel, text: msg.text, created_at: msg.at, sent_at: null }).execute();
}

/** Sends an SMS to an applicant who has a phone on record (through the outbox, with the transaction). */
export async function smsApplicant(ctx: { trx: Executor; now: Date }, applicant: { phone: string | null } | undefined | null, text: string): Promise<void> {
  if (!applicant?.phone) return;
  await queueMessage(ctx.trx, { to: applicant.phone, channel: "sms", at: ctx.now, text });
}

/** What the platform "sent" (the demo outbox), newest first. */
export function outboxMessages(db: Executor, to: string | undefined, limit = 200) {
  let q = db.selectFrom("outbox").select(["to_address", "channel", "text", "created_at"]).orderBy("created_at", "desc").limit(limit);
  if (to) q = q.where("to_address", "=", to);
  return q.execute();
}
