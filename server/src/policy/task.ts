import { isApprovingRole } from "@cq/contracts";
import type { Actor } from "../platform/actor.ts";
import { integrationSees } from "./integration.ts";
import { hasRoleIn } from "./rules.ts";

/** The facts about a task that decide who may act on it (R15). */
export interface TaskResource {
  departmentId: string;
  role: string;
  assigneeId: string | null;
  claimedBy: string | null;
  /** The step's kind, when the caller knows it: a department system never completes a decision (R5). */
  kind?: string;
}

export type TaskAction = "claim" | "complete";

/** Staff holding the step's role in the step's department, the named staff member if any, trained for approving roles (R17). */
function eligible(actor: Actor, t: TaskResource): boolean {
  if (actor.kind !== "staff") return false;
  if (!hasRoleIn(actor, t.role as never, t.departmentId)) return false;
  if (t.assigneeId && t.assigneeId !== actor.id) return false;
  if (isApprovingRole(t.role) && !actor.trained) return false;
  return true;
}

/**
 * A department system pushes back its department's results (R5, results:write): it completes an open
 * or claimed task of its department's step, never a decision or an acceptance (those stay with
 * people), and never signs for one.
 */
function systemCompletes(actor: Actor, action: TaskAction, t: TaskResource): boolean {
  return actor.kind === "integration" && action === "complete" && integrationSees(actor, t.departmentId) && t.kind !== undefined && !["decide", "accept"].includes(t.kind);
}

/** Whether a task is known to the actor at all, beyond its case: a department system knows only its own department's tasks (R5); others see what their case shows. */
export function taskVisibleTo(actor: Actor, taskDepartmentId: string): boolean {
  return actor.kind !== "integration" || integrationSees(actor, taskDepartmentId);
}

export function allowTask(actor: Actor, action: TaskAction, t: TaskResource): boolean {
  if (actor.kind === "integration") return systemCompletes(actor, action, t);
  if (!eligible(actor, t)) return false;
  // Whoever signed for a task finishes it; an unclaimed one is signed for on completion.
  if (action === "complete") return t.claimedBy === null || (actor.kind === "staff" && t.claimedBy === actor.id);
  return true;
}

/**
 * A task's internal working papers (opinions, attachments) are read by staff who may read the case,
 * never by the applicant or the public (R3). The case's own `read` rule is checked by the caller.
 */
export function allowReadTaskInternals(actor: Actor): boolean {
  return actor.kind === "staff";
}

/** (department, role) pairs whose open tasks the actor's worklist shows. */
export function taskQueues(actor: Actor): { departmentId: string; role: string }[] {
  if (actor.kind !== "staff") return [];
  return actor.roles.filter((r) => r.departmentId).map((r) => ({ departmentId: r.departmentId as string, role: r.role }));
}
