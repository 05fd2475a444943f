import type { DeliveryChoice, PickupPlace } from "@cq/contracts";
import { findDepartment, findItemName, findVersion, hallsOfRegion } from "../catalog/repository.ts";
import { resultsOfCase } from "../certificates/repository.ts";
import { findUserById } from "../identity/repository.ts";
import { maskPhone } from "../identity/checkCharacters.ts";
import type { Ctx } from "../audit/command.ts";
import { type NoticeParam, tellApplicant } from "../platform/applicantNotices.ts";
import type { Actor } from "../platform/actor.ts";
import type { Executor } from "../platform/db.ts";
import { type PersonalData, personalDataOf } from "../platform/personalData.ts";
import type { CaseRow, ItemVersionRow } from "../platform/schema.ts";
import { allowCase, type CaseResource } from "../policy/index.ts";
import { deliveryChoiceOfCase, markReadyNoticeSent } from "./deliveryChoiceRepository.ts";

// 送达方式 (delivery choice): what the applicant chose, where a result is collected, what the
// decision notice says about it, and the one notice that the result is ready for pick-up.

type StoredChoice = NonNullable<Awaited<ReturnType<typeof deliveryChoiceOfCase>>>;

/** Where the case's result is collected: the first open service hall of its region, else the lead department. */
export async function pickupPlaceOf(db: Executor, c: Pick<CaseRow, "region_code" | "lead_department_id">): Promise<PickupPlace | undefined> {
  const [hall] = await hallsOfRegion(db, c.region_code);
  if (hall) return { name: hall.name, address: hall.address, ...(hall.hours ? { hours: hall.hours } : {}), ...(hall.phone ? { phone: hall.phone } : {}) };
  const dept = await findDepartment(db, c.lead_department_id);
  return dept ? { name: dept.name, address: dept.address, ...(dept.phone ? { phone: dept.phone } : {}) } : undefined;
}

/** The place in a notice: name, address and opening hours, in both languages. */
function placeWords(p: PickupPlace | undefined): { zh: string; en: string } {
  if (!p) return { zh: "办理窗口", en: "the service window" };
  const zh = [p.address, p.hours ? `办公时间：${p.hours}` : ""].filter(Boolean).join("；");
  const en = [p.address, p.hours ? `opening hours: ${p.hours}` : ""].filter(Boolean).join("; ");
  return { zh: `${p.name}（${zh}）`, en: `${p.name} (${en})` };
}

/** What the decision notice says about how the result will reach the applicant (or asks them to choose). */
export function deliveryWords(method: StoredChoice["method"] | undefined, place: PickupPlace | undefined): NoticeParam {
  switch (method) {
    case "pickup":
      return {
        zh: `您选择窗口领取，结果可领取时将另行通知您到${place?.name ?? "办理窗口"}领取。`,
        en: `You chose to collect it; you will be told when it is ready at ${place?.name ?? "the service window"}.`,
      };
    case "mail":
      return { zh: "您选择邮寄送达，结果寄出后将告知快递单号。", en: "You chose delivery by mail; you will get the tracking number when it is sent." };
    case "electronic":
      return { zh: "您选择电子送达，送达后请登录平台下载。", en: "You chose electronic delivery; download the result on the platform once it is delivered." };
    default:
      return {
        zh: "请登录平台选择送达方式：窗口领取、邮寄送达或电子送达。",
        en: "Choose on the platform how to receive the result: pick-up, mail or electronic.",
      };
  }
}

/** Departments whose result is still missing: the lead's, and for an approval those the version names (R31). */
export async function missingResults(db: Executor, c: Pick<CaseRow, "id" | "lead_department_id" | "result">, version: Pick<ItemVersionRow, "result_department_ids">): Promise<string[]> {
  const results = await resultsOfCase(db, c.id);
  const expected = [c.lead_department_id, ...(c.result === "approved" ? version.result_department_ids : [])];
  return expected.filter((d) => !results.some((r) => r.department_id === d));
}

/**
 * Tells an applicant who chose pick-up that the result is ready — once every department's result is
 * in after the decision, exactly once (the choice row remembers it).
 */
export async function tellIfReadyForPickup(ctx: Ctx, c: CaseRow): Promise<boolean> {
  if (c.status !== "decided") return false;
  const choice = await deliveryChoiceOfCase(ctx.trx, c.id);
  if (choice?.method !== "pickup" || choice.ready_notice_at) return false;
  if ((await missingResults(ctx.trx, c, await findVersion(ctx.trx, c.item_version_id))).length) return false;
  const [applicant, item, place] = await Promise.all([
    findUserById(ctx.trx, personalDataOf(ctx.deps.config), c.applicant_id),
    findItemName(ctx.trx, c.item_id),
    pickupPlaceOf(ctx.trx, c),
  ]);
  await tellApplicant(ctx, applicant, "case.ready-for-pickup", { item: item.name, code: c.supervision_code ?? "", place: placeWords(place) }, c.id);
  await markReadyNoticeSent(ctx.trx, c.id, ctx.now);
  return true;
}

/**
 * The choice in the case file: the method to everyone who may read the case; the mailing details in
 * full to the applicant and to the window that delivers, to other staff the recipient and a masked phone.
 */
export function presentDeliveryChoice(pd: PersonalData, actor: Actor, r: CaseResource, choice: StoredChoice | undefined): DeliveryChoice | undefined {
  if (!choice) return undefined;
  const full = (actor.kind === "applicant" && actor.id === r.applicantId) || allowCase(actor, "deliver", r);
  const phone = pd.openOrNull(choice.phone);
  const address = pd.openOrNull(choice.address);
  return {
    method: choice.method,
    ...(choice.recipient_name ? { recipientName: choice.recipient_name } : {}),
    ...(phone ? { phone: full ? phone : maskPhone(phone) } : {}),
    ...(address && full ? { address } : {}),
    chosenAt: choice.chosen_at.toISOString(),
    ...(choice.ready_notice_at ? { readyNoticeAt: choice.ready_notice_at.toISOString() } : {}),
  };
}

/** An address as the audit keeps it: enough to tell two apart, not enough to find the door. */
export const maskAddress = (address: string): string => `${[...address].slice(0, 6).join("")}****`;
