import { approvingRoles, defaultStepRole, isPlatformRole, roles, stepRoles, type GrantScope, type MeAbilities, type Role, type WorkbenchSection } from "@cq/contracts";
import type { Actor } from "../platform/actor.ts";
import { allowApplicantLookup } from "./applicant.ts";
import { allowAudit } from "./audit.ts";
import { allowCertificateLookup, allowIssueFor } from "./certificate.ts";
import { consultationScope } from "./consultation.ts";
import { complaintScope } from "./engagement.ts";
import { administeredDepartments, allowAgreeForDepartment, catalogScope, mayOpenCatalogAdmin } from "./item.ts";
import { grantsOf, hasRole } from "./rules.ts";
import { mayOpenOrganization } from "./organization.ts";
import { integrationAdminScope } from "./integration.ts";
import { mayOpenStaffAdmin } from "./staff.ts";
import { allowEditPlatformTemplates, mayOpenTemplates, templateDepartments } from "./template.ts";
import { allowEditCalendar, allowEscalate, supervisionScope } from "./supervision.ts";
import { acceptQueueDepartments, allowWorklist } from "./worklist.ts";


const unique = (ids: (string | null)[]): string[] => [...new Set(ids.filter((d): d is string => !!d))];

/** Departments the actor works in: any grant that names a department. */
export function memberDepartments(actor: Actor): string[] {
  return actor.kind === "staff" ? unique(actor.roles.map((r) => r.departmentId)) : [];
}

/** Departments for which the actor agrees to process changes (R10). */
export function agreeingDepartments(actor: Actor): string[] {
  return memberDepartments(actor).filter((d) => allowAgreeForDepartment(actor, d));
}

/** Approves versions somewhere: a department head, a region admin or a platform admin (R9). */
function approvesVersions(actor: Actor): boolean {
  const s = catalogScope(actor);
  return s.all || s.regionRoots.length > 0 || grantsOf(actor, "department-head").length > 0;
}

/**
 * Departments whose open escalations the actor's own list shows: where it works, bar the
 * supervising office's seat, which escalates rather than answers (R36).
 */
export function escalationDepartments(actor: Actor): string[] {
  return actor.kind === "staff" ? unique(actor.roles.filter((r) => r.role !== "supervisor").map((r) => r.departmentId)) : [];
}

/**
 * The figures dashboard is for who supervises: the office, platform and region admins, department
 * heads (R34). A department admin's supervision scope serves its escalations and complaints lists.
 */
export function allowDashboard(actor: Actor): boolean {
  const scope = supervisionScope(actor);
  return !!scope && (scope.all || scope.regionCodes.length > 0 || grantsOf(actor, "department-head").length > 0);
}

/** Departments for which the actor registers and revokes certificates (the rule the certificate routes enforce). */
export function certificateDepartments(actor: Actor): string[] {
  return memberDepartments(actor).filter((d) => allowIssueFor(actor, d));
}

/** Where a granted role applies: the whole platform, one region, or one department. */
export function grantScopeOf(role: Role): GrantScope {
  if (role === "platform-admin" || role === "supervisor") return "platform";
  return role === "region-admin" ? "region" : "department";
}

/** The roles the actor may ask to grant, each with where it applies; platform roles only for a platform admin. */
export function grantableRoles(actor: Actor): { role: Role; scope: GrantScope }[] {
  if (!mayOpenStaffAdmin(actor)) return [];
  return roles.filter((r) => !isPlatformRole(r) || hasRole(actor, "platform-admin")).map((role) => ({ role, scope: grantScopeOf(role) }));
}

/**
 * What the signed-in person may open and do across the workbench, for GET /api/me. Each entry is
 * the same policy function the routes enforce; the server still decides every request on its own.
 */
export function workbenchAbilities(actor: Actor): MeAbilities {
  const sections: Record<WorkbenchSection, boolean> = {
    worklist: allowWorklist(actor),
    hall: allowApplicantLookup(actor),
    inbox: allowWorklist(actor),
    catalog: mayOpenCatalogAdmin(actor),
    templates: mayOpenTemplates(actor),
    approvals: agreeingDepartments(actor).length > 0 || approvesVersions(actor),
    calendar: allowWorklist(actor),
    staff: mayOpenStaffAdmin(actor),
    organization: mayOpenOrganization(actor),
    supervision: allowDashboard(actor),
    escalations: supervisionScope(actor) !== null || escalationDepartments(actor).length > 0,
    complaints: actor.kind === "staff" && complaintScope(actor) !== null,
    consultations: consultationScope(actor) !== null,
    flags: allowAudit(actor, "read"),
    audit: allowAudit(actor, "read"),
    certificates: allowCertificateLookup(actor),
    integrations: integrationAdminScope(actor) !== null,
  };
  return {
    sections,
    editCalendar: allowEditCalendar(actor),
    escalate: allowEscalate(actor),
    escalations: { all: supervisionScope(actor) !== null, own: escalationDepartments(actor).length > 0 },
    departments: {
      member: memberDepartments(actor),
      hall: acceptQueueDepartments(actor),
      agree: agreeingDepartments(actor),
      administer: administeredDepartments(actor),
    },
    staff: { grantableRoles: grantableRoles(actor), approvingRoles: [...approvingRoles] as Role[] },
    templates: { platform: allowEditPlatformTemplates(actor), departments: templateDepartments(actor) },
    processes: { stepRoles: [...stepRoles], defaultStepRole },
    certificates: { issueFor: certificateDepartments(actor) },
    integrations: { all: integrationAdminScope(actor)?.all ?? false, departments: integrationAdminScope(actor)?.departments ?? [] },
  };
}
