import type { Logger } from "pino";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { Db } from "./db.ts";
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

/** Where a request came from, recorded with every change it makes. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}
