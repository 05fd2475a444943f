/**
 * The supervision lights refresh (formerly bench/run.ts): the set-based full pass, the daily
 * incremental pass of the next day and a quiet rerun, over the generated open cases and tasks.
 * Run last: it moves lights to tomorrow's.
 */
import { refreshLights } from "../../server/src/clock/clockRepository.ts";
import { openPostgres } from "../../server/src/platform/db.ts";
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
    const full = await timings(1, async () => (changed = await refreshLights(handle.db, today)));
    let dailyChanged: unknown;
    const daily = await timings(1, async () => (dailyChanged = await refreshLights(handle.db, tomorrow, today)));
    const quiet = await timings(ctx.opts.smoke ? 1 : 5, () => refreshLights(handle.db, tomorrow, tomorrow));
    return { today, fullPassMs: full.medianMs, fullPassChanged: changed, dailyIncrementalMs: daily.medianMs, dailyIncrementalChanged: dailyChanged, quietRerun: quiet };
  } finally {
    await handle.close();
  }
}
