import type { DocumentKind } from "@cq/contracts";
import type { Ctx } from "../audit/command.ts";
import { findDepartment, findItemName, findVersion } from "../catalog/repository.ts";
import { issueDocument } from "../documents/issueDocument.ts";
import { findUserById } from "../identity/repository.ts";
import { personalDataOf } from "../platform/personalData.ts";
import type { CaseRow } from "../platform/schema.ts";

/** The facts a notice to the applicant names: item, department, applicant, limits. */
export async function noticeFacts(ctx: Pick<Ctx, "trx" | "deps">, c: CaseRow) {
  const db = ctx.trx;
  const [version, dept, applicant, item] = await Promise.all([
    findVersion(db, c.item_version_id),
    findDepartment(db, c.lead_department_id),
    findUserById(db, personalDataOf(ctx.deps.config), c.applicant_id),
    findItemName(db, c.item_id),
  ]);
  return { version, dept: dept!, applicant: applicant!, item };
}

type Facts = Pick<Awaited<ReturnType<typeof noticeFacts>>, "dept" | "applicant" | "item">;

/** Issues a written notice of the lead department to the applicant (an extension or a suspension notice). */
export function issueApplicantNotice(ctx: Ctx, c: CaseRow, facts: Facts, kind: DocumentKind, paragraphs: string[]) {
  const { dept, applicant, item } = facts;
  return issueDocument(ctx, {
    caseId: c.id,
    kind,
    departmentId: dept.id,
    departmentShortName: dept.short_name,
    issuer: dept.name,
    recipient: applicant.name,
    itemName: item.name,
    supervisionCode: c.supervision_code ?? undefined,
    paragraphs,
  });
}
