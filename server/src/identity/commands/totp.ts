import { createHash } from "node:crypto";
import QRCode from "qrcode";
import type { Ctx } from "../../audit/command.ts";
import { requireStaff } from "../../platform/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { findUserById, replaceRecoveryCodes, updateUserSecurity, useRecoveryCode } from "../repository.ts";
import { matchTotp, newRecoveryCodes, newTotpSecret, otpauthUrl } from "../totp.ts";
import { personalDataOf } from "../../platform/personalData.ts";

// Enrolment of a staff member's second factor (TOTP): a secret is proposed, and takes effect only
// once a code from the authenticator app proves it was set up; ten one-time recovery codes are shown once.

export const recoveryCodeHash = (userId: string, code: string): string =>
  createHash("sha256").update(`${userId}\n${code.trim().toLowerCase()}`).digest("hex");

export async function enrollTotp(ctx: Ctx): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
  const staff = requireStaff(ctx.actor);
  const user = await findUserById(ctx.trx, personalDataOf(ctx.deps.config), staff.id);
  if (!user) throw new AppError("NOT_LOGGED_IN");
  const secret = newTotpSecret();
  await updateUserSecurity(ctx.trx, personalDataOf(ctx.deps.config), staff.id, { totp_pending_secret: secret });
  await ctx.audit({ action: "user.totp-enroll", objectType: "user", objectId: staff.id, newValues: { replacing: user.totp_enabled_at !== null } });
  const url = otpauthUrl(secret, user.username ?? user.id);
  return { secret, otpauthUrl: url, qrSvg: await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
}

export async function confirmTotp(ctx: Ctx, code: string, at: Date): Promise<{ recoveryCodes: string[] }> {
  const staff = requireStaff(ctx.actor);
  const user = await findUserById(ctx.trx, personalDataOf(ctx.deps.config), staff.id);
  if (!user?.totp_pending_secret) throw new AppError("TOTP_NOT_ENROLLING");
  const step = matchTotp(user.totp_pending_secret, code, at, null);
  if (step === null) throw new AppError("TOTP_INVALID");
  await updateUserSecurity(ctx.trx, personalDataOf(ctx.deps.config), staff.id, { totp_secret: user.totp_pending_secret, totp_pending_secret: null, totp_enabled_at: ctx.now, totp_last_step: step });
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(ctx.trx, staff.id, codes.map((c) => recoveryCodeHash(staff.id, c)), ctx.now, newId);
  await ctx.audit({ action: "user.totp-enabled", objectType: "user", objectId: staff.id, newValues: { recoveryCodes: codes.length } });
  return { recoveryCodes: codes };
}

/**
 * The second factor at login: a current code (each time step once) or an unused recovery code.
 * Returns the refusal, or null when it holds.
 */
export async function checkSecondFactor(
  ctx: Ctx,
  user: { id: string; totp_secret: string | null; totp_last_step: number | null },
  totp: string | undefined,
  at: Date,
): Promise<AppError | null> {
  if (!user.totp_secret) return null;
  if (!totp) return new AppError("TOTP_REQUIRED");
  const step = matchTotp(user.totp_secret, totp.trim(), at, user.totp_last_step);
  if (step !== null) {
    await updateUserSecurity(ctx.trx, personalDataOf(ctx.deps.config), user.id, { totp_last_step: step });
    return null;
  }
  if (await useRecoveryCode(ctx.trx, user.id, recoveryCodeHash(user.id, totp), ctx.now)) {
    await ctx.audit({ action: "user.recovery-code-used", objectType: "user", objectId: user.id });
    return null;
  }
  return new AppError("TOTP_INVALID");
}
