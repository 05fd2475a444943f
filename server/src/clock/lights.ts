import { allowLongStatements, type Db, type Executor } from "../platform/db.ts";
import { type LightCounts, lightsRefreshedThrough, refreshLights, setLightsRefreshedThrough } from "./clockRepository.ts";

export type { LightCounts };

/** Brings what is kept of cases whose light changed up to date, in the same transaction (the supervision counters). */
export type KeepCases = (trx: Executor, caseIds: readonly string[]) => Promise<void>;

const KEEP_BATCH = 5000;

/** Rows of cases and of tasks whose light one transaction of a pass changes at most. */
export const PASS_BATCH = 5000;

/**
 * One lights pass (`refreshLights`, from `since`) with what is kept of the cases whose light changed,
 * in the same transaction: the counters never disagree with the lights. The pass goes in transactions
 * of at most `PASS_BATCH` cases and tasks each, so that no command waits long for a row it locks: on a
 * day when many deadlines fall (178k lights at 10M cases) one transaction held them for 37 s, past a
 * command's lock timeout. A pass cut off part way is taken up by the next one (a changed row no longer
 * matches); each transaction's statements may run longer than a request's, since a full pass looks at
 * every open case.
 */
export async function refreshLightsKept(db: Db, today: string, since: string | undefined, keep: KeepCases, batch = PASS_BATCH): Promise<LightCounts> {
  const total: LightCounts = { cases: 0, tasks: 0, escalations: 0 };
  for (;;) {
    const counts = await db.transaction().execute(async (trx) => {
      await allowLongStatements(trx);
      const { caseIds, ...counts } = await refreshLights(trx, today, since, batch);
      for (let i = 0; i < caseIds.length; i += KEEP_BATCH) await keep(trx, caseIds.slice(i, i + KEEP_BATCH));
      return counts;
    });
    total.cases += counts.cases;
    total.tasks += counts.tasks;
    total.escalations += counts.escalations;
    if (counts.cases < batch && counts.tasks < batch) return total;
  }
}

/** The lights pass of the sweep: incremental when the clock moved on since the last one, full when it was set back. */
export async function refreshLightsThrough(db: Db, today: string, keep: KeepCases): Promise<LightCounts> {
  const since = await lightsRefreshedThrough(db);
  const lights = await refreshLightsKept(db, today, since, keep);
  await setLightsRefreshedThrough(db, today);
  return lights;
}
