import { currentCalendar } from "../calendar/calendarCache.ts";
import { refreshCaseClock } from "../calendar/caseClock.ts";
import { lightsRefreshedThrough, openCaseIds, refreshLights, setLightsRefreshedThrough } from "../calendar/clockRepository.ts";
import { performAcceptance } from "../cases/commands/acceptCase.ts";
import { unsafeFindCaseForUpdate } from "../cases/repository.ts";
import { systemActor } from "../platform/actor.ts";
import { shanghaiDay } from "../platform/clock.ts";
import type { Deps } from "../platform/context.ts";
import { runCommand } from "../audit/command.ts";
import { newId } from "../platform/ids.ts";
import { escalateCase } from "./commands/escalate.ts";
import { explanationsOfCase, insertFlag, redCasesWithoutAutoEscalation, unansweredSubmissions } from "./repository.ts";

const ART32_DAYS = 5;
const SYSTEM = systemActor("platform");
const META = { ip: null, requestId: null };

export interface SweepResult {
  deemedAccepted: number;
  lights: { cases: number; tasks: number; escalations: number };
  escalated: number;
}

/**
 * What becomes due with time: deemed acceptance (Art. 32), lights, automatic escalation (R36).
 * Each case's change is its own transaction with its audit record.
 */
export async function runSweep(deps: Deps, now: Date): Promise<SweepResult> {
  const today = shanghaiDay(now);
  const calendar = await currentCalendar(deps.db);
  let deemedAccepted = 0;
  for (const s of await unansweredSubmissions(deps.db)) {
    const lastDay = calendar.addWorkingDays(shanghaiDay(s.received_at!), ART32_DAYS);
    if (today <= lastDay) continue;
    const done = await runCommand(deps, SYSTEM, META, async (ctx) => {
      const c = await unsafeFindCaseForUpdate(ctx.trx, s.id);
      if (!c || c.status !== "submitted") return false;
      await performAcceptance({ ...ctx, now }, c, { deemed: true });
      await insertFlag(ctx.trx, {
        id: newId(), case_id: c.id, certificate_no: null, department_id: c.lead_department_id, kind: "deemed-acceptance",
        evidence: JSON.stringify({ receivedOn: shanghaiDay(c.received_at!), lastDayToAnswer: lastDay }), created_at: now,
      });
      await ctx.audit({ action: "flag.raised", objectType: "case", objectId: c.id, caseId: c.id, newValues: { kind: "deemed-acceptance" } });
      return true;
    });
    if (done) deemedAccepted++;
  }

  // Incremental when the clock moved on since the last refresh; a full pass when it was set back.
  const since = await lightsRefreshedThrough(deps.db);
  const lights = await refreshLights(deps.db, today, since);
  await setLightsRefreshedThrough(deps.db, today);

  let escalated = 0;
  for (const r of await redCasesWithoutAutoEscalation(deps.db)) {
    if (!r.due_date) continue;
    // Escalate after the end of the first red working day, unless explained by then.
    const firstRedDay = calendar.addWorkingDays(r.due_date, 1);
    if (today <= firstRedDay) continue;
    const explanations = await explanationsOfCase(deps.db, r.id);
    if (explanations.some((e) => shanghaiDay(e.created_at) <= firstRedDay)) continue;
    const out = await runCommand(deps, SYSTEM, META, (ctx) => escalateCase({ ...ctx, now }, r.id, { automatic: true, note: "办件超期且未在首个超期工作日内说明原因，系统自动挂号督办。" }));
    if (out) escalated++;
  }
  return { deemedAccepted, lights, escalated };
}

/** After a calendar change every open deadline moves: recompute them all, case by case. */
export async function recomputeOpenClocks(deps: Deps, now: Date): Promise<number> {
  let after: string | null = null;
  let n = 0;
  for (;;) {
    const batch = await openCaseIds(deps.db, after, 500);
    if (!batch.length) return n;
    for (const { id } of batch) {
      await runCommand(deps, SYSTEM, META, (ctx) => refreshCaseClock({ ...ctx, now }, id));
      n++;
    }
    after = batch[batch.length - 1]!.id;
  }
}
