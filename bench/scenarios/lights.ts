/**
 * The supervision lights refresh (formerly bench/run.ts): the set-based full pass, the daily
 * incremental pass of the next day and a quiet rerun, over the generated open cases and tasks, each
 * with the supervision counters of the cases whose light changed, in its transaction.
 * Run last: it moves lights to tomorrow's.
 */
import { refreshLightsKept } from "../../server/src/clock/lights.ts";
import { openPostgres } from "../../server/src/platform/db.ts";
import { refreshCaseCounts } from "../../server/src/supervision/counts.ts";
import { timings, type ScenarioContext } from "./context.ts";

function dayOf(d: Date): string {
  return d.toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
}

export async function lightsScenario(ctx: ScenarioContext) {
  const handle = openPostgres(ctx.databaseUrl, 2);
  try {
    const today = dayOf(new Date());
    const tomorrow = dayOf(new Date(Date.now() + 86_400_000));
    let changed: unknown;
    const full = await timings(1, async () => (changed = await refreshLightsKept(handle.db, today, undefined, refreshCaseCounts)));
    let dailyChanged: unknown;
    const daily = await timings(1, async () => (dailyChanged = await refreshLightsKept(handle.db, tomorrow, today, refreshCaseCounts)));
    const quiet = await timings(ctx.opts.smoke ? 1 : 5, () => refreshLightsKept(handle.db, tomorrow, tomorrow, refreshCaseCounts));
    return { today, fullPassMs: full.medianMs, fullPassChanged: changed, dailyIncrementalMs: daily.medianMs, dailyIncrementalChanged: dailyChanged, quietRerun: quiet };
  } finally {
    await handle.close();
  }
}
