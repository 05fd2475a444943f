import type { DocumentKind } from "@cq/contracts";
import type { Ctx } from "../audit/command.ts";
import { findDepartment, findItemName, findVersion } from "../catalog/repository.ts";
import { caseDeadline } from "../clock/caseClock.ts";
import { issueDocument, type IssueDocumentInput } from "../documents/issueDocument.ts";
import { type PlaceholderValues, printedDay } from "../documents/templates/render.ts";
import { findUserById } from "../identity/repository.ts";
import { shanghaiDay } from "../platform/clock.ts";
import { personalDataOf } from "../platform/personalData.ts";
import type { CaseRow, ItemVersionRow } from "../platform/schema.ts";

/**
 * The facts a notice to the applicant names: item, department, applicant, limits. A command that has
 * already read the case's item version passes it (one statement fewer).
 */
export async function noticeFacts(ctx: Pick<Ctx, "trx" | "deps">, c: CaseRow, versionRead?: ItemVersionRow) {
  const db = ctx.trx;
  const [version, dept, applicant, item] = await Promise.all([
    versionRead?.id === c.item_version_id ? versionRead : findVersion(db, c.item_version_id),
    findDepartment(db, c.lead_department_id),
    findUserById(db, personalDataOf(ctx.deps.config), c.applicant_id),
    findItemName(db, c.item_id),
  ]);
  if (!dept || !applicant) throw new Error("case without department or applicant");
  return { version, dept, applicant, item };
}

export type NoticeFacts = Awaited<ReturnType<typeof noticeFacts>>;

/** The placeholder values a case gives every document of it: dates of submission and acceptance, limits, phones. */
export async function caseValues(ctx: Pick<Ctx, "trx" | "now">, c: CaseRow, version: NoticeFacts["version"]): Promise<PlaceholderValues> {
  const deadline = c.accepted_at ? await caseDeadline(ctx.trx, c.id, ctx.now) : null;
  return {
    ...(c.submitted_at ? { 申请日期: printedDay(shanghaiDay(c.submitted_at)) } : {}),
    ...(c.accepted_at ? { 受理日期: printedDay(shanghaiDay(c.accepted_at)) } : {}),
    ...(deadline ? { 办结期限: printedDay(deadline.dueDate) } : {}),
    承诺期限: String(version.promised_days),
    法定期限: String(version.statutory_days),
    咨询电话: version.consultation_phone,
    投诉电话: version.complaint_phone,
  };
}

/**
 * Issues a written document of the lead department to the applicant, in the words of the
 * department's template in force: the case gives the common values, the caller those of its kind.
 */
export async function issueCaseDocument(
  ctx: Ctx,
  c: CaseRow,
  facts: Pick<NoticeFacts, "version" | "dept" | "applicant" | "item">,
  kind: DocumentKind,
  extra: Pick<IssueDocumentInput, "values" | "table" | "remark">,
): Promise<string> {
  const { dept, applicant, item, version } = facts;
  return issueDocument(ctx, {
    caseId: c.id,
    kind,
    department: { id: dept.id, name: dept.name, shortName: dept.short_name },
    recipient: applicant.name,
    itemName: item.name,
    supervisionCode: c.supervision_code,
    referenceNo: c.reference_no,
    values: { ...(await caseValues(ctx, c, version)), ...extra.values },
    ...(extra.table ? { table: extra.table } : {}),
    ...(extra.remark ? { remark: extra.remark } : {}),
  });
}
