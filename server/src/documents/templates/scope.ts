import type { Actor } from "../../platform/actor.ts";
import type { Executor } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { allowEditDepartmentTemplates, allowEditPlatformTemplates, enforce, mayOpenTemplates } from "../../policy/index.ts";
import { departmentPlace } from "../../organization/places.ts";
import { findDepartment } from "../../organization/repository.ts";

export interface TemplateScope {
  /** Null: the platform's defaults. */
  department: { id: string; name: string; shortName: string } | null;
}

/**
 * Whose templates a request is about, once the caller may read and edit them: without a department
 * the platform defaults (platform admins), with one that department's own (its department admin, a
 * region admin above it, platform admins). A department that does not exist answers 404.
 */
export async function templateScope(db: Executor, actor: Actor, departmentId: string | undefined): Promise<TemplateScope> {
  enforce(actor, mayOpenTemplates(actor));
  if (!departmentId) {
    enforce(actor, allowEditPlatformTemplates(actor));
    return { department: null };
  }
  const dept = await findDepartment(db, departmentId);
  if (!dept) throw new AppError("DEPARTMENT_NOT_FOUND");
  enforce(actor, allowEditDepartmentTemplates(actor, await departmentPlace(db, dept)));
  return { department: { id: dept.id, name: dept.name, shortName: dept.short_name } };
}
