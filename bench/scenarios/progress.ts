/** Public progress by supervision code: the platform against the bare Fastify + pg lookup. */
import { childrenOf, cpuBudgetSupported, holdToCpu } from "../lib/cpuBudget.ts";
import { hammer, type LoadFigures, withCpu, withRssPeak } from "../lib/load.ts";
import { cpuOf, startPlatform, startProgressFloor } from "../lib/processes.ts";
import { ratio, type ScenarioContext, withTransactionCount } from "./context.ts";

export async function progressScenario(ctx: ScenarioContext) {
  const sample = ctx.size >= 1_000_000 ? "tablesample system (1)" : "";
  const { rows } = await ctx.pool.query<{ supervision_code: string }>(`select supervision_code from cases ${sample} where supervision_code is not null limit 5000`);
  const paths = rows.map((r) => `/api/public/progress/${r.supervision_code}`);
  if (!paths.length) throw new Error("no accepted cases to look up");
  const load = { connections: ctx.opts.connections, durationS: ctx.opts.durationS };
  const floorServer = await startProgressFloor(ctx.databaseUrl, ctx.floorPort, 10);
  try {
    const measure = (server: { url: string; cpuMs?: () => number | null; rssMiB?: () => number | null }, durationS: number) =>
      withCpu(server.cpuMs, () => withTransactionCount(ctx.pool, () => withRssPeak(server.rssMiB, () => hammer(server.url, paths, { ...load, durationS })), (r) => r.value.requests, ctx.opts.smoke), (r) => r.value.value.requests);
    // Platform and floor take turns, in rounds (platform first, then the floor first, …), both warmed
    // first: on a shared machine the neighbours' load drifts within a minute, and a ratio of two runs
    // measured one after the other moved by half (0.76 and 0.48 at 10k in consecutive runs); taking
    // turns gives both the same drift.
    const rounds = ctx.opts.smoke ? 1 : 3;
    const roundS = Math.max(1, Math.ceil(ctx.opts.durationS / rounds));
    if (!ctx.opts.smoke) for (const server of [ctx.platform, floorServer]) await hammer(server.url, paths, { ...load, durationS: 2 });
    const platformRuns: Measured[] = [];
    const floorRuns: Measured[] = [];
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? ([[ctx.platform, platformRuns], [floorServer, floorRuns]] as const) : ([[floorServer, floorRuns], [ctx.platform, platformRuns]] as const);
      for (const [server, runs] of order) runs.push(await measure(server, roundS));
    }
    const platform = merged(platformRuns);
    const floor = merged(floorRuns);
    // The same load on two server processes sharing the port (WORKERS=2, node:cluster) on the same
    // database; left out of the smoke run (CI), where it would only add two server starts. Unbounded,
    // two processes compete for the cores the database and the load generator use as well; held to the
    // same CPU budget each (as containers with a CPU limit are), they show what a second process adds.
    let twoProcesses: object | null = null;
    if (!ctx.opts.smoke) {
      const cores = ctx.opts.processCpu;
      const budgeted = cores > 0 && cpuBudgetSupported();
      // The CPU both processes used per request (ms), beside the requests per second.
      const cpuOfAll = (pids: number[]) => () => pids.reduce((sum, pid) => sum + (cpuOf(pid) ?? 0), 0);
      const budgetedRun = (url: string, pids: number[]) => withCpu(cpuOfAll(pids), () => hammer(url, paths, load), (r) => r.requests);
      let one: Awaited<ReturnType<typeof budgetedRun>> | null = null;
      if (budgeted) {
        // Warmed again first, as the two processes are by their unbounded run: idle through the floor's
        // run, V8 has dropped the compiled code, and compiling it again under a 0.4-core budget halved the figure.
        await hammer(ctx.platform.url, paths, { ...load, durationS: 3 });
        const release = holdToCpu([ctx.platform.pid], cores);
        try {
          one = await budgetedRun(ctx.platform.url, [ctx.platform.pid]);
        } finally {
          release();
        }
      }
      const two = await startPlatform(ctx.databaseUrl, ctx.floorPort + 1, undefined, 2);
      try {
        const unbounded = (await hammer(two.url, paths, load)).requestsPerSecond;
        let both: Awaited<ReturnType<typeof budgetedRun>> | null = null;
        if (budgeted) {
          const workers = childrenOf(two.pid);
          if (workers.length !== 2) throw new Error(`expected two server processes under ${two.pid}, found ${workers.length}`);
          const release = holdToCpu(workers, cores);
          try {
            both = await budgetedRun(two.url, workers);
          } finally {
            release();
          }
        }
        twoProcesses = {
          requestsPerSecond: unbounded,
          ratioToOne: ratio(unbounded, platform.requestsPerSecond),
          cpuBudget:
            one === null || both === null
              ? null
              : {
                  coresPerProcess: cores,
                  one: { requestsPerSecond: one.value.requestsPerSecond, p99Ms: one.value.p99Ms, cpuMsPerRequest: one.cpuMsPerUnit },
                  two: { requestsPerSecond: both.value.requestsPerSecond, p99Ms: both.value.p99Ms, cpuMsPerRequest: both.cpuMsPerUnit },
                  ratioToOne: ratio(both.value.requestsPerSecond, one.value.requestsPerSecond),
                },
        };
      } finally {
        await two.stop();
      }
    }
    return {
      codes: paths.length,
      twoProcesses,
      platform,
      floor,
      serverCpuRatio: platform.cpuMsPerRequest && floor.cpuMsPerRequest ? Math.round((platform.cpuMsPerRequest / floor.cpuMsPerRequest) * 100) / 100 : null,
      throughputRatio: ratio(platform.requestsPerSecond, floor.requestsPerSecond),
      p99Ratio: ratio(platform.p99Ms, floor.p99Ms),
      // Each round's ratio: how much the figure moved within this run.
      roundRatios: platformRuns.map((p, i) => ratio(p.value.value.value.requestsPerSecond, floorRuns[i]!.value.value.value.requestsPerSecond)),
    };
  } finally {
    await floorServer.stop();
  }
}

type Measured = Awaited<ReturnType<typeof withCpu<Awaited<ReturnType<typeof withTransactionCount<Awaited<ReturnType<typeof withRssPeak<LoadFigures>>>>>>>>>;

/**
 * The rounds of one server as one figure: requests and seconds added up, p50 the rounds' median, p99
 * the highest round's (percentiles of separate runs do not add up; the highest is the cautious one),
 * CPU and transactions per request weighted by the requests, the highest memory.
 */
function merged(runs: Measured[]) {
  const figures = runs.map((r) => r.value.value.value);
  const requests = figures.reduce((n, f) => n + f.requests, 0);
  const durationS = figures.reduce((n, f) => n + f.durationS, 0);
  const weighted = (per: (r: Measured) => number | null) => {
    if (runs.some((r) => per(r) === null) || !requests) return null;
    return Math.round((runs.reduce((n, r) => n + per(r)! * r.value.value.value.requests, 0) / requests) * 1000) / 1000;
  };
  const p50s = figures.map((f) => f.p50Ms).sort((a, b) => a - b);
  const rss = runs.map((r) => r.value.value.rssMiB).filter((v): v is number => v !== null);
  return {
    requestsPerSecond: Math.round(requests / durationS),
    p50Ms: p50s[Math.floor(p50s.length / 2)]!,
    p99Ms: Math.max(...figures.map((f) => f.p99Ms)),
    requests,
    errors: figures.reduce((n, f) => n + f.errors, 0),
    non2xx: figures.reduce((n, f) => n + f.non2xx, 0),
    connections: figures[0]!.connections,
    durationS,
    rounds: runs.length,
    rssMiB: rss.length ? Math.max(...rss) : null,
    cpuMsPerRequest: weighted((r) => r.cpuMsPerUnit),
    databaseTransactionsPerRequest: weighted((r) => r.value.transactionsPerUnit),
  };
}
