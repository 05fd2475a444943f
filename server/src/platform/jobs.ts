import { sql } from "kysely";
import type { Deps } from "./context.ts";
import type { Executor } from "./db.ts";
import { newId } from "./ids.ts";

/**
 * Durable background work in the database: a job row is claimed with FOR UPDATE SKIP LOCKED, so
 * each runs once across any number of server processes, and survives restarts.
 */
export type JobHandler = (deps: Deps, payload: Record<string, unknown>, now: Date) => Promise<void>;

const MAX_ATTEMPTS = 5;
const STALE_AFTER_MS = 10 * 60_000;

export async function enqueueJob(db: Executor, job: { kind: string; runAt: Date; payload?: Record<string, unknown>; dedupeKey?: string }): Promise<boolean> {
  const r = await db
    .insertInto("jobs")
    .values({ id: newId(), kind: job.kind, dedupe_key: job.dedupeKey ?? null, run_at: job.runAt, payload: JSON.stringify(job.payload ?? {}), status: "queued", locked_by: null, locked_at: null, finished_at: null, last_error: null })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Claims the next job due at `now`: first one whose process died while running it (running, locked
 * longer ago than STALE_AFTER_MS), taken over directly, then a queued one. Taking a stale job over in
 * one step (instead of putting it back in the queue) leaves no moment where another process could
 * take it first and hold it in turn.
 */
async function claimNext(db: Executor, workerId: string, now: Date, kinds?: string[]) {
  return db.transaction().execute(async (trx) => {
    let stale = trx.selectFrom("jobs").selectAll().where("status", "=", "running").where("locked_at", "<", new Date(now.getTime() - STALE_AFTER_MS));
    let due = trx.selectFrom("jobs").selectAll().where("status", "=", "queued").where("run_at", "<=", now);
    if (kinds) {
      stale = stale.where("kind", "in", kinds);
      due = due.where("kind", "in", kinds);
    }
    const row = (await stale.orderBy("locked_at").limit(1).forUpdate().skipLocked().executeTakeFirst()) ?? (await due.orderBy("run_at").limit(1).forUpdate().skipLocked().executeTakeFirst());
    if (!row) return undefined;
    await trx.updateTable("jobs").set({ status: "running", locked_by: workerId, locked_at: now, attempts: row.attempts + 1 }).where("id", "=", row.id).execute();
    return { ...row, attempts: row.attempts + 1 };
  });
}

/** Runs every job due at `now` (platform time), or only those of `kinds`; returns how many ran. */
export async function runDueJobs(deps: Deps, handlers: Record<string, JobHandler>, workerId: string, now: Date, max = 100, kinds?: string[]): Promise<number> {
  let ran = 0;
  for (; ran < max; ran++) {
    const job = await claimNext(deps.db, workerId, now, kinds);
    if (!job) break;
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(deps, job.payload as Record<string, unknown>, now);
      // Only the process holding the job settles it: one presumed dead whose job was taken over does not.
      await deps.db.updateTable("jobs").set({ status: "done", finished_at: now, last_error: null }).where("id", "=", job.id).where("locked_by", "=", workerId).execute();
    } catch (err) {
      const failed = job.attempts >= MAX_ATTEMPTS;
      deps.logger.error({ err, job: job.id, kind: job.kind }, "job failed");
      await deps.db
        .updateTable("jobs")
        .set({
          status: failed ? "failed" : "queued",
          last_error: String((err as Error).message ?? err).slice(0, 2000),
          locked_by: null,
          // Back off: 1, 2, 4, 8 minutes.
          run_at: new Date(now.getTime() + 60_000 * 2 ** (job.attempts - 1)),
        })
        .where("id", "=", job.id)
        .where("locked_by", "=", workerId)
        .execute();
    }
  }
  return ran;
}

export async function jobCounts(db: Executor) {
  const r = await sql<{ status: string; n: number }>`select status, count(*)::int as n from jobs group by status`.execute(db);
  return Object.fromEntries(r.rows.map((x) => [x.status, Number(x.n)]));
}
