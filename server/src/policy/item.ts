import type { Actor } from "../platform/actor.ts";
import { hasRoleIn } from "./rules.ts";

/** A department configures its own items and processes (R6): its department admin. */
export function allowManageItem(actor: Actor, itemDepartmentId: string): boolean {
  return hasRoleIn(actor, "department-admin", itemDepartmentId);
}

/** An involved department agrees (or not) to a process change through its own admin or head (R10). */
export function allowAgreeForDepartment(actor: Actor, departmentId: string): boolean {
  return hasRoleIn(actor, "department-admin", departmentId) || hasRoleIn(actor, "department-head", departmentId);
}

/** Departments whose items the actor administers. */
export function administeredDepartments(actor: Actor): string[] {
  if (actor.kind !== "staff") return [];
  return actor.roles.filter((r) => r.role === "department-admin" && r.departmentId).map((r) => r.departmentId as string);
}
