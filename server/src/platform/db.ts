import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql, type Transaction } from "kysely";
import { PGliteDialect } from "./pgliteDialect.ts";
import pg from "pg";
import type { Database } from "./schema.ts";
import { SerializedDriver } from "./serializedDriver.ts";

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the database handle or an open transaction: repositories accept both. */
export type Executor = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: "pglite" | "postgres";
  pglite?: PGlite;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;

/** Another process holds the embedded database. */
export class DatabaseInUseError extends Error {}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * The embedded database serves one process: a second one on the same directory would start and
 * lose writes. A lock file with the holder's pid keeps it out; a lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number(fs.readFileSync(file, "utf8").trim());
      if (holder && alive(holder)) {
        throw new DatabaseInUseError(`the embedded database ${dataDir} is in use by process ${holder}; stop it first, or use PostgreSQL (DATABASE_URL) to run several processes`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DatabaseInUseError(`could not lock the embedded database ${dataDir}`);
}

/** Opens the embedded database in `dataDir` (created if absent), optionally from a dumped data dir. */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<DatabaseHandle> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir ?? "memory://", {
      loadDataDir,
      parsers: { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v },
    });
  } catch (e) {
    unlock();
    throw e;
  }
  // PGlite has one connection; Kysely's PGlite driver does not queue callers, so concurrent
  // requests would interleave inside each other's transactions. Serialize them.
  const dialect = new PGliteDialect({ pglite });
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => dialect.createAdapter(),
      createDriver: () => new SerializedDriver(dialect.createDriver()),
      createIntrospector: (k) => dialect.createIntrospector(k),
      createQueryCompiler: () => dialect.createQueryCompiler(),
    },
  });
  return {
    db, kind: "pglite", pglite,
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}

/**
 * Marks a hot query as a named prepared statement: `sql\`${prepared("public-progress")} select …\``.
 * On PostgreSQL each connection parses and plans it once and then only binds and executes it (the
 * text must never change under the same name); on PGlite the mark is an ordinary comment.
 */
export const prepared = (name: string) => sql.raw(`/* prepared:${name} */`);
const PREPARED = /^\/\* prepared:([\w-]+) \*\//;

/** A pg client that sends the queries marked by `prepared()` as named statements. */
class PreparingClient extends pg.Client {
  // pg's overloads cannot be restated here; the marked form is the only one rewritten.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const name = typeof text === "string" ? PREPARED.exec(text)?.[1] : undefined;
    const call = super.query as (...a: unknown[]) => never;
    if (name && (values === undefined || Array.isArray(values)) && args.length <= 2) return call.call(this, { name, text, values });
    return call.apply(this, args);
  }
}

/**
 * Limits that keep one stuck query, lock or forgotten transaction from holding the platform (ms).
 * `pass`: a statement of a background pass over all open cases (the sweep's lights), which at
 * millions of cases takes longer than a request's statement may (`allowLongStatements`).
 */
export const POSTGRES_TIMEOUTS = { connect: 5_000, statement: 30_000, lock: 10_000, idleInTransaction: 60_000, idle: 30_000, pass: 600_000 };

/**
 * Lets the statements of this transaction run up to `POSTGRES_TIMEOUTS.pass`: for a background pass
 * over every open case, never for a request. Ends with the transaction.
 */
export async function allowLongStatements(trx: Executor): Promise<void> {
  await sql`set local statement_timeout = ${sql.raw(String(POSTGRES_TIMEOUTS.pass))}`.execute(trx);
}

/**
 * A pool on a PostgreSQL server. A connection that drops (server restart, failover, a killed
 * backend) is reported to `onError` and replaced on the next checkout; it never ends the process.
 */
export function openPostgres(url: string, max = 10, onError: (err: Error) => void = () => undefined): DatabaseHandle {
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: url,
    max,
    connectionTimeoutMillis: POSTGRES_TIMEOUTS.connect,
    idleTimeoutMillis: POSTGRES_TIMEOUTS.idle,
    statement_timeout: POSTGRES_TIMEOUTS.statement,
    lock_timeout: POSTGRES_TIMEOUTS.lock,
    idle_in_transaction_session_timeout: POSTGRES_TIMEOUTS.idleInTransaction,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") => {
        if (oid === INT8) return (v: string) => Number(v);
        if (oid === DATE) return (v: string) => v;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client's error is emitted on the pool; a checked-out client's on the client itself (its
  // query fails and the command rolls back). Unhandled, either would crash the process.
  pool.on("error", onError);
  pool.on("connect", (client) => client.on("error", onError));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: "postgres", close: () => db.destroy() };
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }, onError?: (err: Error) => void): Promise<DatabaseHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, 10, onError);
  return openPglite(path.join(opts.dataDir, "pgdata"));
}

/**
 * Whether an error means the database is overloaded rather than that something is wrong: no pool
 * connection free within the connect timeout, too many connections, or a statement or lock wait cut
 * off by its timeout. Such a request is answered 503 BUSY with Retry-After, never 500.
 */
export function isOverload(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (code === "53300" || code === "57014" || code === "55P03") return true;
  return /timeout exceeded when trying to connect|Connection terminated due to connection timeout/i.test(err.message);
}
