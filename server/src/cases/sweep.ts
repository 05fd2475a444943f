import { currentCalendar } from "../clock/calendarCache.ts";
import { noticeTaskLights } from "../clock/lightNotices.ts";
import { type LightCounts, refreshLightsThrough } from "../clock/lights.ts";
import { shanghaiDay } from "../platform/clock.ts";
import type { Deps } from "../platform/context.ts";
import { escalateUnexplainedRedCases } from "../supervision/autoEscalation.ts";
import { refreshCaseCounts } from "../supervision/counts.ts";
import { acceptUnansweredSubmissions } from "./deemedAcceptance.ts";

export interface SweepResult {
  deemedAccepted: number;
  lights: LightCounts;
  /** Tasks whose staff were told this time that they turned yellow, and whose head that they turned red. */
  noticed: { yellow: number; red: number };
  escalated: number;
}

/**
 * What becomes due with time, in this order: deemed acceptance (Art. 32), lights and the staff's
 * notices of them, automatic escalation (R36). It lives with the cases because its first step accepts them.
 */
export async function runSweep(deps: Deps, now: Date): Promise<SweepResult> {
  const calendar = await currentCalendar(deps.db);
  const deemedAccepted = await acceptUnansweredSubmissions(deps, now, calendar);
  // Lights change here outside any command: the supervision counters of those cases follow in the same transaction.
  const lights = await refreshLightsThrough(deps.db, shanghaiDay(now), refreshCaseCounts);
  const noticed = await noticeTaskLights(deps, now);
  const escalated = await escalateUnexplainedRedCases(deps, now, calendar);
  return { deemedAccepted, lights, noticed, escalated };
}
