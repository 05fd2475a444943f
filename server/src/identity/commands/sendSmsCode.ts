import { createHash, randomInt } from "node:crypto";
import type { SmsCodeRequest } from "@cq/contracts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { queueMessage } from "../../platform/notify.ts";
import { latestSmsCode, insertSmsCode } from "../repository.ts";
import { personalDataOf } from "../../platform/personalData.ts";
import { isValidIdNumber } from "../checkCharacters.ts";

export const SMS_CODE_TTL_MS = 5 * 60_000;
const RESEND_AFTER_MS = 60_000;

export const smsCodeHash = (phone: string, code: string): string => createHash("sha256").update(`${phone}:${code}`).digest("hex");

const purposeText: Record<SmsCodeRequest["purpose"], string> = {
  register: "注册",
  login: "登录",
  reset: "重置密码",
};

/** Sends a one-time code by SMS (through the outbox); one per phone and purpose per minute. */
export async function sendSmsCode(ctx: Ctx, input: SmsCodeRequest): Promise<void> {
  // Registration names the ID number first: a wrong one is refused before a code is spent on it.
  if (input.idNumber !== undefined && !isValidIdNumber(input.idNumber.toUpperCase(), ctx.now)) throw new AppError("INVALID_ID_NUMBER", { field: "idNumber" });
  const last = await latestSmsCode(ctx.trx, personalDataOf(ctx.deps.config), input.phone, input.purpose);
  if (last && ctx.now.getTime() - last.created_at.getTime() < RESEND_AFTER_MS) {
    throw new AppError("RATE_LIMITED", { retryAfterSeconds: 60 });
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await insertSmsCode(ctx.trx, personalDataOf(ctx.deps.config), {
    id: newId(),
    phone: input.phone,
    purpose: input.purpose,
    codeHash: smsCodeHash(input.phone, code),
    at: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + SMS_CODE_TTL_MS),
  });
  await queueMessage(ctx, {
    to: input.phone,
    channel: "sms",
    at: ctx.now,
    text: `【重庆市网上行政审批平台】您的${purposeText[input.purpose]}验证码为 ${code}，5 分钟内有效。请勿告诉他人。`,
  });
  // The code itself is never audited; only that one was sent.
  await ctx.audit({ action: "sms.sent", objectType: "phone", objectId: null, newValues: { purpose: input.purpose } });
}
