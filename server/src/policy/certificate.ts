import type { Actor } from "../platform/actor.ts";
import { hasRoleIn, isStaffOf } from "./rules.ts";

/** A department's results (its own licence, a registered or revoked certificate) are its deciders' and head's (R31). */
export function allowIssueFor(actor: Actor, departmentId: string, opts: { deciderOnly?: boolean } = {}): boolean {
  return hasRoleIn(actor, "decider", departmentId) || (!opts.deciderOnly && hasRoleIn(actor, "department-head", departmentId));
}

/** Looking certificates up in the library by holder or number: any staff member (R27: what another department issued). */
export function allowCertificateLookup(actor: Actor): boolean {
  return actor.kind === "staff" && actor.roles.length > 0;
}

/**
 * A certificate's signed file carries the holder's code in the clear (it is what was signed), so
 * only the holder and the staff of the issuing department may download it.
 */
export function allowSignedFile(actor: Actor, c: { holderId: string | null; issuerDepartmentId: string }): boolean {
  if (actor.kind === "applicant") return !!c.holderId && actor.id === c.holderId;
  return isStaffOf(actor, c.issuerDepartmentId);
}
