import type { ApplicantType, Role } from "@cq/contracts";

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
  | { kind: "staff"; id: string; name: string; departmentId: string | null; regionCode: string | null; trained: boolean; roles: RoleGrant[] };

export const anonymous: Actor = { kind: "anonymous" };
export const systemActor = (name: string): Actor => ({ kind: "system", name });

export const actorId = (a: Actor): string | null => (a.kind === "applicant" || a.kind === "staff" ? a.id : null);
export const actorName = (a: Actor): string | null =>
  a.kind === "applicant" || a.kind === "staff" || a.kind === "system" ? a.name : null;
