import { isApiError } from "../api/errors.ts";
import type { Me } from "@cq/contracts";

/**
 * The small rules of the password forms (找回密码, 修改密码) and of the workbench's first-login
 * redirect. The server checks everything again; these only give an answer before the round trip.
 */

/** 确认新密码: an empty confirmation is left to the "required" rule; otherwise it must equal the new password exactly. */
export function confirmMatches(newPassword: string | undefined, confirm: string | undefined): boolean {
  return !confirm || confirm === (newPassword ?? "");
}

/** 新密码 must differ from 当前密码; while either is still empty there is nothing to compare. */
export function differsFromCurrent(currentPassword: string | undefined, newPassword: string | undefined): boolean {
  return !currentPassword || !newPassword || currentPassword !== newPassword;
}

/** The fields of the two password forms a server error can belong to. */
export type PasswordFormField = "phone" | "smsCode" | "currentPassword" | "newPassword";

const fieldOfCode: Record<string, PasswordFormField> = {
  INVALID_PHONE: "phone",
  INVALID_SMS_CODE: "smsCode",
  CURRENT_PASSWORD_WRONG: "currentPassword",
  WEAK_PASSWORD: "newPassword",
  SAME_PASSWORD: "newPassword",
};

/**
 * The field of this form (`fields`) a server error is about, if any: its message is then also
 * shown under that field. Errors of no field (RATE_LIMITED, NOT_LOGGED_IN, …) stay in the form's alert.
 */
export function fieldOfPasswordError<F extends PasswordFormField>(error: unknown, fields: readonly F[]): F | undefined {
  const field = isApiError(error) ? fieldOfCode[error.code] : undefined;
  return fields.find((f) => f === field);
}

/** The workbench's change-password page: the one page open while the initial password is unchanged. */
export const STAFF_PASSWORD_PATH = "/workbench/password";

/**
 * Where a workbench page must send the user instead of showing itself: a staff member whose account
 * still has the initial password (sent by SMS) goes to the change-password page first. `null`: stay.
 */
export function forcedPasswordRedirect(me: Pick<Me, "kind" | "mustChangePassword" | "totp"> | null | undefined, pathname: string): string | null {
  if (!me || me.kind !== "staff") return null;
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (me.mustChangePassword === true) return path === STAFF_PASSWORD_PATH ? null : STAFF_PASSWORD_PATH;
  // Where the platform requires a second factor, setting it up comes before any work.
  if (me.totp?.required && !me.totp.enabled) return path === STAFF_SECURITY_PATH ? null : STAFF_SECURITY_PATH;
  return null;
}

/** The workbench's security page (authenticator, sessions). */
export const STAFF_SECURITY_PATH = "/workbench/security";
