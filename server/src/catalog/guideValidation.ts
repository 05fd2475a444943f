import { type Guide, type GuideProblem, guideFormProblems, isApprovingRole } from "@cq/contracts";
import type { Executor } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";
import type { ProcessStep } from "../platform/schema.ts";
import { certificateTypeNames } from "./certificateTypes.ts";
import { validateProcess } from "./processValidation.ts";

/** One thing wrong with a guide: where (a path into the guide) and what (a stable code). */
export type { GuideProblem };

/** What the checks need to know of the world: departments that exist, staff facts, the item's uploaded files. */
export interface GuideWorld {
  leadDepartmentId: string;
  /** Enabled departments by id. */
  departments: ReadonlySet<string>;
  staff: ReadonlyMap<string, { departmentRoles: { role: string; departmentId: string | null }[]; trained: boolean }>;
  files: ReadonlySet<string>;
}

/**
 * Everything that makes a guide unfit to publish, each named by its path; the empty list means it
 * may be published. The process rules are validateProcess's.
 */
export function guideProblems(g: Guide, world: GuideWorld): GuideProblem[] {
  const out: GuideProblem[] = guideFormProblems(g);
  const add = (path: string, problem: string) => out.push({ path, problem });
  const seenKeys = new Set<string>();
  const seenNames = new Set<string>();
  g.materials.forEach((m, i) => {
    if (seenKeys.has(m.key)) add(`materials[${i}].key`, "duplicate-key");
    if (seenNames.has(m.name)) add(`materials[${i}].name`, "duplicate-name");
    seenKeys.add(m.key);
    seenNames.add(m.name);
    if (m.certificateType && !certificateTypeNames[m.certificateType]) add(`materials[${i}].certificateType`, "certificate-type-unknown");
    if (m.blankFormFile && !world.files.has(m.blankFormFile)) add(`materials[${i}].blankFormFile`, "file-unknown");
    if (m.sampleFile && !world.files.has(m.sampleFile)) add(`materials[${i}].sampleFile`, "file-unknown");
  });
  if (g.resultCertificateType && !certificateTypeNames[g.resultCertificateType]) add("resultCertificateType", "certificate-type-unknown");

  const fieldKeys = new Set<string>();
  g.formFields.forEach((f, i) => {
    if (fieldKeys.has(f.key)) add(`formFields[${i}].key`, "duplicate-key");
    fieldKeys.add(f.key);
  });

  const known = (id: string) => world.departments.has(id);
  const assisting = new Set(g.assistingDepartmentIds);
  g.assistingDepartmentIds.forEach((d, i) => {
    if (!known(d)) add(`assistingDepartmentIds[${i}]`, "department-unknown");
    if (d === world.leadDepartmentId) add(`assistingDepartmentIds[${i}]`, "lead-cannot-assist");
  });
  g.resultDepartmentIds.forEach((d, i) => {
    if (!assisting.has(d)) add(`resultDepartmentIds[${i}]`, "not-an-assisting-department");
  });
  g.ccDepartmentIds.forEach((d, i) => {
    if (!known(d)) add(`ccDepartmentIds[${i}]`, "department-unknown");
  });
  for (const d of Object.keys(g.assistingDays)) if (!assisting.has(d)) add(`assistingDays.${d}`, "not-an-assisting-department");

  const steps = g.process.steps;
  steps.forEach((s, i) => {
    const path = `process.steps[${i}]`;
    if (s.kind !== "co-handle") {
      if (!s.departmentId) add(`${path}.departmentId`, "step-without-department");
      else if (!known(s.departmentId)) add(`${path}.departmentId`, "department-unknown");
    }
    if (s.staffId) {
      const f = world.staff.get(s.staffId);
      const dept = s.departmentId ?? world.leadDepartmentId;
      if (!f || !f.departmentRoles.some((r) => r.role === s.role && r.departmentId === dept)) add(`${path}.staffId`, "staff-lacks-role");
      else if (isApprovingRole(s.role) && !f.trained) add(`${path}.staffId`, "staff-untrained");
    }
  });
  const index = new Map(steps.map((s, i) => [s.id, i]));
  const processSteps: ProcessStep[] = steps.map((s) => ({ ...s, staffId: s.staffId ?? undefined }));
  for (const p of validateProcess(processSteps, { promisedDays: g.promisedDays, assistingCount: g.assistingDepartmentIds.length })) {
    add(p.stepId !== undefined && index.has(p.stepId) ? `process.steps[${index.get(p.stepId)}]` : "process", p.problem);
  }
  return out;
}

/** The facts guideProblems needs, read in a few queries. */
export async function guideWorld(db: Executor, g: Guide, item: { id: string; departmentId: string }): Promise<GuideWorld> {
  const leadDepartmentId = item.departmentId;
  const deptIds = [
    leadDepartmentId, ...g.assistingDepartmentIds, ...g.ccDepartmentIds, ...g.resultDepartmentIds,
    ...g.process.steps.map((s) => s.departmentId).filter((d): d is string => !!d),
  ];
  const staffIds = g.process.steps.map((s) => s.staffId).filter((s): s is string => !!s);
  const fileIds = g.materials.flatMap((m) => [m.blankFormFile, m.sampleFile]).filter((f): f is string => !!f);
  const [departments, users, roles, files] = await Promise.all([
    db.selectFrom("departments").select("id").where("id", "in", [...new Set(deptIds)]).where("disabled_at", "is", null).execute(),
    staffIds.length ? db.selectFrom("users").select(["id", "trained_at"]).where("id", "in", staffIds).where("kind", "=", "staff").where("disabled", "=", false).execute() : [],
    staffIds.length ? db.selectFrom("role_assignments").select(["user_id", "role", "department_id"]).where("user_id", "in", staffIds).execute() : [],
    fileIds.length ? db.selectFrom("item_files").select("sha256").where("item_id", "=", item.id).where("sha256", "in", fileIds).execute() : [],
  ]);
  return {
    leadDepartmentId,
    departments: new Set(departments.map((d) => d.id)),
    staff: new Map(users.map((u) => [u.id, { trained: !!u.trained_at, departmentRoles: roles.filter((r) => r.user_id === u.id).map((r) => ({ role: r.role, departmentId: r.department_id })) }])),
    files: new Set(files.map((f) => f.sha256)),
  };
}

/** Refuses a guide unfit to publish with 422 GUIDE_INVALID listing every problem. */
export async function assertGuide(db: Executor, g: Guide, item: { id: string; departmentId: string }): Promise<void> {
  const problems = guideProblems(g, await guideWorld(db, g, item));
  if (problems.length) throw new AppError("GUIDE_INVALID", { problems });
}
