import { runPlatformCommand } from "../audit/command.ts";
import type { WorkCalendar } from "../clock/calendar.ts";
import { shanghaiDay } from "../platform/clock.ts";
import type { Deps } from "../platform/context.ts";
import { escalateCase } from "./commands/escalate.ts";
import { explanationsOfCase, redCasesWithoutAutoEscalation } from "./repository.ts";

/** Automatic escalation (R36): a red case not explained by the end of its first red working day. */
export async function escalateUnexplainedRedCases(deps: Deps, now: Date, calendar: WorkCalendar): Promise<number> {
  const today = shanghaiDay(now);
  let escalated = 0;
  for (const r of await redCasesWithoutAutoEscalation(deps.db)) {
    if (!r.due_date) continue;
    // Escalate after the end of the first red working day, unless explained by then.
    const firstRedDay = calendar.addWorkingDays(r.due_date, 1);
    if (today <= firstRedDay) continue;
    const explanations = await explanationsOfCase(deps.db, r.id);
    if (explanations.some((e) => shanghaiDay(e.created_at) <= firstRedDay)) continue;
    const out = await runPlatformCommand(deps, now, (ctx) => escalateCase(ctx, r.id, { automatic: true, note: "办件超期且未在首个超期工作日内说明原因，系统自动挂号督办。" }));
    if (out) escalated++;
  }
  return escalated;
}
