import { type Actor, systemActor } from "../platform/actor.ts";
import type { Deps, RequestMeta } from "../platform/context.ts";
import type { Executor } from "../platform/db.ts";
import { type IntegrationEventDraft, recordIntegrationEvent } from "../platform/integrationEvents.ts";
import type { AuditEntry } from "./events.ts";
import { writeAuditEntries } from "./writer.ts";

/** What one command sees: the caller, one transaction, one instant. */
export interface Ctx {
  deps: Deps;
  trx: Executor;
  actor: Actor;
  now: Date;
  meta: RequestMeta;
  /** Records an audit entry: written when the command has done its work, still in its transaction (`runCommand`). */
  audit(entry: AuditEntry): Promise<void>;
  /**
   * An event for department systems (`platform/integrationEvents.ts`), written when the command has
   * done its work, still in its transaction: the event then states the case as the command left it
   * (a task's due date, the case's status).
   */
  event(draft: IntegrationEventDraft): void;
  /**
   * A change to this case that no audit entry of the command names (a deadline a calendar change
   * moved): what is kept of the case for fast reads follows all the same.
   */
  caseChanged(caseId: string): void;
}

/**
 * Runs a state change in one transaction with its audit record(s). Nothing is written if the
 * command throws.
 */
export async function runCommand<T>(deps: Deps, actor: Actor, meta: RequestMeta, fn: (ctx: Ctx) => Promise<T>, at?: Date): Promise<T> {
  const now = at ?? deps.clock.now();
  let ordered = false;
  const result = await deps.db.transaction().execute(async (trx) => {
    const events: IntegrationEventDraft[] = [];
    const entries: AuditEntry[] = [];
    const changedCases = new Set<string>();
    const ctx: Ctx = {
      deps,
      trx,
      actor,
      now,
      meta,
      audit: async (entry) => {
        if (entry.caseId) changedCases.add(entry.caseId);
        entries.push(entry);
      },
      event: (draft) => void events.push(draft),
      caseChanged: (caseId) => void changedCases.add(caseId),
    };
    const result = await fn(ctx);
    await writeAuditEntries(trx, actor, now, meta, entries);
    for (const draft of events) await recordIntegrationEvent(trx, now, draft);
    // Every change to a case is audited with its id: what is kept of it for fast reads follows, last,
    // since the supervision counters of a department and day are shared by its writers until commit.
    if (changedCases.size) await deps.keepCaseViews(trx, [...changedCases]);
    ordered = entries.length > 0 || events.length > 0;
    return result;
  });
  // Committed: the command returns once its records are in the chain and its events numbered. A pass
  // that fails does not undo the command: the next pass (the scheduler's, at the latest) takes them.
  if (ordered) await deps.sequence().catch((err: unknown) => deps.logger.error({ err }, "sequencing after a commit failed; the next pass takes it"));
  return result;
}

const PLATFORM = systemActor("platform");
const NO_REQUEST: RequestMeta = { ip: null, requestId: null };

/** Runs background work (sweep, recomputing deadlines) as the platform itself, dated `now`. */
export function runPlatformCommand<T>(deps: Deps, now: Date, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  return runCommand(deps, PLATFORM, NO_REQUEST, fn, now);
}
