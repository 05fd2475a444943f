import { findDepartment, findItemName, findVersion } from "../catalog/repository.ts";
import { findUserById } from "../identity/repository.ts";
import type { Executor } from "../platform/db.ts";
import type { CaseRow } from "../platform/schema.ts";

/** The facts a notice to the applicant names: item, department, applicant, limits. */
export async function noticeFacts(db: Executor, c: CaseRow) {
  const [version, dept, applicant, item] = await Promise.all([
    findVersion(db, c.item_version_id),
    findDepartment(db, c.lead_department_id),
    findUserById(db, c.applicant_id),
    findItemName(db, c.item_id),
  ]);
  return { version, dept: dept!, applicant: applicant!, item };
}
