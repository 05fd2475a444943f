import type { Actor } from "../platform/actor.ts";

/** Only staff have a worklist; what is on it is filtered by their grants. */
export function allowWorklist(actor: Actor): boolean {
  // A staff account acting with no role (initial password not changed, second factor not enrolled) has no work.
  return actor.kind === "staff" && actor.roles.length > 0;
}

/** Departments whose acceptance queue the actor works: clerk grants. */
export function acceptQueueDepartments(actor: Actor): string[] {
  if (actor.kind !== "staff") return [];
  return actor.roles.filter((r) => r.role === "clerk" && r.departmentId).map((r) => r.departmentId as string);
}
