/** Public progress by supervision code: the platform against the bare Fastify + pg lookup. */
import { hammer, withCpu, withRssPeak } from "../lib/load.ts";
import { startPlatform, startProgressFloor } from "../lib/processes.ts";
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
    // database; left out of the smoke run (CI), where it would only add two server starts.
    let twoProcesses: number | null = null;
    if (!ctx.opts.smoke) {
      const two = await startPlatform(ctx.databaseUrl, ctx.floorPort + 1, undefined, 2);
      try {
        twoProcesses = (await hammer(two.url, paths, load)).requestsPerSecond;
      } finally {
        await two.stop();
      }
    }
    return {
      codes: paths.length,
      twoProcesses: twoProcesses === null ? null : { requestsPerSecond: twoProcesses, ratioToOne: ratio(twoProcesses, platform.value.requestsPerSecond) },
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
