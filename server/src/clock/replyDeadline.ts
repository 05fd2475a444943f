import { type ConsultationKind, consultationReplyWorkingDays, consultationYellowWorkingDays, type Light } from "@cq/contracts";
import type { WorkCalendar } from "./calendar.ts";

/** When a question asked on `today` must be answered, and from which day its light is yellow (R33, R36). */
export function consultationDeadline(calendar: WorkCalendar, today: string, kind: ConsultationKind): { dueDate: string; yellowFrom: string } {
  const dueDate = calendar.addWorkingDays(today, consultationReplyWorkingDays[kind]);
  return { dueDate, yellowFrom: calendar.subtractWorkingDays(dueDate, consultationYellowWorkingDays) };
}

/** When the department must answer an escalation (挂号督办) opened on `today`, and from which day its light is yellow (R36). */
export function escalationDeadline(calendar: WorkCalendar, today: string, responseWorkingDays: number): { dueDate: string; yellowFrom: string } {
  const dueDate = calendar.addWorkingDays(today, responseWorkingDays);
  return { dueDate, yellowFrom: calendar.subtractWorkingDays(dueDate, 1) };
}

/** The light of an open question on `today`: red past its reply date, yellow from its yellow-from date; none once answered. */
export function replyLight(c: { status: string; dueDate: string; yellowFrom: string }, today: string): Light | null {
  if (c.status !== "open") return null;
  if (today > c.dueDate) return "red";
  return today >= c.yellowFrom ? "yellow" : "green";
}
