import type { Actor } from "../platform/actor.ts";
import { grantsOf, hasRoleIn, seesEverything } from "./rules.ts";

/** The applicant evaluates their own case (R37). */
export const allowEvaluate = (actor: Actor, c: { applicantId: string }): boolean => actor.kind === "applicant" && actor.id === c.applicantId;

/** Complaints come from real-name applicants (R16, R33). */
export const allowComplain = (actor: Actor): boolean => actor.kind === "applicant";

/** A complaint is answered by a named, responsible person of the department: its head or admin (R33). */
export const allowReplyComplaint = (actor: Actor, departmentId: string): boolean =>
  hasRoleIn(actor, "department-head", departmentId) || hasRoleIn(actor, "department-admin", departmentId);

/** Who reads a complaint: who filed it, who may answer it, and the supervising office. */
export const allowSeeComplaint = (actor: Actor, c: { applicantId: string; departmentId: string }): boolean =>
  (actor.kind === "applicant" && actor.id === c.applicantId) || allowReplyComplaint(actor, c.departmentId) || seesEverything(actor);

/** The complaints a list may hold, as a filter. */
export function complaintScope(actor: Actor): { all: true } | { applicantId: string } | { departmentIds: string[] } | null {
  if (actor.kind === "applicant") return { applicantId: actor.id };
  if (seesEverything(actor)) return { all: true };
  const departmentIds = [...grantsOf(actor, "department-head"), ...grantsOf(actor, "department-admin")].map((g) => g.departmentId).filter((d): d is string => !!d);
  return departmentIds.length ? { departmentIds } : null;
}
