import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors.ts";
import { confirmMatches, differsFromCurrent, fieldOfPasswordError, forcedPasswordRedirect, STAFF_PASSWORD_PATH, STAFF_SECURITY_PATH } from "./passwordRules.ts";

describe("password form rules", () => {
  it("accepts a confirmation only when it equals the new password", () => {
    expect(confirmMatches("Abcd1234", "Abcd1234")).toBe(true);
    expect(confirmMatches("Abcd1234", "abcd1234")).toBe(false);
    expect(confirmMatches("Abcd1234", "Abcd1234 ")).toBe(false);
    expect(confirmMatches(undefined, "Abcd1234")).toBe(false);
  });

  it("leaves an empty confirmation to the required rule", () => {
    expect(confirmMatches("Abcd1234", "")).toBe(true);
    expect(confirmMatches("Abcd1234", undefined)).toBe(true);
  });

  it("wants a new password different from the current one", () => {
    expect(differsFromCurrent("Old12345", "New12345")).toBe(true);
    expect(differsFromCurrent("Same1234", "Same1234")).toBe(false);
    expect(differsFromCurrent("", "Same1234")).toBe(true);
    expect(differsFromCurrent("Same1234", undefined)).toBe(true);
  });

  it("puts field errors under their field and leaves the rest to the form's alert", () => {
    const all = ["phone", "smsCode", "currentPassword", "newPassword"] as const;
    expect(fieldOfPasswordError(new ApiError(400, "INVALID_SMS_CODE", "验证码错误"), all)).toBe("smsCode");
    expect(fieldOfPasswordError(new ApiError(400, "WEAK_PASSWORD", "密码太弱"), all)).toBe("newPassword");
    expect(fieldOfPasswordError(new ApiError(400, "SAME_PASSWORD", "相同"), all)).toBe("newPassword");
    expect(fieldOfPasswordError(new ApiError(400, "CURRENT_PASSWORD_WRONG", "当前密码错误"), all)).toBe("currentPassword");
    expect(fieldOfPasswordError(new ApiError(429, "RATE_LIMITED", "请稍后再试"), all)).toBeUndefined();
    expect(fieldOfPasswordError(new ApiError(401, "NOT_LOGGED_IN", "请先登录"), all)).toBeUndefined();
    expect(fieldOfPasswordError(new Error("boom"), all)).toBeUndefined();
  });

  it("only names fields the form has", () => {
    expect(fieldOfPasswordError(new ApiError(400, "CURRENT_PASSWORD_WRONG", "当前密码错误"), ["phone", "smsCode", "newPassword"])).toBeUndefined();
    expect(fieldOfPasswordError(new ApiError(400, "INVALID_SMS_CODE", "验证码错误"), ["currentPassword", "newPassword"])).toBeUndefined();
    expect(fieldOfPasswordError(new ApiError(400, "WEAK_PASSWORD", "密码太弱"), ["currentPassword", "newPassword"])).toBe("newPassword");
  });
});

describe("first-login redirect in the workbench", () => {
  const staff = { kind: "staff" as const, mustChangePassword: true };

  it("sends a staff member with an initial password to the password page from every other page", () => {
    for (const path of ["/workbench", "/workbench/", "/workbench/cases/abc", "/workbench/config/staff", "/workbench/nowhere"]) {
      expect(forcedPasswordRedirect(staff, path), path).toBe(STAFF_PASSWORD_PATH);
    }
  });

  it("lets the password page itself show", () => {
    expect(forcedPasswordRedirect(staff, "/workbench/password")).toBeNull();
    expect(forcedPasswordRedirect(staff, "/workbench/password/")).toBeNull();
  });

  it("does nothing once the password was changed, or for applicants and visitors", () => {
    expect(forcedPasswordRedirect({ kind: "staff", mustChangePassword: false }, "/workbench")).toBeNull();
    expect(forcedPasswordRedirect({ kind: "applicant", mustChangePassword: true }, "/workbench")).toBeNull();
    expect(forcedPasswordRedirect(null, "/workbench")).toBeNull();
    expect(forcedPasswordRedirect(undefined, "/workbench")).toBeNull();
  });
});

describe("second-factor redirect in the workbench", () => {
  const required = { kind: "staff" as const, mustChangePassword: false, totp: { enabled: false, required: true } };

  it("sends a staff member without a required authenticator to the security page, after the password", () => {
    expect(forcedPasswordRedirect(required, "/workbench")).toBe(STAFF_SECURITY_PATH);
    expect(forcedPasswordRedirect(required, "/workbench/security")).toBeNull();
    expect(forcedPasswordRedirect({ ...required, mustChangePassword: true }, "/workbench/security")).toBe(STAFF_PASSWORD_PATH);
  });

  it("does nothing once it is set up, or where it is not required", () => {
    expect(forcedPasswordRedirect({ ...required, totp: { enabled: true, required: true } }, "/workbench")).toBeNull();
    expect(forcedPasswordRedirect({ ...required, totp: { enabled: false, required: false } }, "/workbench")).toBeNull();
  });
});
