import { sql } from "kysely";
import type { Deps } from "./context.ts";
import type { Executor } from "./db.ts";
import { personalDataOf } from "./personalData.ts";
import type { OutboxStatus } from "./schema.ts";
import { type Delivery, PermanentSendError, sendersOf } from "./senders.ts";

/**
 * Delivery of the outbox. Messages are queued in the transaction of the change they report
 * (`notify.ts`); here they are claimed in batches with FOR UPDATE SKIP LOCKED (so each is taken by
 * one process however many run), sent, and marked sent — or put back with an exponential backoff,
 * and marked failed after the last attempt or a refusal that retrying cannot cure. A message whose
 * process died while sending goes back to the queue after a while and is sent again with the same
 * id, which the senders pass on as the idempotency key.
 */

export const OUTBOX_MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 6 * 3_600_000;
const STALE_SENDING_MS = 10 * 60_000;

/** When the n-th failed attempt is followed by the next: 30 s, 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

/** An error's text without the addresses it may quote (mail servers echo the recipient). */
export function scrubError(message: string): string {
  return message
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "<address>")
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, "<phone>")
    .slice(0, 500);
}

export interface DeliveryRun {
  sent: number;
  retried: number;
  failed: number;
  recorded: number;
}

type Row = { id: string; to_address: string; channel: "sms" | "email"; text: string; kind: string | null; params: unknown; subject: string | null; attempts: number };

async function claim(db: Deps["db"], workerId: string, now: Date, max: number): Promise<Row[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("outbox")
      .select(["id", "to_address", "channel", "text", "kind", "params", "subject", "attempts"])
      .where("status", "=", "queued")
      .where("next_attempt_at", "<=", now)
      .orderBy("next_attempt_at")
      .limit(max)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length) {
      await trx
        .updateTable("outbox")
        .set({ status: "sending", locked_by: workerId, locked_at: now, attempts: sql`attempts + 1` })
        .where("id", "in", rows.map((r) => r.id))
        .execute();
    }
    return rows.map((r) => ({ ...r, attempts: r.attempts + 1 })) as Row[];
  });
}

async function settle(db: Executor, id: string, workerId: string, set: { status: OutboxStatus; sent_at?: Date; next_attempt_at?: Date; last_error?: string | null }) {
  // Only the process that holds the message settles it (one that was presumed dead and came back does not).
  await db.updateTable("outbox").set({ ...set, locked_by: null, locked_at: null }).where("id", "=", id).where("locked_by", "=", workerId).execute();
}

/** Sends what is due at `now` (platform time), at most `max` messages; returns what became of them. */
export async function deliverDueMessages(deps: Pick<Deps, "db" | "config" | "logger">, workerId: string, now: Date, max = 50): Promise<DeliveryRun> {
  await deps.db
    .updateTable("outbox")
    .set({ status: "queued", locked_by: null, locked_at: null })
    .where("status", "=", "sending")
    .where("locked_at", "<", new Date(now.getTime() - STALE_SENDING_MS))
    .execute();
  const run: DeliveryRun = { sent: 0, retried: 0, failed: 0, recorded: 0 };
  const rows = await claim(deps.db, workerId, now, max);
  if (!rows.length) return run;
  const senders = sendersOf(deps.config);
  const pd = personalDataOf(deps.config);
  for (const row of rows) {
    const sender = senders[row.channel];
    if (!sender) {
      // The demo records its messages; a production start without a sender for the channel says so.
      if (deps.config.demo || deps.config.env === "test") {
        await settle(deps.db, row.id, workerId, { status: "recorded" });
        run.recorded++;
      } else {
        await settle(deps.db, row.id, workerId, { status: "failed", last_error: `no ${row.channel} sender configured` });
        run.failed++;
      }
      continue;
    }
    const message: Delivery = { id: row.id, to: pd.open(row.to_address), text: row.text, kind: row.kind, params: (row.params as Record<string, string> | null) ?? null, subject: row.subject };
    try {
      await sender.send(message);
      await settle(deps.db, row.id, workerId, { status: "sent", sent_at: now, last_error: null });
      run.sent++;
    } catch (err) {
      const error = scrubError((err as Error).message ?? String(err));
      const final = err instanceof PermanentSendError || row.attempts >= OUTBOX_MAX_ATTEMPTS;
      deps.logger.warn({ outbox: row.id, channel: row.channel, attempts: row.attempts, error, final }, "message not delivered");
      if (final) {
        await settle(deps.db, row.id, workerId, { status: "failed", last_error: error });
        run.failed++;
      } else {
        await settle(deps.db, row.id, workerId, { status: "queued", last_error: error, next_attempt_at: new Date(now.getTime() + retryDelayMs(row.attempts)) });
        run.retried++;
      }
    }
  }
  return run;
}

/** Messages by state, for operators (metrics, the CLI). */
export async function outboxCounts(db: Executor): Promise<Record<string, number>> {
  const r = await sql<{ status: string; n: number }>`select status, count(*)::int as n from outbox group by status`.execute(db);
  return Object.fromEntries(r.rows.map((x) => [x.status, Number(x.n)]));
}

/** The messages that did not go out, newest first, addresses masked: what an operator looks at. */
export async function undeliveredMessages(db: Executor, limit = 100) {
  const rows = await db
    .selectFrom("outbox")
    .select(["id", "channel", "kind", "status", "attempts", "last_error", "created_at", "next_attempt_at"])
    .where("status", "in", ["failed", "queued"])
    .where("attempts", ">", 0)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
  return rows;
}

/** Puts failed messages back in the queue (after the operator fixed the sender), all or the ones named. */
export async function requeueFailed(db: Executor, now: Date, ids?: string[]): Promise<number> {
  let q = db.updateTable("outbox").set({ status: "queued", attempts: 0, next_attempt_at: now, last_error: null }).where("status", "=", "failed");
  if (ids?.length) q = q.where("id", "in", ids);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows ?? 0);
}
