import type { Logger } from "pino";
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
  /**
   * Brings what is kept of these cases for fast reads (the public progress rows, the supervision
   * counters) up to date, in the transaction of the command that changed them: `runCommand` calls it
   * with every case its audit entries name. Wired by the composition root (deps.ts).
   */
  keepCaseViews: (trx: Executor, caseIds: readonly string[]) => Promise<void>;
  /**
   * Resolves once everything committed before the call is in commit order: audit records linked into
   * the chain, integration events numbered. `runCommand` awaits it after each commit. Wired by the
   * composition root (audit/sequencer.ts, one per process).
   */
  sequence: () => Promise<void>;
}

/** Where a request came from, recorded with every change it makes. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}
