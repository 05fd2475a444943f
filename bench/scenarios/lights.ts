/**
 * The supervision lights refresh (formerly bench/run.ts): the set-based full pass, the daily
 * incremental pass of the next day and a quiet rerun, over the generated open cases and tasks, each
 * with the supervision counters of the cases whose light changed, in its transaction; beside the
 * floor, the same days' lights set by one bare UPDATE of copies of the open rows.
 * Run last: it moves lights to tomorrow's.
 */
import { refreshLightsKept } from "../../server/src/clock/lights.ts";
import { addDays } from "../../server/src/clock/calendar.ts";
import { openPostgres } from "../../server/src/platform/db.ts";
import { shanghaiDay } from "../../server/src/platform/clock.ts";
import { refreshCaseCounts } from "../../server/src/supervision/counts.ts";
import { lightsFloor, prepareLightsFloor } from "../floors/sqlFloors.ts";
import { ratio, timings, type ScenarioContext } from "./context.ts";

export async function lightsScenario(ctx: ScenarioContext) {
  const handle = openPostgres(ctx.databaseUrl, 2);
  try {
    const today = shanghaiDay(new Date());
    const tomorrow = addDays(today, 1);
    // The floors first, from the lights the platform's passes start from (each rolled back).
    await prepareLightsFloor(ctx.pool);
    const floorRuns = ctx.opts.smoke ? 1 : 3;
    let floorChanged = 0;
    const fullFloor = await timings(floorRuns, () => lightsFloor(ctx.pool, today));
    const dailyFloor = await timings(floorRuns, async () => (floorChanged = await lightsFloor(ctx.pool, tomorrow)));
    let changed: unknown;
    const full = await timings(1, async () => (changed = await refreshLightsKept(handle.db, today, undefined, refreshCaseCounts)));
    let dailyChanged: unknown;
    const daily = await timings(1, async () => (dailyChanged = await refreshLightsKept(handle.db, tomorrow, today, refreshCaseCounts)));
    const quiet = await timings(ctx.opts.smoke ? 1 : 5, () => refreshLightsKept(handle.db, tomorrow, tomorrow, refreshCaseCounts));
    return {
      today,
      fullPassMs: full.medianMs,
      fullPassChanged: changed,
      fullPassFloor: fullFloor,
      fullPassRatio: ratio(full.medianMs, fullFloor.medianMs),
      dailyIncrementalMs: daily.medianMs,
      dailyIncrementalChanged: dailyChanged,
      dailyFloor,
      dailyFloorChangedRows: floorChanged,
      dailyRatio: ratio(daily.medianMs, dailyFloor.medianMs),
      quietRerun: quiet,
    };
  } finally {
    await handle.close();
  }
}
