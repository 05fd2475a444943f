import type { Actor } from "../platform/actor.ts";

/** Only staff have a worklist; what is on it is filtered by their grants. */
export function allowWorklist(actor: Actor): boolean {
  return actor.kind === "staff";
}

/** Departments whose acceptance queue the actor works: clerk grants. */
export function acceptQueueDepartments(actor: Actor): string[] {
  if (actor.kind !== "staff") return [];
  return actor.roles.filter((r) => r.role === "clerk" && r.departmentId).map((r) => r.departmentId as string);
}
