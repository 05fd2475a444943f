import { runPlatformCommand } from "../audit/command.ts";
import type { WorkCalendar } from "../clock/calendar.ts";
import { PASS_BATCH } from "../clock/lights.ts";
import { shanghaiDay } from "../platform/clock.ts";
import type { Deps } from "../platform/context.ts";
import { escalateCase } from "./commands/escalate.ts";
import { redCasesWithoutAutoEscalation } from "./repository.ts";

/** The note of an automatic escalation. */
export const AUTO_ESCALATION_NOTE = "办件超期且未在首个超期工作日内说明原因，系统自动挂号督办。";

/** The last day on which explaining a case due on `dueDate` keeps it from automatic escalation: its first red working day. */
export function lastDayToExplain(calendar: WorkCalendar, dueDate: string): string {
  return calendar.addWorkingDays(dueDate, 1);
}

/** Automatic escalation (R36): a red case not explained by the end of its first red working day. */
export async function escalateUnexplainedRedCases(deps: Deps, now: Date, calendar: WorkCalendar, page = PASS_BATCH): Promise<number> {
  const today = shanghaiDay(now);
  let escalated = 0;
  // Page by page (a day of many red cases is not read into memory at once); each case its own command.
  for (let after: string | null = null; ; ) {
    const rows = await redCasesWithoutAutoEscalation(deps.db, today, after, page);
    for (const r of rows) {
      if (!r.due_date) continue;
      // Escalate after the end of the first red working day, unless explained by then.
      const firstRedDay = lastDayToExplain(calendar, r.due_date);
      if (today <= firstRedDay) continue;
      if (r.first_explained_at && shanghaiDay(new Date(r.first_explained_at)) <= firstRedDay) continue;
      const out = await runPlatformCommand(deps, now, (ctx) => escalateCase(ctx, r.id, { automatic: true, note: AUTO_ESCALATION_NOTE }));
      if (out) escalated++;
    }
    if (rows.length < page) return escalated;
    after = rows[rows.length - 1]!.id;
  }
}
