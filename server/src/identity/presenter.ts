import type { Actor } from "../platform/actor.ts";
import type { Executor } from "../platform/db.ts";
import type { PersonalData } from "../platform/personalData.ts";
import { workbenchAbilities } from "../policy/index.ts";
import { departmentsByIds, findUserById, rolesOf } from "./repository.ts";
import { rolesWithheld, type StaffSessionRules } from "./sessions.ts";
import { maskPhone } from "./checkCharacters.ts";

/** The `/api/me` shape, also returned by login and register. */
export async function presentMe(db: Executor, pd: PersonalData, userId: string, rules: Pick<StaffSessionRules, "staffMfa">) {
  const user = await findUserById(db, pd, userId);
  if (!user) return undefined;
  const roles = user.kind === "staff" ? await rolesOf(db, user.id) : [];
  const deptIds = [...new Set([user.department_id, ...roles.map((r) => r.departmentId)].filter((d): d is string => !!d))];
  const depts = new Map((await departmentsByIds(db, deptIds)).map((d) => [d.id, d]));
  const own = user.department_id ? depts.get(user.department_id) : undefined;
  // The same actor the session resolves to: until an initial password is changed, no role acts.
  const actor: Actor =
    user.kind === "staff"
      ? { kind: "staff", id: user.id, name: user.name, departmentId: user.department_id, regionCode: own?.region_code ?? null, trained: user.trained_at !== null, roles: rolesWithheld(user, rules) ? [] : roles }
      : { kind: "applicant", id: user.id, name: user.name, applicantType: user.applicant_type ?? "person" };
  return {
    id: user.id,
    name: user.name,
    kind: user.kind,
    ...(user.kind === "applicant" ? { applicantType: user.applicant_type } : {}),
    roles: roles.map((r) => ({
      role: r.role,
      ...(r.departmentId ? { departmentId: r.departmentId, departmentName: depts.get(r.departmentId)?.name } : {}),
      ...(r.regionCode ? { regionCode: r.regionCode } : {}),
    })),
    ...(own ? { department: { id: own.id, name: own.name, regionCode: own.region_code } } : {}),
    ...(user.kind === "staff" ? { trained: user.trained_at !== null } : {}),
    mustChangePassword: user.must_change_password,
    ...(user.kind === "staff" ? { totp: { enabled: user.totp_enabled_at !== null, required: rules.staffMfa === "required" } } : {}),
    lang: user.lang,
    email: user.email,
    phoneMasked: user.phone ? maskPhone(user.phone) : null,
    abilities: workbenchAbilities(actor),
  };
}
