import type { Deps } from "./context.ts";
import type { Executor } from "./db.ts";
import { newId } from "./ids.ts";
import { type PersonalData, personalDataOf } from "./personalData.ts";

type Sender = { trx: Executor; now: Date; deps: Pick<Deps, "config"> };

/**
 * Queues a message in the outbox inside the caller's transaction, so it is sent exactly when the
 * change it reports is committed. A delivery worker (SMS gateway, mail) picks it up from there.
 * The address (a phone, an e-mail address) is stored sealed, with its blind index.
 */
export async function queueMessage(ctx: Pick<Sender, "trx" | "deps">, msg: OutgoingMessage): Promise<void> {
  const pd = personalDataOf(ctx.deps.config);
  await ctx.trx
    .insertInto("outbox")
    .values({
      id: newId(), to_address: pd.seal(msg.to), to_index: pd.index("address", msg.to), channel: msg.channel, text: msg.text,
      created_at: msg.at, sent_at: null, next_attempt_at: msg.at, kind: msg.kind ?? null, params: msg.params ? JSON.stringify(msg.params) : null,
      subject: msg.subject ?? null,
    })
    .execute();
}

/**
 * A message to send: its address and channel, its text, and for SMS gateways that send registered
 * templates its kind (e.g. `case.accepted`) and the template's parameters; a mail's subject.
 */
export interface OutgoingMessage {
  to: string;
  channel: "sms" | "email";
  text: string;
  at: Date;
  kind?: string;
  params?: Record<string, string>;
  subject?: string;
}

/** Sends an SMS to an applicant who has a phone on record (through the outbox, with the transaction); the phone may be given sealed. */
export async function smsApplicant(ctx: Sender, applicant: { phone: string | null } | undefined | null, text: string): Promise<void> {
  if (!applicant?.phone) return;
  await queueMessage(ctx, { to: personalDataOf(ctx.deps.config).open(applicant.phone), channel: "sms", at: ctx.now, text });
}

/** An in-app message to everyone holding `role` in a department (they see it in their inbox). */
export async function notifyDepartment(ctx: { trx: Executor; now: Date }, departmentId: string, role: string | null, msg: { title: string; text: string; caseId?: string }) {
  await ctx.trx
    .insertInto("inbox")
    .values({ id: newId(), user_id: null, department_id: departmentId, role, title: msg.title, text: msg.text, case_id: msg.caseId ?? null, created_at: ctx.now })
    .execute();
}

/** An in-app message to one user (an applicant, a staff member). */
export async function notifyUser(ctx: { trx: Executor; now: Date }, userId: string, msg: { title: string; text: string; caseId?: string }) {
  await ctx.trx
    .insertInto("inbox")
    .values({ id: newId(), user_id: userId, department_id: null, role: null, title: msg.title, text: msg.text, case_id: msg.caseId ?? null, created_at: ctx.now })
    .execute();
}

/** What the platform "sent" (the demo outbox), newest first. */
export async function outboxMessages(db: Executor, pd: PersonalData, to: string | undefined, limit = 200) {
  let q = db.selectFrom("outbox").select(["to_address", "channel", "text", "created_at"]).orderBy("created_at", "desc").limit(limit);
  if (to) q = q.where("to_index", "in", pd.indexes("address", to));
  return (await q.execute()).map((r) => ({ ...r, to_address: pd.open(r.to_address) }));
}
