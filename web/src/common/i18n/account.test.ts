import { readFileSync } from "node:fs";
// The certificate library's texts (cert.*): registered with both faces by bundles.ts.
import { zhCN as certificates } from "./certificates.ts";
import { fileURLToPath } from "node:url";
import { zhCN as consult } from "./consult.ts";
import { describe, expect, it } from "vitest";
import { zhCN as casework } from "./casework.ts";
import { zhCN as departments } from "./departments.ts";
import { zhCN as engagement } from "./engagement.ts";
import { zhCN as mainZh } from "./zh-CN.ts";
import { en as mainEnglish } from "./en.ts";
import { zhCN } from "./account.ts";
import { en } from "./account.en.ts";
import { zhCN as staffadmin } from "./staffadmin.ts";
import { zhCN as supervision } from "./supervision.ts";
import { checkBundlePair, get } from "./bundleKit.ts";

// The pages and parts that use the account texts (paths from web/src).
const users = [
  "common/account/ChangePasswordForm.tsx",
  "common/account/PasswordFields.tsx",
  "portal/components/SmsFields.tsx",
  "portal/pages/ResetPassword.tsx",
  "portal/pages/ChangePassword.tsx",
  "portal/pages/Login.tsx",
  "portal/PortalLayout.tsx",
  "workbench/pages/StaffPassword.tsx",
  "workbench/pages/StaffSecurity.tsx",
  "workbench/pages/StaffLogin.tsx",
  "workbench/WorkbenchLayout.tsx",
];

describe("account texts (acct)", () => {
  checkBundlePair("account", zhCN, en, { plurals: false });

  it("has every literal key the account pages use, here or in the main bundle (in both languages)", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const missing: string[] = [];
    for (const file of users) {
      for (const m of readFileSync(`${root}${file}`, "utf8").matchAll(/\bt\(\s*"([a-zA-Z][\w.-]*)"/g)) {
        const key = m[1] ?? "";
        const found = key.startsWith("acct.")
          ? typeof get(zhCN, key) === "string" && typeof get(en, key) === "string"
          : (typeof get(mainZh, key) === "string" && typeof get(mainEnglish, key) === "string") || isOtherBundleKey(key);
        if (!found) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("names the pages and actions the way the browser tests expect", () => {
    expect(zhCN.acct.forgot).toBe("忘记密码？");
    expect(zhCN.acct.reset.title).toBe("找回密码");
    expect(zhCN.acct.reset.submit).toBe("重置密码");
    expect(zhCN.acct.reset.done).toBe("重置成功，请用新密码登录");
    expect(zhCN.acct.change.title).toBe("修改密码");
    expect(zhCN.acct.change.submit).toBe("修改密码");
    expect(zhCN.acct.change.done).toBe("密码已修改");
    expect(zhCN.acct.field).toMatchObject({ current: "当前密码", newPassword: "新密码", confirm: "确认新密码" });
    expect(zhCN.acct.firstLogin.title).toBe("首次登录请修改初始密码");
  });
});

/** Keys of the other feature bundles (cw.*, sa.*, eng.*, …) the shared layouts also use. */
function isOtherBundleKey(key: string): boolean {
  return [casework, supervision, staffadmin, engagement, consult, departments, certificates].some((b) => typeof get(b, key) === "string");
}
