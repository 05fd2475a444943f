/** What every scenario gets: the running platform, a pool on the bench database, the run's options. */
import type pg from "pg";
import type { ServerProcess } from "../lib/processes.ts";

export interface RunOptions {
  sizes: number[];
  scenarios: string[];
  durationS: number;
  connections: number;
  clients: number;
  smoke: boolean;
  keep: boolean;
  /** The CPU budget (cores) each server process is held to when one and two processes are compared under a budget (0: not compared). */
  processCpu: number;
  profileDir?: string;
}

export interface ScenarioContext {
  size: number;
  databaseUrl: string;
  platform: ServerProcess;
  pool: pg.Pool;
  opts: RunOptions;
  log: (line: string) => void;
  /** A free port for a floor server. */
  floorPort: number;
}

/** `a / b` to two decimals (null when b is 0). */
export function ratio(a: number, b: number): number | null {
  return b ? Math.round((a / b) * 100) / 100 : null;
}

/** Median and maximum of `n` sequential timings of `fn` (ms). */
export async function timings(n: number, fn: () => Promise<unknown>): Promise<{ medianMs: number; maxMs: number; runs: number }> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const r = (v: number) => Math.round(v * 100) / 100;
  return { medianMs: r(ms[Math.floor(ms.length / 2)]!), maxMs: r(ms[ms.length - 1]!), runs: n };
}

/** Transactions committed or rolled back in the bench database so far (each autocommit query is one). */
async function transactionCount(pool: pg.Pool): Promise<number> {
  // An idle backend reports its counts within 10 s (PostgreSQL 15's PGSTAT_IDLE_INTERVAL): let them.
  await new Promise((r) => setTimeout(r, 11_000));
  const { rows } = await pool.query<{ n: string }>("select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()");
  return Number(rows[0]!.n);
}

/** Runs `fn` and counts the database transactions it caused, per unit of `unitsOf(result)` (22 s more; `skip` in smoke runs). */
export async function withTransactionCount<T>(pool: pg.Pool, fn: () => Promise<T>, unitsOf: (r: T) => number, skip = false): Promise<{ value: T; transactionsPerUnit: number | null }> {
  if (skip) return { value: await fn(), transactionsPerUnit: null };
  const before = await transactionCount(pool);
  const value = await fn();
  const after = await transactionCount(pool);
  const units = unitsOf(value);
  // The two counting queries themselves and the pool's own checks are noise below one per unit.
  return { value, transactionsPerUnit: units ? Math.round(((after - before - 2) / units) * 10) / 10 : null };
}
