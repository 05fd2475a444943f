import type { ApplicantType, IntegrationScope, Role } from "@cq/contracts";
import { AppError } from "./errors.ts";

export interface RoleGrant {
  role: Role;
  departmentId: string | null;
  regionCode: string | null;
}

/** Who is acting: resolved once per request from the session, then passed everywhere. */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "system"; name: string }
  | { kind: "applicant"; id: string; name: string; applicantType: ApplicantType }
  | { kind: "staff"; id: string; name: string; departmentId: string | null; regionCode: string | null; trained: boolean; roles: RoleGrant[] }
  /** A department's own system calling with a bearer token: one department, the scopes its client was given. */
  | { kind: "integration"; id: string; name: string; departmentId: string; scopes: readonly IntegrationScope[] };

export const anonymous: Actor = { kind: "anonymous" };
export const systemActor = (name: string): Actor => ({ kind: "system", name });

export const actorId = (a: Actor): string | null => (a.kind === "applicant" || a.kind === "staff" ? a.id : null);
export const actorName = (a: Actor): string | null =>
  a.kind === "applicant" || a.kind === "staff" || a.kind === "system" || a.kind === "integration" ? a.name : null;

export type StaffActor = Extract<Actor, { kind: "staff" }>;
export type ApplicantActor = Extract<Actor, { kind: "applicant" }>;
export type IntegrationActor = Extract<Actor, { kind: "integration" }>;

/** The acting staff member; anyone else is refused (401 when not logged in, else 403). */
export function requireStaff(actor: Actor): StaffActor {
  if (actor.kind === "staff") return actor;
  throw new AppError(actor.kind === "anonymous" ? "NOT_LOGGED_IN" : "FORBIDDEN");
}

/** The acting applicant; anyone else is refused (401 when not logged in, else 403). */
export function requireApplicant(actor: Actor): ApplicantActor {
  if (actor.kind === "applicant") return actor;
  throw new AppError(actor.kind === "anonymous" ? "NOT_LOGGED_IN" : "FORBIDDEN");
}

export type UserActor = ApplicantActor | StaffActor;

/** A person with an account, applicant or staff (commands either may run); anyone else is refused. */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind === "applicant" || actor.kind === "staff") return actor;
  throw new AppError(actor.kind === "anonymous" ? "NOT_LOGGED_IN" : "FORBIDDEN");
}
