import type { Me } from "../../common/api/types.ts";

/**
 * Which workbench sections a staff member sees, from the roles of GET /api/me. The server decides
 * every request on its own; this only keeps the menu to what the user's roles can open.
 */
export type Section =
  | "worklist"
  | "hall"
  | "inbox"
  | "processes"
  | "agreements"
  | "calendar"
  | "staff"
  | "supervision"
  | "escalations"
  | "complaints"
  | "flags"
  | "audit";

type Roles = ReadonlySet<string>;

const any = (roles: Roles, ...wanted: string[]) => wanted.some((r) => roles.has(r));

/** Roles of a department's own staff (everyone whose grant names a department, bar the supervising office). */
const departmentRoles = ["department-admin", "department-head", "clerk", "handler", "reviewer", "decider"];

const rules: Record<Section, (roles: Roles) => boolean> = {
  worklist: () => true,
  hall: (r) => any(r, "clerk"),
  inbox: () => true,
  processes: (r) => any(r, "department-admin"),
  agreements: (r) => any(r, "department-admin", "department-head"),
  calendar: () => true,
  staff: (r) => any(r, "platform-admin", "region-admin", "department-admin", "department-head"),
  supervision: (r) => any(r, "supervisor", "platform-admin", "region-admin", "department-head"),
  escalations: (r) => any(r, "supervisor", "platform-admin", "region-admin", ...departmentRoles),
  // 投诉与差评 (R33, R37): answered by a department's head or admin, read by the supervising office.
  complaints: (r) => any(r, "department-head", "department-admin", "supervisor", "platform-admin"),
  flags: (r) => any(r, "supervisor", "platform-admin"),
  audit: (r) => any(r, "supervisor", "platform-admin"),
};

export function roleSet(me: Pick<Me, "roles"> | null | undefined): Set<string> {
  return new Set((me?.roles ?? []).map((r) => r.role));
}

export function canOpen(me: Pick<Me, "roles"> | null | undefined, section: Section): boolean {
  return rules[section](roleSet(me));
}

/** Edits the working-day calendar (R5). */
export const canEditCalendar = (me: Pick<Me, "roles"> | null | undefined) => roleSet(me).has("platform-admin");

/** Escalates (挂号督办) a case: the supervising office only (R36). */
export const canEscalate = (me: Pick<Me, "roles"> | null | undefined) => roleSet(me).has("supervisor");

/** Sees the platform-wide list of escalations (GET /api/supervision/escalations). */
export const seesAllEscalations = (me: Pick<Me, "roles"> | null | undefined) =>
  any(roleSet(me), "supervisor", "platform-admin", "region-admin", "department-head", "department-admin");

/** Has a role inside some department (not only the supervising office), so has "my escalations". */
export const hasDepartmentEscalations = (me: Pick<Me, "roles"> | null | undefined) => any(roleSet(me), ...departmentRoles);

/** Departments the user may agree for (R10): its department admin or head grants. */
export function agreeingDepartments(me: Pick<Me, "roles"> | null | undefined): string[] {
  return [
    ...new Set(
      (me?.roles ?? [])
        .filter((r) => (r.role === "department-admin" || r.role === "department-head") && r.departmentId)
        .map((r) => r.departmentId as string),
    ),
  ];
}
