import type { Logger } from "pino";
import type { AuditEntry } from "../audit/events.ts";
import { type AuditMeta, writeAudit } from "../audit/writer.ts";
import type { Actor } from "./actor.ts";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { Db, Executor } from "./db.ts";
import type { FileStore } from "./files.ts";

/** What the whole application shares: built once by the composition root. */
export interface Deps {
  config: Config;
  db: Db;
  dbKind: "pglite" | "postgres";
  clock: Clock;
  files: FileStore;
  logger: Logger;
}

/** What one command sees: the caller, one transaction, one instant. */
export interface Ctx {
  deps: Deps;
  trx: Executor;
  actor: Actor;
  now: Date;
  meta: AuditMeta;
  audit(entry: AuditEntry): Promise<void>;
}

/**
 * Runs a state change in one transaction with its audit record(s). Nothing is written if the
 * command throws.
 */
export async function runCommand<T>(deps: Deps, actor: Actor, meta: AuditMeta, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const ctx: Ctx = {
      deps,
      trx,
      actor,
      now,
      meta,
      audit: (entry) => writeAudit(trx, actor, now, meta, entry),
    };
    return fn(ctx);
  });
}
