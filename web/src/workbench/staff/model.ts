/** Pure helpers of the staff administration page: role groups, change summaries, detail diffs. */
import { departmentRoles, roles } from "@cq/contracts";
import type { StaffChange, StaffRoleGrant, StaffMember } from "../../common/data/staff.ts";

export { departmentRoles };

/** What a new (so untrained) staff member may be given: the department roles that do not approve (R17). */
export function nonApprovingDepartmentRoles(approvingRoles: readonly string[]): string[] {
  return departmentRoles.filter((r) => !approvingRoles.includes(r));
}

export function isDepartmentRole(role: string): boolean {
  return (departmentRoles as readonly string[]).includes(role);
}

/** A role granted platform-wide or per region rather than in a department. */
const isPlatformOrRegionRole = (role: string): boolean => (roles as readonly string[]).includes(role) && !isDepartmentRole(role);

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Names for ids the payload may carry only as ids. */
export interface Names {
  department?: (id: string) => string | undefined;
  region?: (code: string) => string | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

export function roleName(t: Translate, role: string | undefined): string {
  return role ? t(`role.${role}`, { defaultValue: role }) : t("sa.summary.unknownRole");
}

export function regionLabel(code: string, names: Names = {}): string {
  const name = names.region?.(code);
  return name ? `${name}（${code}）` : code;
}

/** Where a role applies, in words: 全平台, 区县：渝北区（500112）, or the department's name. */
export function roleScope(
  t: Translate,
  role: { role?: string | undefined; departmentId?: string | null | undefined; departmentName?: string | null | undefined; regionCode?: string | null | undefined },
  names: Names = {},
  fallbackDepartment?: string,
): string {
  if (role.role && isPlatformOrRegionRole(role.role))
    return role.regionCode ? t("sa.scope.region", { region: regionLabel(role.regionCode, names) }) : t("sa.scope.platform");
  if (!role.departmentId && !role.departmentName && role.regionCode) return t("sa.scope.region", { region: regionLabel(role.regionCode, names) });
  const department =
    role.departmentName ?? (role.departmentId ? (names.department?.(role.departmentId) ?? role.departmentId) : undefined) ?? fallbackDepartment;
  return department ? t("sa.scope.department", { department }) : "—";
}

/** The request's payload as one line of Chinese (or English): what will change if it is approved. */
export function describeChange(t: Translate, change: Pick<StaffChange, "kind" | "payload" | "staffName" | "department">, names: Names = {}): string {
  const payload = isRecord(change.payload) ? change.payload : {};
  const fallbackDepartment = change.department?.name;
  switch (change.kind) {
    case "create": {
      const staff = isRecord(payload.staff) ? payload.staff : payload;
      const departmentId = str(staff.departmentId);
      const roles = Array.isArray(staff.roles) ? staff.roles.filter((r): r is string => typeof r === "string") : [];
      return t("sa.summary.create", {
        name: str(staff.name) ?? change.staffName,
        username: str(staff.username) ?? "—",
        department: (departmentId && names.department?.(departmentId)) ?? fallbackDepartment ?? departmentId ?? "—",
        roles: roles.length ? roles.map((r) => roleName(t, r)).join("、") : t("sa.summary.none"),
      });
    }
    case "update": {
      const changes = isRecord(payload.changes) ? payload.changes : payload;
      const parts: string[] = [];
      const name = str(changes.name);
      const phone = str(changes.phone);
      if (name) parts.push(t("sa.summary.updateName", { name }));
      if (phone) parts.push(t("sa.summary.updatePhone", { phone }));
      if (changes.disabled === true) parts.push(t("sa.summary.updateDisable"));
      if (changes.disabled === false) parts.push(t("sa.summary.updateEnable"));
      return t("sa.summary.update", { changes: parts.length ? parts.join("；") : t("sa.summary.updateNothing") });
    }
    case "grant-role": {
      const grant = isRecord(payload.grant) ? payload.grant : payload;
      const role = str(grant.role);
      return t("sa.summary.grant", {
        role: roleName(t, role),
        scope: roleScope(t, { role, departmentId: str(grant.departmentId), departmentName: str(grant.departmentName), regionCode: str(grant.regionCode) }, names, fallbackDepartment),
      });
    }
    case "revoke-role": {
      const role = str(payload.role);
      return t("sa.summary.revoke", {
        role: roleName(t, role),
        scope: roleScope(t, { role, departmentId: str(payload.departmentId), departmentName: str(payload.departmentName), regionCode: str(payload.regionCode) }, names, fallbackDepartment),
      });
    }
    default:
      return t(`sa.kind.${String(change.kind)}`, { defaultValue: String(change.kind) });
  }
}

export interface DetailValues {
  name?: string | undefined;
  phone?: string | undefined;
  disabled?: boolean | undefined;
}

/** Only what actually changes: a name that differs, a phone that was typed, a flipped account state. */
export function detailChanges(current: Pick<StaffMember, "name" | "disabled">, values: DetailValues): { name?: string; phone?: string; disabled?: boolean } {
  const out: { name?: string; phone?: string; disabled?: boolean } = {};
  const name = values.name?.trim();
  const phone = values.phone?.trim();
  if (name && name !== current.name) out.name = name;
  if (phone) out.phone = phone;
  if (values.disabled !== undefined && values.disabled !== current.disabled) out.disabled = values.disabled;
  return out;
}

/** Roles, sorted as the platform lists them: platform and district roles first, then the department roles. */
export function sortRoles(held: StaffRoleGrant[]): StaffRoleGrant[] {
  const order = roles as readonly string[];
  const rank = (r: string) => {
    const i = order.indexOf(r);
    return i < 0 ? order.length : i;
  };
  return [...held].sort((a, b) => rank(a.role) - rank(b.role));
}

/** The distinct district codes of the departments in scope, sorted. */
export function regionCodesOf(departments: { regionCode: string }[]): string[] {
  return [...new Set(departments.map((d) => d.regionCode).filter(Boolean))].sort();
}
