import type { Actor } from "../platform/actor.ts";
import { allowComplain, allowReplyComplaint } from "./engagement.ts";
import { isStaffOf, seesEverything } from "./rules.ts";

/** Questions and suggestions come from real-name applicants, as complaints do (R16, R33). */
export const allowAsk = allowComplain;

/** Who reads a question: who asked it, the staff of the department that answers it, and the supervising office. */
export const allowSeeConsultation = (actor: Actor, c: { applicantId: string; departmentId: string }): boolean =>
  (actor.kind === "applicant" && actor.id === c.applicantId) || isStaffOf(actor, c.departmentId) || seesEverything(actor);

/** The department's responsible persons, who answer its complaints (head or admin), hand a question to a staff member of theirs (R33). */
export const allowAssignConsultation = allowReplyComplaint;

/** The named assignee answers, or the head or admin of the department in their place. */
export const allowAnswerConsultation = (actor: Actor, c: { departmentId: string; assigneeId: string }): boolean =>
  (actor.kind === "staff" && actor.id === c.assigneeId && isStaffOf(actor, c.departmentId)) || allowAssignConsultation(actor, c.departmentId);

/** The questions a staff list may hold, as a filter: the departments one works in, or all for the office. */
export function consultationScope(actor: Actor): { all: true } | { departmentIds: string[] } | null {
  if (actor.kind !== "staff") return null;
  if (seesEverything(actor)) return { all: true };
  const departmentIds = [...new Set(actor.roles.map((r) => r.departmentId).filter((d): d is string => !!d))];
  return departmentIds.length ? { departmentIds } : null;
}
