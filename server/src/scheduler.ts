import { AUDIT_CHECKPOINT_JOB, writeCheckpoint } from "./audit/checkpoints.ts";
import { runPlatformCommand } from "./audit/command.ts";
import { moveDraftsToCurrentVersion } from "./cases/commands/moveDrafts.ts";
import { runSweep } from "./cases/sweep.ts";
import { ACTIVATE_VERSIONS_JOB, activateDueVersions, CHANGE_NOTICES_JOB, sendChangeNotices } from "./catalog/commands/activation.ts";
import { refreshOpenClocks } from "./clock/refreshOpenClocks.ts";
import { EXPIRY_REMINDERS_JOB, sendExpiryReminders } from "./certificates/expiryReminders.ts";
import { shanghaiDay, systemClock } from "./platform/clock.ts";
import type { Deps } from "./platform/context.ts";
import { enqueueJob, type JobHandler, runDueJobs } from "./platform/jobs.ts";
import { deliverDueMessages } from "./platform/delivery.ts";
import { deliverDueWebhooks } from "./integration/webhookDelivery.ts";
import { ensureDocumentRendered, RENDER_DOCUMENT_JOB } from "./documents/rendering.ts";
import { TRIM_CALL_LOG_JOB, trimCallLog } from "./integration/commands/trimCallLog.ts";

export const jobHandlers: Record<string, JobHandler> = {
  sweep: async (deps, _payload, now) => {
    const r = await runSweep(deps, now);
    deps.logger.info({ sweep: r }, "sweep done");
  },
  [ACTIVATE_VERSIONS_JOB]: async (deps, _payload, now) => {
    const n = await activateDueVersions(deps, now);
    if (n) deps.logger.info({ versions: n }, "scheduled item versions took effect");
  },
  [CHANGE_NOTICES_JOB]: async (deps, payload, now) => {
    const p = payload as { versionId: string; itemId: string; dueDay?: string };
    // Drafts move to the version in effect first; their applicants are told so in the notice.
    const moved = p.itemId ? await runPlatformCommand(deps, now, (ctx) => moveDraftsToCurrentVersion(ctx, p.itemId)) : 0;
    const told = await sendChangeNotices(deps, now, p);
    deps.logger.info({ told, moved }, "change notices sent");
  },
  [AUDIT_CHECKPOINT_JOB]: async (deps, _payload, now) => {
    await writeCheckpoint(deps.db, deps.config, now);
  },
  [EXPIRY_REMINDERS_JOB]: async (deps, _payload, now) => {
    const n = await sendExpiryReminders(deps, now);
    if (n) deps.logger.info({ reminded: n }, "certificate expiry reminders sent");
  },
  [RENDER_DOCUMENT_JOB]: async (deps, payload, now) => {
    await ensureDocumentRendered(deps, String(payload.documentId), now);
  },
  [TRIM_CALL_LOG_JOB]: async (deps, _payload, now) => {
    const n = await runPlatformCommand(deps, now, (ctx) => trimCallLog(ctx, deps.config.integrationCallDays, systemClock.now()));
    if (n) deps.logger.info({ deleted: n, keptDays: deps.config.integrationCallDays }, "integration call log trimmed");
  },
  "recompute-clocks": async (deps, _payload, now) => {
    const n = await runPlatformCommand(deps, now, refreshOpenClocks);
    deps.logger.info({ recomputed: n }, "open deadlines recomputed");
  },
};

/** Queues the periodic sweep for the current platform minute (once, whatever the number of servers) and runs what is due. */
export async function tick(deps: Deps, workerId: string): Promise<number> {
  const now = deps.clock.now();
  const minute = now.toISOString().slice(0, 16);
  // Records a process committed but did not live to link are linked by whichever process ticks next.
  await deps.sequence();
  // Versions take effect before the sweep looks at the day's cases.
  await enqueueJob(deps.db, { kind: ACTIVATE_VERSIONS_JOB, runAt: new Date(now.getTime() - 1), dedupeKey: `${ACTIVATE_VERSIONS_JOB}:${minute}` });
  await enqueueJob(deps.db, { kind: "sweep", runAt: now, dedupeKey: `sweep:${minute}` });
  // The chain's head is signed every minute it moved, so that deleting the newest entries shows.
  await enqueueJob(deps.db, { kind: AUDIT_CHECKPOINT_JOB, runAt: now, dedupeKey: `${AUDIT_CHECKPOINT_JOB}:${minute}` });
  // Holders are reminded of certificates that expire soon once a day (Asia/Shanghai).
  await enqueueJob(deps.db, { kind: EXPIRY_REMINDERS_JOB, runAt: now, dedupeKey: `${EXPIRY_REMINDERS_JOB}:${shanghaiDay(now)}` });
  // The integration call log is kept INTEGRATION_CALL_DAYS days, trimmed once a day.
  await enqueueJob(deps.db, { kind: TRIM_CALL_LOG_JOB, runAt: now, dedupeKey: `${TRIM_CALL_LOG_JOB}:${shanghaiDay(now)}` });
  const ran = await runDueJobs(deps, jobHandlers, workerId, now);
  // What the jobs queued goes out in the same tick (the poller below sends the rest within seconds).
  await deliverDueMessages(deps, workerId, now);
  await deliverDueWebhooks(deps, workerId, now);
  return ran;
}

const WEBHOOK_POLL_MS = 3_000;
const STOP_WAIT_MS = 10_000;
const DOCUMENT_POLL_MS = 2_000;

/**
 * Starts the in-process scheduler; returns a stop function that resolves once the work in flight
 * (a tick, a delivery round) has finished, or after `STOP_WAIT_MS`: a job cut off then is taken
 * again by another process (platform/jobs.ts), as after a crash.
 */
export function startScheduler(deps: Deps, workerId: string, everyMs = 30_000): () => Promise<void> {
  const inFlight = new Set<Promise<unknown>>();
  /** Runs `work` every `ms` unless its previous round is still going. */
  const every = (ms: number, work: () => Promise<unknown>, failure: string) => {
    let current: Promise<unknown> | undefined;
    const timer = setInterval(() => {
      if (current) return;
      current = work()
        .catch((err) => deps.logger.error({ err }, failure))
        .finally(() => {
          inFlight.delete(current!);
          current = undefined;
        });
      inFlight.add(current);
    }, ms);
    timer.unref();
    return timer;
  };
  const timers = [
    every(everyMs, () => tick(deps, workerId), "scheduler tick failed"),
    // Webhooks go out within seconds of their event (and their retries when due), outside the request that caused them.
    every(WEBHOOK_POLL_MS, () => deliverDueWebhooks(deps, workerId, deps.clock.now()), "webhook delivery failed"),
    // Documents issued by commands are rendered within seconds of their commit (a reader renders sooner if it must).
    every(DOCUMENT_POLL_MS, () => runDueJobs(deps, jobHandlers, workerId, deps.clock.now(), 20, [RENDER_DOCUMENT_JOB]), "document rendering failed"),
  ];
  // The outbox is looked at every few seconds where something can be sent: an SMS code must not wait for the next tick.
  const { sms, smtp, outboxPollMs } = deps.config;
  if (sms || smtp) timers.push(every(outboxPollMs, () => deliverDueMessages(deps, workerId, deps.clock.now()), "outbox delivery failed"));
  return async () => {
    for (const t of timers) clearInterval(t);
    let waited: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => (waited = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(waited);
  };
}
