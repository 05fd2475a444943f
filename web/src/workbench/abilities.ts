import type { MeAbilities, Role, StepKind, StepRole, WorkbenchSection } from "@cq/contracts";

/**
 * What the signed-in staff member may open and do, as GET /api/me's `abilities` say. The server's
 * policy computes them and decides every request on its own; these only keep the screens to them.
 */
type Who = { abilities?: MeAbilities } | null | undefined;

export type Section = WorkbenchSection;

export const canOpen = (me: Who, section: Section): boolean => !!me?.abilities?.sections[section];

/** Edits the working-day calendar (R5). */
export const canEditCalendar = (me: Who): boolean => !!me?.abilities?.editCalendar;

/** Escalates (挂号督办) a case (R36). */
export const canEscalate = (me: Who): boolean => !!me?.abilities?.escalate;

/** Sees the platform-wide list of escalations (GET /api/supervision/escalations). */
export const seesAllEscalations = (me: Who): boolean => !!me?.abilities?.escalations.all;

/** Works in a department whose escalations it answers, so has "my escalations". */
export const hasOwnEscalations = (me: Who): boolean => !!me?.abilities?.escalations.own;

/** Works in the department (holds a role there). */
export const worksIn = (me: Who, departmentId: string | undefined): boolean => !!departmentId && !!me?.abilities?.departments.member.includes(departmentId);

/** Departments where the person registers applications at the hall desk. */
export const hallDepartments = (me: Who): string[] => me?.abilities?.departments.hall ?? [];

/** Roles the person may ask to grant, each with where it applies. */
export const grantableRoles = (me: Who): MeAbilities["staff"]["grantableRoles"] => me?.abilities?.staff.grantableRoles ?? [];

/** Roles that need a training record (R17). */
export const approvingRoles = (me: Who): Role[] => me?.abilities?.staff.approvingRoles ?? [];


/** Roles a process step may name. */
export const stepRoles = (me: Who): StepRole[] => me?.abilities?.processes.stepRoles ?? [];

/** The role that usually acts on a kind of step. */
export const defaultStepRole = (me: Who, kind: StepKind): StepRole => me?.abilities?.processes.defaultStepRole[kind] ?? stepRoles(me)[0] ?? "handler";
