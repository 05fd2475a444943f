import type { CaseChannel } from "@cq/contracts";
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import type { Actor } from "../platform/actor.ts";
import type { Database } from "../platform/schema.ts";
import { integrationSees } from "./integration.ts";
import { hasRegionRole, hasRoleIn, isStaffOf, seesEverything } from "./rules.ts";

/** The facts about a case that decide who may do what with it. */
export interface CaseResource {
  applicantId: string;
  registeredBy: string | null;
  channel: CaseChannel;
  leadDepartmentId: string;
  regionCode: string;
  status: string;
  /** Departments that hold or held a task on the case (assisting, counterpart at the other level). */
  involvedDepartmentIds: string[];
}

export type CaseAction =
  | "read"
  | "edit"
  | "accept"
  | "not-accept"
  | "request-supplement"
  | "register-for-applicant"
  | "withdraw"
  | "decide"
  | "deliver"
  | "choose-delivery"
  | "record"
  | "handover"
  | "extend"
  | "suspend"
  | "explain"
  | "record-paper-original";

/**
 * A department system works on the cases of its department as the department's staff would find
 * them: led by it, or with a task of it (R5). Its scopes are checked before the route runs.
 */
const systemOfCase = (a: Actor, c: CaseResource): boolean =>
  a.kind === "integration" && (integrationSees(a, c.leadDepartmentId) || c.involvedDepartmentIds.some((d) => integrationSees(a, d)));

const rules: Record<CaseAction, (actor: Actor, c: CaseResource) => boolean> = {
  read: (a, c) =>
    (a.kind === "applicant" && a.id === c.applicantId) ||
    isStaffOf(a, c.leadDepartmentId) ||
    c.involvedDepartmentIds.some((d) => isStaffOf(a, d)) ||
    seesEverything(a) ||
    hasRegionRole(a, "region-admin", c.regionCode) ||
    systemOfCase(a, c),
  // The applicant edits their own application; the lead department's clerks too for a hall case
  // (R20–R21), and for any supplement brought to the hall (R22).
  edit: (a, c) =>
    (a.kind === "applicant" && a.id === c.applicantId) ||
    ((c.channel === "hall" || c.status === "supplement_requested") && hasRoleIn(a, "clerk", c.leadDepartmentId)),
  // Acceptance is the lead department's window (R23).
  accept: (a, c) => hasRoleIn(a, "clerk", c.leadDepartmentId),
  "not-accept": (a, c) => hasRoleIn(a, "clerk", c.leadDepartmentId),
  // A material that cannot be digitized is recorded by the window that holds the original (R21).
  "record-paper-original": (a, c) => hasRoleIn(a, "clerk", c.leadDepartmentId),
  // The one-time notice comes from the lead department's window or its handlers (R22).
  "request-supplement": (a, c) => ["clerk", "handler", "reviewer"].some((r) => hasRoleIn(a, r as never, c.leadDepartmentId)),
  "register-for-applicant": (a, c) => hasRoleIn(a, "clerk", c.leadDepartmentId),
  withdraw: (a, c) => a.kind === "applicant" && a.id === c.applicantId,
  decide: (a, c) => hasRoleIn(a, "decider", c.leadDepartmentId),
  deliver: (a, c) => hasRoleIn(a, "clerk", c.leadDepartmentId),
  // How the result reaches the applicant is theirs to choose (送达方式).
  "choose-delivery": (a, c) => a.kind === "applicant" && a.id === c.applicantId,
  // Records (verification, third-party results, hand-overs) by any staff working on the case.
  record: (a, c) => isStaffOf(a, c.leadDepartmentId) || c.involvedDepartmentIds.some((d) => isStaffOf(a, d)) || systemOfCase(a, c),
  handover: (a, c) => isStaffOf(a, c.leadDepartmentId) || c.involvedDepartmentIds.some((d) => isStaffOf(a, d)),
  // Extensions need the head of the body (Art. 42).
  extend: (a, c) => hasRoleIn(a, "department-head", c.leadDepartmentId),
  suspend: (a, c) => ["handler", "reviewer", "department-head"].some((r) => hasRoleIn(a, r as never, c.leadDepartmentId)),
  explain: (a, c) => ["handler", "reviewer", "department-head", "department-admin"].some((r) => hasRoleIn(a, r as never, c.leadDepartmentId)),
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
    if (departments.length) {
      ors.push(eb("cases.lead_department_id", "in", departments));
      ors.push(eb.exists(eb.selectFrom("tasks").select("tasks.id").whereRef("tasks.case_id", "=", "cases.id").where("tasks.department_id", "in", departments)));
      ors.push(eb.exists(eb.selectFrom("case_copies").select("case_copies.id").whereRef("case_copies.case_id", "=", "cases.id").where("case_copies.department_id", "in", departments)));
    }
    if (regions.length) ors.push(eb("cases.region_code", "in", regions));
    if (!ors.length) return sql<SqlBool>`false`;
    return eb.or(ors);
  };
}
