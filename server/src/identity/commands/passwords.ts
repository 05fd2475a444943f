import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { queueMessage } from "../../platform/notify.ts";
import { newId } from "../../platform/ids.ts";
import { hashPassword, isReused, isStrongEnough, isStrongEnoughForStaff, STAFF_PASSWORD_HISTORY, verifyPassword } from "../passwords.ts";
import { deleteSessionsExcept, findUserById, findUserByLogin, recentPasswordHashes, rememberPassword, setPassword } from "../repository.ts";
import { consumeSmsCode } from "./registerApplicant.ts";
import { personalDataOf } from "../../platform/personalData.ts";

/**
 * An applicant who forgot the password sets a new one with a "reset" SMS code sent to the account's
 * phone. Every session of the account ends; a lock from failed logins is lifted. An unknown phone
 * answers like a wrong code, so the answer does not tell whether the phone has an account.
 * A wrong code counts as an attempt and is committed, so the refusal is returned, not thrown.
 */
export async function resetPassword(ctx: Ctx, input: { phone: string; smsCode: string; password: string }): Promise<{ refused?: AppError }> {
  if (!isStrongEnough(input.password)) throw new AppError("WEAK_PASSWORD", { field: "password" });
  const codeOk = await consumeSmsCode(ctx, input.phone, "reset", input.smsCode);
  const user = await findUserByLogin(ctx.trx, personalDataOf(ctx.deps.config), "phone", input.phone);
  if (!codeOk || !user || user.disabled) return { refused: new AppError("INVALID_SMS_CODE", { field: "smsCode" }) };
  await setPassword(ctx.trx, user.id, await hashPassword(input.password), { mustChange: false });
  await deleteSessionsExcept(ctx.trx, user.id, null);
  await queueMessage(ctx, { to: input.phone, channel: "sms", at: ctx.now, text: "【重庆市网上行政审批平台】您的登录密码已重置。如非本人操作，请立即联系 12345 热线。" });
  await ctx.audit({ action: "user.password-reset", objectType: "user", objectId: user.id });
  return {};
}

/** The logged-in user changes the password; the current session stays, every other one ends. */
export async function changePassword(ctx: Ctx, sessionId: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  if (ctx.actor.kind !== "applicant" && ctx.actor.kind !== "staff") throw new AppError("NOT_LOGGED_IN");
  const user = await findUserById(ctx.trx, personalDataOf(ctx.deps.config), ctx.actor.id);
  if (!user) throw new AppError("NOT_LOGGED_IN");
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) throw new AppError("CURRENT_PASSWORD_WRONG", { field: "currentPassword" });
  if (!isStrongEnough(input.newPassword)) throw new AppError("WEAK_PASSWORD", { field: "newPassword" });
  if (input.newPassword === input.currentPassword) throw new AppError("SAME_PASSWORD", { field: "newPassword" });
  if (user.kind === "staff") {
    // Staff: a stronger policy, and none of the last five passwords again (等保 level 3).
    if (!isStrongEnoughForStaff(input.newPassword)) throw new AppError("WEAK_STAFF_PASSWORD", { field: "newPassword" });
    // The five: the current one and the four before it.
    if (await isReused(input.newPassword, [user.password_hash, ...(await recentPasswordHashes(ctx.trx, user.id, STAFF_PASSWORD_HISTORY - 1))])) {
      throw new AppError("PASSWORD_REUSED", { field: "newPassword", history: STAFF_PASSWORD_HISTORY });
    }
    await rememberPassword(ctx.trx, { id: newId(), userId: user.id, hash: user.password_hash, at: ctx.now });
  }
  await setPassword(ctx.trx, user.id, await hashPassword(input.newPassword), { mustChange: false });
  await deleteSessionsExcept(ctx.trx, user.id, sessionId);
  await ctx.audit({ action: "user.password-changed", objectType: "user", objectId: user.id, oldValues: { mustChangePassword: user.must_change_password }, newValues: { mustChangePassword: false } });
}
