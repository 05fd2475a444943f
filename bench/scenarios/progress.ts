/** Public progress by supervision code: the platform against the bare Fastify + pg lookup. */
import { childrenOf, cpuBudgetSupported, holdToCpu } from "../lib/cpuBudget.ts";
import { hammer, withCpu, withRssPeak } from "../lib/load.ts";
import { cpuOf, startPlatform, startProgressFloor } from "../lib/processes.ts";
import { ratio, type ScenarioContext, withTransactionCount } from "./context.ts";

export async function progressScenario(ctx: ScenarioContext) {
  const sample = ctx.size >= 1_000_000 ? "tablesample system (1)" : "";
  const { rows } = await ctx.pool.query<{ supervision_code: string }>(`select supervision_code from cases ${sample} where supervision_code is not null limit 5000`);
  const paths = rows.map((r) => `/api/public/progress/${r.supervision_code}`);
  if (!paths.length) throw new Error("no accepted cases to look up");
  const load = { connections: ctx.opts.connections, durationS: ctx.opts.durationS };
  const platformCpu = await withCpu(ctx.platform.cpuMs, () => withTransactionCount(ctx.pool, () => withRssPeak(ctx.platform.rssMiB, () => hammer(ctx.platform.url, paths, load)), (r) => r.value.requests, ctx.opts.smoke), (r) => r.value.value.requests);
  const platformTx = platformCpu.value;
  const platform = platformTx.value;
  const floorServer = await startProgressFloor(ctx.databaseUrl, ctx.floorPort, 10);
  try {
    const floorCpu = await withCpu(floorServer.cpuMs, () => withTransactionCount(ctx.pool, () => withRssPeak(floorServer.rssMiB, () => hammer(floorServer.url, paths, load)), (r) => r.value.requests, ctx.opts.smoke), (r) => r.value.value.requests);
    const floorTx = floorCpu.value;
    const floor = floorTx.value;
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
          ratioToOne: ratio(unbounded, platform.value.requestsPerSecond),
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
      platform: { ...platform.value, rssMiB: platform.rssMiB, cpuMsPerRequest: platformCpu.cpuMsPerUnit, databaseTransactionsPerRequest: platformTx.transactionsPerUnit },
      floor: { ...floor.value, rssMiB: floor.rssMiB, cpuMsPerRequest: floorCpu.cpuMsPerUnit, databaseTransactionsPerRequest: floorTx.transactionsPerUnit },
      serverCpuRatio: platformCpu.cpuMsPerUnit && floorCpu.cpuMsPerUnit ? Math.round((platformCpu.cpuMsPerUnit / floorCpu.cpuMsPerUnit) * 100) / 100 : null,
      throughputRatio: ratio(platform.value.requestsPerSecond, floor.value.requestsPerSecond),
      p99Ratio: ratio(platform.value.p99Ms, floor.value.p99Ms),
    };
  } finally {
    await floorServer.stop();
  }
}
