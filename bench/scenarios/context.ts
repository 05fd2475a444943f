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
