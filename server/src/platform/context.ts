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
   * Brings what is kept of these cases for fast reads (the public progress rows) up to date, in the
   * transaction of the command that changed them: `runCommand` calls it with every case its audit
   * entries name. Wired by the composition root (cases/progressRepository.ts, refreshProgress).
   */
  keepCaseViews: (trx: Executor, caseIds: readonly string[]) => Promise<void>;
}

/** Where a request came from, recorded with every change it makes. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}
