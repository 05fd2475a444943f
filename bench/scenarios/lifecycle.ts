/**
 * A full lifecycle through HTTP (bench/lib/journey.ts), `clients` journeys in flight; beside it the
 * same writes in raw SQL and the in-memory BPMN engine (start → two user tasks → end).
 */
import { bpmnEngineFloor } from "../floors/bpmnEngine.ts";
import { lifecycleFloor } from "../floors/sqlFloors.ts";
import { journeyGuide, loginActors, runJourney } from "../lib/journey.ts";
import { closedLoop, withRssPeak } from "../lib/load.ts";
import { ratio, type ScenarioContext, withTransactionCount } from "./context.ts";

export async function lifecycleScenario(ctx: ScenarioContext) {
  const guide = await journeyGuide(ctx.platform.url);
  const actors = await loginActors(ctx.platform.url, ctx.opts.clients);
  let requestsPerCase = 0;
  const platformTx = await withTransactionCount(
    ctx.pool,
    () =>
      withRssPeak(ctx.platform.rssMiB, () =>
        closedLoop(ctx.opts.clients, ctx.opts.durationS, async (c) => {
          requestsPerCase = await runJourney(actors[c]!, guide);
        }),
      ),
    (r) => r.value.runs,
    ctx.opts.smoke,
  );
  const platform = platformTx.value;
  const sqlFloor = await lifecycleFloor(ctx.pool, ctx.opts.clients, ctx.opts.durationS);
  const bpmn = await bpmnEngineFloor(ctx.opts.clients, ctx.opts.durationS);
  return {
    clients: ctx.opts.clients,
    requestsPerCase,
    platform: { casesPerSecond: platform.value.perSecond, ...platform.value, rssMiB: platform.rssMiB, databaseTransactionsPerCase: platformTx.transactionsPerUnit },
    rawSqlFloor: { casesPerSecond: sqlFloor.perSecond, ...sqlFloor },
    bpmnEngine: { instancesPerSecond: bpmn.perSecond, ...bpmn },
    ratioToRawSql: ratio(platform.value.perSecond, sqlFloor.perSecond),
    ratioToBpmnEngine: ratio(platform.value.perSecond, bpmn.perSecond),
  };
}
