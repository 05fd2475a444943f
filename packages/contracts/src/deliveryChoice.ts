import { z } from "zod";
import { deliveryMethods } from "./enums.ts";
import { isoTime } from "./responses/common.ts";

// 送达方式: how the applicant chooses to receive the result (窗口领取, 邮寄送达, 电子送达), before
// the decision. The mailing details are personal data: stored sealed, shown in full to the applicant
// and to the window that mails the result.

export const DeliveryChoiceRequest = z.object({
  method: z.enum(deliveryMethods).describe("pickup: at the service hall; mail: to the address given; electronic: download on the platform"),
  recipientName: z.string().trim().max(60).optional().describe("Mail: the recipient (收件人)"),
  phone: z.string().trim().max(20).optional().describe("Mail: the recipient's phone, a mobile (11 digits) or a landline with its area code"),
  address: z.string().trim().max(300).optional().describe("Mail: the full address (province/city, district, street, number)"),
});
export type DeliveryChoiceRequest = z.input<typeof DeliveryChoiceRequest>;

/** The fields of a mail choice that are missing or not valid; empty for pickup and electronic. */
export type DeliveryDetailField = "recipientName" | "phone" | "address";

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
/** A postal address long enough to be delivered to, with words in it (not only digits or signs). */
const ADDRESS_MIN = 8;

export const isDeliveryPhone = (phone: string): boolean => {
  const p = phone.replace(/[\s]/g, "");
  return MOBILE.test(p) || LANDLINE.test(p);
};
export const isDeliveryAddress = (address: string): boolean => {
  const a = address.trim();
  return [...a].length >= ADDRESS_MIN && /\p{L}/u.test(a) && !/[\p{Cc}]/u.test(a);
};

export function deliveryDetailProblems(input: DeliveryChoiceRequest): DeliveryDetailField[] {
  if (input.method !== "mail") return [];
  const out: DeliveryDetailField[] = [];
  if (!input.recipientName?.trim() || /[\p{Cc}]/u.test(input.recipientName)) out.push("recipientName");
  if (!input.phone || !isDeliveryPhone(input.phone)) out.push("phone");
  if (!input.address || !isDeliveryAddress(input.address)) out.push("address");
  return out;
}

/** Where the result is collected: the service hall of the case's region, else the department itself. */
export const PickupPlace = z.object({
  name: z.string(),
  address: z.string(),
  hours: z.string().optional(),
  phone: z.string().optional(),
});
export type PickupPlace = z.infer<typeof PickupPlace>;

/** The applicant's choice as the case file shows it; the phone is masked to staff who do not mail the result. */
export const DeliveryChoice = z.object({
  method: z.enum(deliveryMethods),
  recipientName: z.string().optional(),
  phone: z.string().optional(),
  address: z.string().optional(),
  chosenAt: isoTime,
  /** Pickup: when the applicant was told the result is ready. */
  readyNoticeAt: isoTime.optional(),
});
export type DeliveryChoice = z.infer<typeof DeliveryChoice>;

export const DeliveryChoiceSaved = z.object({ method: z.enum(deliveryMethods), chosenAt: isoTime });
export type DeliveryChoiceSaved = z.infer<typeof DeliveryChoiceSaved>;
