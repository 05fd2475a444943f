import type { Actor } from "../platform/actor.ts";
import { grantsOf, hasRole, hasRoleIn, isStaffOf, platformSupervisor } from "./rules.ts";

/** What part of the platform's figures the actor may see: all, some regions, some departments, or nothing. */
export type SupervisionScope = { all: true } | { all: false; regionCodes: string[]; departmentIds: string[] } | null;

export function supervisionScope(actor: Actor): SupervisionScope {
  if (platformSupervisor(actor) || hasRole(actor, "platform-admin")) return { all: true };
  const regionCodes = grantsOf(actor, "region-admin").map((g) => g.regionCode).filter((r): r is string => !!r);
  // A supervisor granted for one department supervises that department only.
  const departmentIds = [...grantsOf(actor, "department-head"), ...grantsOf(actor, "department-admin"), ...grantsOf(actor, "supervisor")]
    .map((g) => g.departmentId)
    .filter((d): d is string => !!d);
  if (!regionCodes.length && !departmentIds.length) return null;
  return { all: false, regionCodes, departmentIds };
}

/** A department's figures, down to its staff, are within a supervision scope: all, its region, or the department itself. */
export const inSupervisionScope = (scope: Exclude<SupervisionScope, null>, department: { id: string; region_code: string }): boolean =>
  scope.all || scope.departmentIds.includes(department.id) || scope.regionCodes.includes(department.region_code);

/** Escalating (挂号督办) belongs to the supervising office (R36). */
export const allowEscalate = (actor: Actor): boolean => platformSupervisor(actor);

/** An escalation is seen by the supervising office and the department it concerns. */
export const allowSeeEscalation = (actor: Actor, departmentId: string): boolean => platformSupervisor(actor) || isStaffOf(actor, departmentId);

/** The department answers through the staff who handle or lead its cases. */
export const allowAnswerEscalation = (actor: Actor, departmentId: string): boolean =>
  (["department-head", "department-admin", "handler", "reviewer"] as const).some((r) => hasRoleIn(actor, r, departmentId));

/** The working-day calendar is the platform admin's (R5). */
export const allowEditCalendar = (actor: Actor): boolean => hasRole(actor, "platform-admin");
