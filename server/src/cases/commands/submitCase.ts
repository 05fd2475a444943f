import { findVersion, materialsOfVersion } from "../../catalog/repository.ts";
import { tellApplicant } from "../../platform/applicantNotices.ts";
import { noticeFacts } from "../noticeFacts.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import type { FormField } from "../../platform/schema.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { missingFields, missingMaterials, providedUploads } from "../completeness.ts";
import { certificatesByNumbers } from "../../certificates/repository.ts";
import { certificateVerdict } from "../../certificates/reuse.ts";
import { shanghaiDay } from "../../platform/clock.ts";
import { activeUploads, updateCase, updateCaseWithNewReference } from "../repository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { transition } from "../workflow.ts";
import { generateReferenceNo } from "../../caseRecord/referenceNo.ts";

/**
 * Submits a complete application; the day of receipt starts the Art. 32 five-day window. The first
 * submission gives the application its reference number (申请编号), quoted until acceptance.
 */
export async function submitCase(ctx: Ctx, caseId: string): Promise<{ status: "submitted" }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "edit", true);
  const to = transition(c.status, "submit");
  const version = await findVersion(ctx.trx, c.item_version_id);
  const fields = missingFields(version.form_fields as unknown as FormField[], c.form_data as Record<string, unknown>);
  const uploads = await activeUploads(ctx.trx, c.id);
  // A certificate from the library counts while it is in force (it may have been revoked or have expired since it was chosen).
  const today = shanghaiDay(ctx.now);
  const certificates = await certificatesByNumbers(ctx.trx, [...new Set(uploads.map((u) => u.certificate_no).filter((n): n is string => !!n))]);
  const verdicts = new Map(certificates.map((x) => [x.certificate_no, certificateVerdict(x, today)]));
  const missing = missingMaterials(await materialsOfVersion(ctx.trx, c.item_version_id), providedUploads(uploads, (no) => verdicts.get(no)));
  if (missing.length) throw new AppError("MATERIALS_MISSING", { missing, ...(fields.length ? { fields } : {}) });
  if (fields.length) throw new AppError("FORM_INCOMPLETE", { fields });

  const submitted = { status: to, submitted_at: ctx.now, received_at: ctx.now, updated_at: ctx.now };
  let referenceNo = c.reference_no;
  if (referenceNo) await updateCase(ctx.trx, c.id, submitted);
  else {
    // A reference number no case holds yet (8 random symbols a day: a collision is rare, but checked
    // in the same statement that gives it).
    do referenceNo = generateReferenceNo(today);
    while (!(await updateCaseWithNewReference(ctx.trx, c.id, submitted, referenceNo)));
  }
  await recordTimeline(ctx, c.id, "submitted", { public: true, departmentId: c.lead_department_id });
  ctx.event({ type: "case.submitted", caseId: c.id });
  await ctx.audit({ action: "case.submitted", objectType: "case", objectId: c.id, caseId: c.id, oldValues: { status: c.status }, newValues: { status: to, referenceNo } });
  const { applicant, item, dept } = await noticeFacts(ctx, c, version);
  await tellApplicant(ctx, applicant, "case.submitted", { item: item.name, ref: referenceNo, department: dept.name }, c.id);
  return { status: "submitted" };
}
