import type { LoginRequest } from "@cq/contracts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { isValidCreditCode, isValidIdNumber } from "../checkCharacters.ts";
import { burnPasswordCheck, verifyPassword } from "../passwords.ts";
import { findUserByLogin, type LoginKind, recordLoginFailure, resetLoginFailures } from "../repository.ts";
import { openSession } from "../sessions.ts";
import { systemClock } from "../../platform/clock.ts";
import { checkSecondFactor } from "./totp.ts";
import { personalDataOf } from "../../platform/personalData.ts";

export function loginKindOf(login: string, now: Date): LoginKind {
  if (/^1[3-9]\d{9}$/.test(login)) return "phone";
  const upper = login.toUpperCase();
  if (upper.length === 18 && isValidIdNumber(upper, now)) return "idNumber";
  if (upper.length === 18 && isValidCreditCode(upper)) return "creditCode";
  return "username";
}

export type LoginOutcome =
  | { ok: true; userId: string; token: string; expiresAt: Date }
  | { ok: false; error: AppError };

/**
 * Checks the password and opens a session. Failures are counted and committed (so the outcome is
 * returned, not thrown); after too many the account is locked for a while.
 */
export async function login(ctx: Ctx, input: LoginRequest): Promise<LoginOutcome> {
  const kind = loginKindOf(input.login, ctx.now);
  const value = kind === "username" ? input.login : input.login.toUpperCase();
  const user = await findUserByLogin(ctx.trx, personalDataOf(ctx.deps.config), kind, kind === "phone" ? input.login : value);
  if (!user || user.disabled) {
    await burnPasswordCheck(input.password);
    // Audited without the login typed (it may be a phone or an ID number): the address and time tell enough.
    await ctx.audit({ action: "user.login-failed", objectType: "user", objectId: user?.id ?? null, newValues: { reason: user ? "disabled" : "unknown-account", loginKind: kind } });
    return { ok: false, error: new AppError("INVALID_CREDENTIALS") };
  }
  if (user.locked_until && user.locked_until > ctx.now) {
    await ctx.audit({ action: "user.login-failed", objectType: "user", objectId: user.id, newValues: { reason: "locked" } });
    return { ok: false, error: new AppError("ACCOUNT_LOCKED", { lockedUntil: user.locked_until.toISOString() }) };
  }
  const { maxFailures, minutes } = ctx.deps.config.lockout;
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failures = user.failed_logins + 1;
    if (failures >= maxFailures) {
      const lockedUntil = new Date(ctx.now.getTime() + minutes * 60_000);
      await recordLoginFailure(ctx.trx, user.id, 0, lockedUntil);
      await ctx.audit({ action: "user.locked", objectType: "user", objectId: user.id, newValues: { lockedUntil: lockedUntil.toISOString() } });
      return { ok: false, error: new AppError("ACCOUNT_LOCKED", { lockedUntil: lockedUntil.toISOString() }) };
    }
    await recordLoginFailure(ctx.trx, user.id, failures, null);
    await ctx.audit({ action: "user.login-failed", objectType: "user", objectId: user.id, newValues: { reason: "wrong-password", failures } });
    return { ok: false, error: new AppError("INVALID_CREDENTIALS") };
  }
  // Sessions and TOTP steps live in real time (see sessions.ts), not the platform's business time.
  const refused = await checkSecondFactor(ctx, user, input.totp, systemClock.now());
  if (refused) {
    if (refused.code === "TOTP_INVALID") {
      // A wrong second factor counts like a wrong password.
      const failures = user.failed_logins + 1;
      const lockedUntil = failures >= maxFailures ? new Date(ctx.now.getTime() + minutes * 60_000) : null;
      await recordLoginFailure(ctx.trx, user.id, lockedUntil ? 0 : failures, lockedUntil);
    }
    await ctx.audit({ action: "user.login-failed", objectType: "user", objectId: user.id, newValues: { reason: refused.code === "TOTP_REQUIRED" ? "second-factor-missing" : "second-factor-wrong" } });
    return { ok: false, error: refused };
  }
  if (user.failed_logins > 0 || user.locked_until) await resetLoginFailures(ctx.trx, user.id);
  const session = await openSession(ctx.trx, user.id, ctx.now, ctx.deps.config.sessionDays, ctx.meta.ip);
  await ctx.audit({ action: "user.login", objectType: "user", objectId: user.id });
  return { ok: true, userId: user.id, ...session };
}
