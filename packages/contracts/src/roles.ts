import type { Role } from "./enums.ts";

/** Roles held inside one department (defined with the staff request schemas). */
export { departmentRoles } from "./schemas.ts";

/** Roles granted platform-wide or per region: only a platform admin asks for them. */
export const platformRoles = ["platform-admin", "region-admin"] as const satisfies readonly Role[];

/** Roles whose holders must be recorded as trained before they act on a case (R17). */
export const approvingRoles = ["handler", "reviewer", "decider", "department-head"] as const satisfies readonly Role[];

export const isApprovingRole = (role: string): boolean => (approvingRoles as readonly string[]).includes(role);
export const isPlatformRole = (role: string): boolean => (platformRoles as readonly string[]).includes(role);
