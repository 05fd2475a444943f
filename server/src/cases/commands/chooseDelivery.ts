import { type DeliveryChoiceRequest, type DeliveryChoiceSaved, deliveryDetailProblems } from "@cq/contracts";
import type { Ctx } from "../../audit/command.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { requireApplicant } from "../../platform/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { personalDataOf } from "../../platform/personalData.ts";
import { maskPhone } from "../../identity/checkCharacters.ts";
import { maskAddress, tellIfReadyForPickup } from "../deliveryChoice.ts";
import { deliveryChoiceOfCase, saveDeliveryChoice } from "../deliveryChoiceRepository.ts";
import { isDeliveryChoiceOpen } from "../workflow.ts";

/**
 * The applicant chooses how to receive the result (送达方式): at the hall, by mail to the address
 * given, or electronically. It may change until the decision; an applicant who had not chosen by
 * then may still choose once, until the result is delivered.
 */
export async function chooseDelivery(ctx: Ctx, caseId: string, input: DeliveryChoiceRequest): Promise<DeliveryChoiceSaved> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "choose-delivery", true);
  const before = await deliveryChoiceOfCase(ctx.trx, c.id);
  if (!isDeliveryChoiceOpen(c.status, !!before)) throw new AppError("DELIVERY_CHOICE_CLOSED", { status: c.status });
  const invalid = deliveryDetailProblems(input);
  if (invalid.length) throw new AppError("DELIVERY_DETAILS_INVALID", { fields: invalid });

  const pd = personalDataOf(ctx.deps.config);
  const mail = input.method === "mail";
  const phone = mail ? input.phone!.replace(/\s/g, "") : null;
  const address = mail ? input.address!.trim() : null;
  await saveDeliveryChoice(ctx.trx, {
    case_id: c.id,
    method: input.method,
    recipient_name: mail ? input.recipientName!.trim() : null,
    phone: pd.sealOrNull(phone),
    address: pd.sealOrNull(address),
    chosen_by: requireApplicant(ctx.actor).id,
    chosen_at: ctx.now,
    ready_notice_at: null,
  });
  await ctx.audit({
    action: "case.delivery-chosen",
    objectType: "case",
    objectId: c.id,
    caseId: c.id,
    oldValues: before ? { method: before.method } : null,
    newValues: { method: input.method, ...(phone ? { phone: maskPhone(phone) } : {}), ...(address ? { address: maskAddress(address) } : {}) },
  });
  // A first choice of pick-up after the decision, with every result in: told at once.
  await tellIfReadyForPickup(ctx, c);
  return { method: input.method, chosenAt: ctx.now.toISOString() };
}
