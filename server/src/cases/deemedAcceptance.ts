import { runPlatformCommand } from "../audit/command.ts";
import type { WorkCalendar } from "../clock/calendar.ts";
import { shanghaiDay } from "../platform/clock.ts";
import type { Deps } from "../platform/context.ts";
import { newId } from "../platform/ids.ts";
import { insertFlag } from "../supervision/repository.ts";
import { performAcceptance } from "./commands/acceptCase.ts";
import { unansweredSubmissions } from "./repository.ts";
import { unsafeFindCaseForUpdate } from "../caseRecord/repository.ts";

const ART32_DAYS = 5;

/**
 * Deemed acceptance (Art. 32): a submission nobody answered within five working days is accepted
 * as of the day it was received, and flagged. Each case is its own transaction with its audit record.
 */
export async function acceptUnansweredSubmissions(deps: Deps, now: Date, calendar: WorkCalendar): Promise<number> {
  const today = shanghaiDay(now);
  let deemedAccepted = 0;
  for (const s of await unansweredSubmissions(deps.db)) {
    const lastDay = calendar.addWorkingDays(shanghaiDay(s.received_at!), ART32_DAYS);
    if (today <= lastDay) continue;
    const done = await runPlatformCommand(deps, now, async (ctx) => {
      const c = await unsafeFindCaseForUpdate(ctx.trx, s.id);
      if (!c || c.status !== "submitted") return false;
      await performAcceptance(ctx, c, { deemed: true });
      await insertFlag(ctx.trx, {
        id: newId(), case_id: c.id, certificate_no: null, department_id: c.lead_department_id, kind: "deemed-acceptance",
        evidence: JSON.stringify({ receivedOn: shanghaiDay(c.received_at!), lastDayToAnswer: lastDay }), created_at: now,
      });
      await ctx.audit({ action: "flag.raised", objectType: "case", objectId: c.id, caseId: c.id, newValues: { kind: "deemed-acceptance" } });
      return true;
    });
    if (done) deemedAccepted++;
  }
  return deemedAccepted;
}
