import type { Actor } from "../platform/actor.ts";
import { hasRoleIn } from "./rules.ts";

/** A department's results (its own licence, a registered or revoked certificate) are its deciders' and head's (R31). */
export function allowIssueFor(actor: Actor, departmentId: string, opts: { deciderOnly?: boolean } = {}): boolean {
  return hasRoleIn(actor, "decider", departmentId) || (!opts.deciderOnly && hasRoleIn(actor, "department-head", departmentId));
}
