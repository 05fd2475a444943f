import type { PGlite, Transaction as PGliteTransaction } from "@electric-sql/pglite";
import {
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
} from "kysely";

/*
 * Kysely's own PGlite dialect needs Kysely 0.29, which needs Node.js 22; this is the same driver for
 * Kysely 0.28 (after Kysely 0.29's PGliteDriver, MIT licence), so that the platform runs on Node.js 20.
 */

/** PGlite has one connection, reserved by the migrator for its whole run: no lock to take. */
class PGliteAdapter extends PostgresAdapter {
  get supportsMultipleConnections(): boolean {
    return false;
  }
  override async acquireMigrationLock(): Promise<void> {}
  override async releaseMigrationLock(): Promise<void> {}
}

/**
 * The one connection. A transaction runs inside PGlite's exclusive `transaction()`, which locks the
 * instance against anything else using it directly (e.g. dumping the data directory for a backup).
 */
class PGliteConnection implements DatabaseConnection {
  private tx: PGliteTransaction | undefined;
  private closed: Promise<void> | undefined;
  private finish: ((commit: boolean) => void) | undefined;

  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { affectedRows, rows } = await (this.tx ?? this.pglite).query<R>(compiled.sql, compiled.parameters as unknown[], { rowMode: "object" });
    return { numAffectedRows: affectedRows != null ? BigInt(affectedRows) : undefined, rows: rows ?? [] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("streaming is not supported by PGlite");
  }

  async begin(): Promise<void> {
    let begun!: () => void;
    const started = new Promise<void>((resolve) => (begun = resolve));
    const outcome = new Promise<boolean>((resolve) => (this.finish = resolve));
    this.closed = this.pglite.transaction(async (tx) => {
      this.tx = tx;
      begun();
      // A rejected callback makes PGlite roll back; a resolved one commits.
      if (!(await outcome)) throw new RolledBack();
    });
    // A failure to begin at all surfaces here rather than as an unhandled rejection later.
    await Promise.race([started, this.closed]);
  }

  async end(commit: boolean): Promise<void> {
    this.finish?.(commit);
    try {
      await this.closed;
    } catch (err) {
      if (commit || !(err instanceof RolledBack)) throw err;
    } finally {
      this.tx = undefined;
      this.closed = undefined;
      this.finish = undefined;
    }
  }
}

class RolledBack extends Error {}

class PGliteDriver implements Driver {
  private connection: PGliteConnection | undefined;

  constructor(private readonly pglite: PGlite) {}

  async init(): Promise<void> {
    if (this.pglite.closed) throw new Error("the PGlite instance is already closed");
    await this.pglite.waitReady;
    this.connection = new PGliteConnection(this.pglite);
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection!;
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).begin();
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).end(true);
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).end(false);
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly config: { pglite: PGlite }) {}

  createAdapter(): DialectAdapter {
    return new PGliteAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.config.pglite);
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}
