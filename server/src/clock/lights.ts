import { allowLongStatements, type Db, type Executor } from "../platform/db.ts";
import { type LightCounts, lightsRefreshedThrough, refreshLights, setLightsRefreshedThrough } from "./clockRepository.ts";

export type { LightCounts };

/** Brings what is kept of cases whose light changed up to date, in the same transaction (the supervision counters). */
export type KeepCases = (trx: Executor, caseIds: readonly string[]) => Promise<void>;

const KEEP_BATCH = 5000;

/**
 * One lights pass (`refreshLights`, from `since`) in one transaction with what is kept of the cases
 * whose light changed: the counters never disagree with the lights.
 */
export async function refreshLightsKept(db: Db, today: string, since: string | undefined, keep: KeepCases): Promise<LightCounts> {
  return db.transaction().execute(async (trx) => {
    // A full pass reads every open case: at 10M cases (1.8M open) longer than a request's 30 s.
    await allowLongStatements(trx);
    const { caseIds, ...counts } = await refreshLights(trx, today, since);
    for (let i = 0; i < caseIds.length; i += KEEP_BATCH) await keep(trx, caseIds.slice(i, i + KEEP_BATCH));
    return counts;
  });
}

/** The lights pass of the sweep: incremental when the clock moved on since the last one, full when it was set back. */
export async function refreshLightsThrough(db: Db, today: string, keep: KeepCases): Promise<LightCounts> {
  const since = await lightsRefreshedThrough(db);
  const lights = await refreshLightsKept(db, today, since, keep);
  await setLightsRefreshedThrough(db, today);
  return lights;
}
