/** Load drivers: autocannon for single-request scenarios, and a closed-loop driver for journeys. */
import autocannon from "autocannon";

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  connections: number;
  durationS: number;
  /** The server's resident memory, highest sample during the run (MiB). */
  rssMiB?: number | null;
}

/**
 * The server's CPU time per unit of work while `run` runs (ms): on a machine shared with other work,
 * throughput moves with the neighbours' load, CPU time per request much less.
 */
export async function withCpu<T>(cpuMs: (() => number | null) | undefined, run: () => Promise<T>, units: (value: T) => number): Promise<{ value: T; cpuMsPerUnit: number | null }> {
  const before = cpuMs?.() ?? null;
  const value = await run();
  const after = cpuMs?.() ?? null;
  const n = units(value);
  return { value, cpuMsPerUnit: before === null || after === null || !n ? null : Math.round(((after - before) / n) * 1000) / 1000 };
}

/** Samples `rss()` every 200 ms while `run` runs; the highest value. */
export async function withRssPeak<T>(rss: (() => number | null) | undefined, run: () => Promise<T>): Promise<{ value: T; rssMiB: number | null }> {
  let peak: number | null = null;
  const sample = () => {
    const v = rss?.() ?? null;
    if (v !== null && (peak === null || v > peak)) peak = v;
  };
  const timer = setInterval(sample, 200);
  try {
    const value = await run();
    sample();
    return { value, rssMiB: peak };
  } finally {
    clearInterval(timer);
  }
}

/** GETs `paths` (round robin) at `url` with autocannon, `connections` at once for `durationS`. */
export async function hammer(url: string, paths: string[], opts: { connections: number; durationS: number; headers?: Record<string, string> }): Promise<LoadFigures> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.durationS,
    headers: opts.headers,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  return {
    requestsPerSecond: Math.round(result.requests.total / opts.durationS),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    connections: opts.connections,
    durationS: opts.durationS,
  };
}

/** Percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! * 100) / 100;
}

/**
 * `clients` loops each running `once()` until `durationS` has passed (or `once` returns false):
 * completed runs per second and the latency of one run.
 */
export async function closedLoop(clients: number, durationS: number, once: (client: number) => Promise<boolean | void>): Promise<{ perSecond: number; runs: number; errors: number; p50Ms: number; p99Ms: number; firstError?: string }> {
  const until = performance.now() + durationS * 1000;
  const times: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < until) {
        const s = performance.now();
        try {
          if ((await once(c)) === false) return;
          times.push(performance.now() - s);
        } catch (e) {
          errors++;
          firstError ??= e instanceof Error ? e.message : String(e);
          if (errors > 50 && times.length === 0) return;
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return { perSecond: Math.round((times.length / elapsed) * 10) / 10, runs: times.length, errors, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), ...(firstError ? { firstError } : {}) };
}
