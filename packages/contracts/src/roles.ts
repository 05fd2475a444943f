import { type Role, type StepKind, stepKinds } from "./enums.ts";

/** Roles held inside one department (the others are granted platform-wide or per region). */
export const departmentRoles = ["department-admin", "department-head", "clerk", "handler", "reviewer", "decider"] as const satisfies readonly Role[];

/**
 * Roles granted platform-wide or per region, that read beyond one department: only a platform admin
 * asks for them and approves them. A supervisor is platform-wide, or — granted with a department —
 * sees that department only.
 */
export const platformRoles = ["platform-admin", "region-admin", "supervisor"] as const satisfies readonly Role[];

/** Roles whose holders must be recorded as trained before they act on a case (R17). */
export const approvingRoles = ["handler", "reviewer", "decider", "department-head"] as const satisfies readonly Role[];

/** Roles a process step may name: the window and the approving roles (R15, R17). */
export const stepRoles = ["clerk", "handler", "reviewer", "decider", "department-head"] as const satisfies readonly Role[];
export type StepRole = (typeof stepRoles)[number];

/** The role that acts on a kind of step unless the process names another: the window accepts and delivers, a decider decides. */
export const defaultStepRole = Object.fromEntries(
  stepKinds.map((k) => [k, k === "accept" || k === "deliver" ? "clerk" : k === "decide" ? "decider" : "handler"]),
) as Record<StepKind, StepRole>;

export const isApprovingRole = (role: string): boolean => (approvingRoles as readonly string[]).includes(role);
export const isPlatformRole = (role: string): boolean => (platformRoles as readonly string[]).includes(role);
