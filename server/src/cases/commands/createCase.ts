import type { CreateCaseRequest } from "@cq/contracts";
import { findItemWithVersion } from "../../catalog/repository.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowCreateCase, enforce } from "../../policy/index.ts";
import { findUserById } from "../../identity/repository.ts";
import { insertCase } from "../repository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { requireUser } from "../../platform/actor.ts";
import { personalDataOf } from "../../platform/personalData.ts";
import type { FormField } from "../../platform/schema.ts";
import { sealForm } from "../formData.ts";

/** Opens a draft application on an item's current version (online, or at the hall for someone). */
export async function createCase(ctx: Ctx, input: CreateCaseRequest): Promise<{ id: string; status: "draft" }> {
  const item = await findItemWithVersion(ctx.trx, input.itemId);
  if (!item) throw new AppError("ITEM_NOT_FOUND");
  const forSomeoneElse = input.applicantId !== undefined;
  enforce(ctx.actor, allowCreateCase(ctx.actor, forSomeoneElse, item.department_id));

  const applicantId = forSomeoneElse ? input.applicantId! : requireUser(ctx.actor).id;
  const applicant = await findUserById(ctx.trx, personalDataOf(ctx.deps.config), applicantId);
  if (!applicant || applicant.kind !== "applicant") throw new AppError("APPLICANT_NOT_FOUND");
  // R2: items touching state secrets or public safety never run online; only the hall registers them.
  if (item.offline_only && !forSomeoneElse) throw new AppError("ITEM_OFFLINE_ONLY");
  if (!item.applicant_types.includes(applicant.applicant_type ?? "person")) {
    throw new AppError("APPLICANT_TYPE_NOT_ALLOWED", { allowed: item.applicant_types });
  }

  const id = newId();
  await insertCase(ctx.trx, {
    id,
    item_id: item.item_id,
    item_version_id: item.version_id,
    applicant_id: applicantId,
    registered_by: forSomeoneElse ? requireUser(ctx.actor).id : null,
    channel: forSomeoneElse ? "hall" : "online",
    status: "draft",
    result: null,
    supervision_code: null,
    region_code: item.region_code,
    lead_department_id: item.department_id,
    form_data: JSON.stringify(sealForm(personalDataOf(ctx.deps.config), item.form_fields as unknown as FormField[], input.formData, ctx.now)),
    created_at: ctx.now,
    updated_at: ctx.now,
    submitted_at: null,
    received_at: null,
    accepted_at: null,
    closed_at: null,
    not_accepted_reasons: null,
  });
  await recordTimeline(ctx, id, "created", { public: false });
  await ctx.audit({
    action: "case.created",
    objectType: "case",
    objectId: id,
    caseId: id,
    newValues: { itemId: item.item_id, itemVersion: item.version, channel: forSomeoneElse ? "hall" : "online" },
  });
  return { id, status: "draft" };
}
