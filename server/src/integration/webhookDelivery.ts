import { createHmac } from "node:crypto";
import { sql } from "kysely";
import { runPlatformCommand } from "../audit/command.ts";
import type { Deps } from "../platform/context.ts";
import type { Executor } from "../platform/db.ts";
import { scrubError } from "../platform/delivery.ts";
import { newId } from "../platform/ids.ts";
import { eventItem } from "../platform/integrationEvents.ts";
import { personalDataOf } from "../platform/personalData.ts";
import { pauseFailingWebhook } from "./webhooks.ts";

/**
 * The webhook delivery worker. Deliveries are rows queued in the transaction of the event
 * (platform/integrationEvents.ts), so they survive a restart; here the due ones are claimed with
 * FOR UPDATE SKIP LOCKED (each by one process however many run), posted, and settled: a 2xx is
 * delivered, anything else is retried — 10 s, 30 s, 1, 2, 4 … minutes, at most an hour apart — until
 * 24 hours after the first attempt, then failed. One taken by a process that died is queued again
 * after a while. Times are the platform clock's (deps.clock), so tests and the demo move them.
 *
 * A subscription whose attempts all failed for 24 hours, or that failed WEBHOOK_PAUSE_AFTER times in
 * a row, is paused: new events are held (not sent, not lost) and its department's admins are told;
 * resuming sends what was held.
 */

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;
export const WEBHOOK_PAUSE_AFTER = 50;
const STALE_DELIVERING_MS = 5 * 60_000;
const LONGEST_WAIT_MS = 3_600_000;

/** The wait after the n-th failed attempt: 10 s, 30 s, then 1, 2, 4 … minutes, at most one hour. */
export function webhookRetryDelayMs(attempts: number): number {
  if (attempts <= 1) return 10_000;
  if (attempts === 2) return 30_000;
  return Math.min(60_000 * 2 ** (attempts - 3), LONGEST_WAIT_MS);
}

/** `X-Signature` (API.md): `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the secret's UTF-8 bytes>`. */
export function webhookSignature(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac("sha256", Buffer.from(secret, "utf8")).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

export interface WebhookRun {
  delivered: number;
  retried: number;
  failed: number;
  paused: number;
}

interface Claimed {
  id: string;
  attempts: number;
  first_attempt_at: Date;
  subscription_id: string;
}

async function claim(deps: Pick<Deps, "db">, workerId: string, now: Date, max: number): Promise<Claimed[]> {
  return deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("webhook_deliveries")
      .select(["id", "attempts", "first_attempt_at", "subscription_id"])
      .where("status", "=", "queued")
      .where("next_attempt_at", "<=", now)
      .where("subscription_id", "in", (eb) => eb.selectFrom("webhook_subscriptions").select("id").where("status", "=", "active").where("deleted_at", "is", null))
      .orderBy("next_attempt_at")
      .orderBy("created_at")
      .limit(max)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!rows.length) return [];
    await trx
      .updateTable("webhook_deliveries")
      .set({ status: "delivering", locked_by: workerId, locked_at: now, attempts: sql`attempts + 1`, first_attempt_at: sql`coalesce(first_attempt_at, ${now})` })
      .where("id", "in", rows.map((r) => r.id))
      .execute();
    return rows.map((r) => ({ ...r, attempts: r.attempts + 1, first_attempt_at: r.first_attempt_at ?? now }));
  });
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<{ statusCode: number | null; error: string | null; durationMs: number }> {
  const started = performance.now();
  try {
    // Redirects are not followed: the URL checked at subscription is the only one called.
    const res = await fetch(url, { method: "POST", body, headers, redirect: "manual", signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
    await res.arrayBuffer().catch(() => undefined);
    return { statusCode: res.status, error: null, durationMs: Math.round(performance.now() - started) };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const message = e.name === "TimeoutError" ? "timeout" : (e.cause?.code ?? e.cause?.message ?? e.message ?? String(err));
    return { statusCode: null, error: scrubError(String(message)), durationMs: Math.round(performance.now() - started) };
  }
}

/** Posts what is due at `now` (platform time), at most `max` deliveries. */
export async function deliverDueWebhooks(deps: Deps, workerId: string, now: Date, max = 20): Promise<WebhookRun> {
  // A delivery whose process died while posting goes back to the queue.
  await deps.db
    .updateTable("webhook_deliveries")
    .set({ status: "queued", locked_by: null, locked_at: null })
    .where("status", "=", "delivering")
    .where("locked_at", "<", new Date(now.getTime() - STALE_DELIVERING_MS))
    .execute();
  const run: WebhookRun = { delivered: 0, retried: 0, failed: 0, paused: 0 };
  const claimed = await claim(deps, workerId, now, max);
  const pd = personalDataOf(deps.config);
  for (const d of claimed) {
    const row = await deps.db
      .selectFrom("webhook_deliveries as d")
      .innerJoin("integration_events as e", "e.id", "d.event_id")
      .innerJoin("webhook_subscriptions as s", "s.id", "d.subscription_id")
      .select(["e.id", "e.type", "e.case_id", "e.supervision_code", "e.department_id", "e.at", "e.data", "s.url", "s.secret"])
      .where("d.id", "=", d.id)
      .executeTakeFirstOrThrow();
    const body = JSON.stringify(eventItem(row));
    const t = Math.floor(now.getTime() / 1000);
    const result = await post(row.url, body, {
      "content-type": "application/json",
      "user-agent": "cq-approval-webhooks/1",
      "x-event-id": row.id,
      "x-event-type": row.type,
      "x-signature": webhookSignature(pd.open(row.secret), t, body),
    });
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const final = !ok && now.getTime() - d.first_attempt_at.getTime() >= WEBHOOK_RETRY_WINDOW_MS;
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("webhook_attempts")
        .values({ id: newId(), delivery_id: d.id, at: now, status_code: result.statusCode, error: result.error, duration_ms: result.durationMs })
        .execute();
      // Only the process holding the delivery settles it (one presumed dead that came back does not).
      await trx
        .updateTable("webhook_deliveries")
        .set({
          status: ok ? "delivered" : final ? "failed" : "queued",
          last_status_code: result.statusCode,
          locked_by: null,
          locked_at: null,
          ...(ok ? { delivered_at: now } : final ? {} : { next_attempt_at: new Date(now.getTime() + webhookRetryDelayMs(d.attempts)) }),
        })
        .where("id", "=", d.id)
        .where("locked_by", "=", workerId)
        .execute();
      await trx
        .updateTable("webhook_subscriptions")
        .set(
          ok
            ? { failing_since: null, consecutive_failures: 0 }
            : { failing_since: sql`coalesce(failing_since, ${now})`, consecutive_failures: sql`consecutive_failures + 1` },
        )
        .where("id", "=", d.subscription_id)
        .execute();
    });
    if (ok) run.delivered++;
    else if (final) run.failed++;
    else run.retried++;
    if (!ok) {
      deps.logger.warn({ webhookDelivery: d.id, attempts: d.attempts, statusCode: result.statusCode, error: result.error, final }, "webhook not delivered");
      const s = await deps.db.selectFrom("webhook_subscriptions").select(["failing_since", "consecutive_failures", "status"]).where("id", "=", d.subscription_id).executeTakeFirstOrThrow();
      const failingSince = s.failing_since ?? now;
      if (s.status === "active" && (now.getTime() - failingSince.getTime() >= WEBHOOK_RETRY_WINDOW_MS || s.consecutive_failures >= WEBHOOK_PAUSE_AFTER)) {
        const paused = await runPlatformCommand(deps, now, (ctx) => pauseFailingWebhook(ctx, d.subscription_id, { failingSince, consecutiveFailures: s.consecutive_failures }));
        if (paused) run.paused++;
      }
    }
  }
  return run;
}

/** Deliveries by state, for operators (metrics). */
export async function webhookCounts(db: Executor): Promise<Record<string, number>> {
  const r = await sql<{ status: string; n: number }>`select status, count(*)::int as n from webhook_deliveries group by status`.execute(db);
  return Object.fromEntries(r.rows.map((x) => [x.status, Number(x.n)]));
}
