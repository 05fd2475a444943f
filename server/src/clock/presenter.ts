import type { Executor } from "../platform/db.ts";
import { extensionsOfCase, suspensionsOfCase } from "./suspensionRepository.ts";

/** Suspensions and extensions with their reasons: what the applicant is told in writing (R35). */
export async function presentClockEvents(db: Executor, caseId: string) {
  const [suspensions, extensions] = await Promise.all([suspensionsOfCase(db, caseId), extensionsOfCase(db, caseId)]);
  return {
    suspensions: suspensions.map((s) => ({
      id: s.id,
      kind: s.kind,
      reason: s.reason,
      from: s.start_day,
      ...(s.end_day ? { to: s.end_day } : {}),
      expectedWorkingDays: s.expected_working_days,
      automatic: s.automatic,
    })),
    extensions: extensions.map((e) => ({ workingDays: e.working_days, reason: e.reason, at: e.created_at.toISOString() })),
  };
}
