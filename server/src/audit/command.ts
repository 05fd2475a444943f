import { type Actor, systemActor } from "../platform/actor.ts";
import type { Deps, RequestMeta } from "../platform/context.ts";
import type { Executor } from "../platform/db.ts";
import type { AuditEntry } from "./events.ts";
import { auditKeysOf } from "./keys.ts";
import { writeAudit } from "./writer.ts";

/** What one command sees: the caller, one transaction, one instant. */
export interface Ctx {
  deps: Deps;
  trx: Executor;
  actor: Actor;
  now: Date;
  meta: RequestMeta;
  audit(entry: AuditEntry): Promise<void>;
}

/**
 * Runs a state change in one transaction with its audit record(s). Nothing is written if the
 * command throws.
 */
export async function runCommand<T>(deps: Deps, actor: Actor, meta: RequestMeta, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const now = deps.clock.now();
  const keys = auditKeysOf(deps.config);
  return deps.db.transaction().execute(async (trx) => {
    const ctx: Ctx = {
      deps,
      trx,
      actor,
      now,
      meta,
      audit: (entry) => writeAudit(trx, keys, actor, now, meta, entry),
    };
    return fn(ctx);
  });
}

const PLATFORM = systemActor("platform");
const NO_REQUEST: RequestMeta = { ip: null, requestId: null };

/** Runs background work (sweep, recomputing deadlines) as the platform itself, dated `now`. */
export function runPlatformCommand<T>(deps: Deps, now: Date, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  return runCommand(deps, PLATFORM, NO_REQUEST, (ctx) => fn({ ...ctx, now }));
}
