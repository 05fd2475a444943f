/**
 * Case submission through HTTP (validation, reference number, acceptance deadline, audit): drafts
 * with their materials are prepared first, untimed; then `clients` submit them at once. Floor: one
 * insert in a transaction, the same number of clients.
 */
import { insertFloor } from "../floors/sqlFloors.ts";
import { journeyGuide, loginActors, prepareDraft } from "../lib/journey.ts";
import { closedLoop, withRssPeak } from "../lib/load.ts";
import { ratio, type ScenarioContext } from "./context.ts";

export async function submissionScenario(ctx: ScenarioContext) {
  const guide = await journeyGuide(ctx.platform.url);
  const actors = await loginActors(ctx.platform.url, ctx.opts.clients);
  // Enough drafts for the run at a generous rate; the run stops early when they are used up.
  const perClient = Math.max(10, Math.ceil((ctx.opts.durationS * (ctx.opts.smoke ? 60 : 100)) / ctx.opts.clients));
  const t0 = performance.now();
  const drafts = await Promise.all(actors.map(async (a) => {
    const ids: string[] = [];
    for (let i = 0; i < perClient; i++) ids.push(await prepareDraft(a, guide));
    return ids;
  }));
  ctx.log(`    ${perClient * actors.length} drafts prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const platform = await withRssPeak(ctx.platform.rssMiB, () =>
    closedLoop(ctx.opts.clients, ctx.opts.durationS, async (c) => {
      const id = drafts[c]!.pop();
      if (!id) return false;
      await actors[c]!.applicant.post(`/api/cases/${id}/submit`);
    }),
  );
  const floor = await insertFloor(ctx.pool, ctx.opts.clients, ctx.opts.durationS);
  const left = drafts.reduce((n, d) => n + d.length, 0);
  return {
    clients: ctx.opts.clients,
    platform: { ...platform.value, rssMiB: platform.rssMiB, draftsLeft: left },
    floor,
    throughputRatio: ratio(platform.value.perSecond, floor.perSecond),
    p99Ratio: ratio(platform.value.p99Ms, floor.p99Ms),
  };
}
