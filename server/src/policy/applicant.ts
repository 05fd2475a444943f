import type { Actor } from "../platform/actor.ts";
import { grantsOf } from "./rules.ts";

/** Opening a case: applicants for themselves; a hall clerk for an applicant who came in person (R20). */
export function allowCreateCase(actor: Actor, forSomeoneElse: boolean, leadDepartmentId: string): boolean {
  if (actor.kind === "applicant") return !forSomeoneElse;
  return forSomeoneElse && grantsOf(actor, "clerk").some((g) => g.departmentId === leadDepartmentId);
}

/** Looking up applicants to register a hall case for them. */
export function allowApplicantLookup(actor: Actor): boolean {
  return grantsOf(actor, "clerk").length > 0;
}
