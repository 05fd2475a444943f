import { stepKinds, type Role, type StepKind } from "@cq/contracts";
import type { Actor } from "../platform/actor.ts";
import { approvingRoles } from "../cases/routing.ts";
import { hasRoleIn } from "./rules.ts";

export { approvingRoles };

/** Roles a process step may name: the window and the approving roles (R15, R17). */
export const stepRoles = ["clerk", "handler", "reviewer", "decider", "department-head"] as const satisfies readonly Role[];

/** The role that acts on a kind of step unless the process names another: the window accepts and delivers, a decider decides. */
export const defaultStepRole = Object.fromEntries(
  stepKinds.map((k) => [k, k === "accept" || k === "deliver" ? "clerk" : k === "decide" ? "decider" : "handler"]),
) as Record<StepKind, (typeof stepRoles)[number]>;

/** The facts about a task that decide who may act on it (R15). */
export interface TaskResource {
  departmentId: string;
  role: string;
  assigneeId: string | null;
  claimedBy: string | null;
}

export type TaskAction = "claim" | "complete";

/** Staff holding the step's role in the step's department, the named staff member if any, trained for approving roles (R17). */
function eligible(actor: Actor, t: TaskResource): boolean {
  if (actor.kind !== "staff") return false;
  if (!hasRoleIn(actor, t.role as never, t.departmentId)) return false;
  if (t.assigneeId && t.assigneeId !== actor.id) return false;
  if (approvingRoles.includes(t.role) && !actor.trained) return false;
  return true;
}

export function allowTask(actor: Actor, action: TaskAction, t: TaskResource): boolean {
  if (!eligible(actor, t)) return false;
  // Whoever signed for a task finishes it; an unclaimed one is signed for on completion.
  if (action === "complete") return t.claimedBy === null || t.claimedBy === (actor as { id: string }).id;
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
