import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/schema.ts";
import { hasRegionRole, hasRoleIn, isStaffOf, seesEverything } from "./rules.ts";

/** The facts about a case that decide who may do what with it. */
export interface CaseResource {
  applicantId: string;
  registeredBy: string | null;
  channel: "online" | "hall";
  leadDepartmentId: string;
  regionCode: string;
}

export type CaseAction = "read" | "edit" | "accept" | "not-accept";

const rules: Record<CaseAction, (actor: Actor, c: CaseResource) => boolean> = {
  read: (a, c) =>
    (a.kind === "applicant" && a.id === c.applicantId) ||
    isStaffOf(a, c.leadDepartmentId) ||
    seesEverything(a) ||
    hasRegionRole(a, "region-admin", c.regionCode),
  // The applicant edits their own application; for a hall case, the lead department's clerks too (R20–R21).
  edit: (a, c) =>
    (a.kind === "applicant" && a.id === c.applicantId) ||
    (c.channel === "hall" && hasRoleIn(a, "clerk", c.leadDepartmentId)),
  // Acceptance is the lead department's window (R23).
  accept: (a, c) => hasRoleIn(a, "clerk", c.leadDepartmentId),
  "not-accept": (a, c) => hasRoleIn(a, "clerk", c.leadDepartmentId),
};

export function allowCase(actor: Actor, action: CaseAction, c: CaseResource): boolean {
  return rules[action](actor, c);
}

/**
 * The `read` rule as a SQL condition on `cases`, so lists show exactly what the caller may open.
 * Must stay equivalent to `rules.read`; the policy tests check both on the same fixtures.
 */
export function visibleCases(actor: Actor) {
  return (eb: ExpressionBuilder<Database, "cases">): Expression<SqlBool> => {
    if (actor.kind === "applicant") return eb("cases.applicant_id", "=", actor.id);
    if (actor.kind !== "staff") return sql<SqlBool>`false`;
    if (seesEverything(actor)) return sql<SqlBool>`true`;
    const departments = [...new Set(actor.roles.map((r) => r.departmentId).filter((d): d is string => d !== null))];
    const regions = [...new Set(actor.roles.filter((r) => r.role === "region-admin").map((r) => r.regionCode).filter((r): r is string => r !== null))];
    const ors = [];
    if (departments.length) ors.push(eb("cases.lead_department_id", "in", departments));
    if (regions.length) ors.push(eb("cases.region_code", "in", regions));
    if (!ors.length) return sql<SqlBool>`false`;
    return eb.or(ors);
  };
}
