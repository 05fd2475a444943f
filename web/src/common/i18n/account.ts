/**
 * 账号与密码界面文案：找回密码（申请人凭短信验证码重置）、修改密码（申请人与工作人员）、首次登录修改初始密码。
 * Registered into the default namespace by `common/account/i18n.ts`, under `acct`. Shared texts
 * (手机号码、短信验证码、密码规则) come from the main bundle (`auth.*`). English below, same keys.
 */
export const zhCN = {
  acct: {
    forgot: "忘记密码？",
    backToLogin: "返回登录",
    field: {
      current: "当前密码",
      currentRequired: "请输入当前密码",
      newPassword: "新密码",
      newPasswordRequired: "请输入新密码",
      confirm: "确认新密码",
      confirmRequired: "请再次输入新密码",
      mismatch: "两次输入的新密码不一致",
      same: "新密码不能与当前密码相同",
    },
    reset: {
      title: "找回密码",
      subtitle: "向注册时填写的手机号发送短信验证码，验证通过后即可设置新密码。",
      sessionsEnd: "重置后，该账号在所有设备上的登录都将失效，需用新密码重新登录。",
      submit: "重置密码",
      done: "重置成功，请用新密码登录",
      staffHint: "本功能供个人和法人申请人使用；工作人员忘记密码，请联系所在部门的管理员。",
    },
    change: {
      title: "修改密码",
      menu: "修改密码",
      subtitle: "修改后，当前登录保持有效，该账号在其他设备上的登录将全部失效。",
      submit: "修改密码",
      cancel: "取消",
      done: "密码已修改",
    },
    firstLogin: {
      title: "首次登录请修改初始密码",
      text: "您的账号刚刚开通，初始密码已通过短信发送。为保障账号安全，请先设置一个只有您知道的新密码，然后再使用业务办理系统。",
    },
  },
};

export const en: typeof zhCN = {
  acct: {
    forgot: "Forgot password?",
    backToLogin: "Back to login",
    field: {
      current: "Current password",
      currentRequired: "Enter your current password",
      newPassword: "New password",
      newPasswordRequired: "Enter a new password",
      confirm: "Confirm new password",
      confirmRequired: "Enter the new password again",
      mismatch: "The two new passwords do not match",
      same: "The new password must differ from the current one",
    },
    reset: {
      title: "Reset password",
      subtitle: "We send a verification code by SMS to the mobile number you registered with; once it is verified you can set a new password.",
      sessionsEnd: "After the reset the account is logged out on every device; log in again with the new password.",
      submit: "Reset password",
      done: "Password reset. Please log in with your new password.",
      staffHint: "This is for applicants (individuals and organizations). Staff who forgot their password: please contact your department's administrator.",
    },
    change: {
      title: "Change password",
      menu: "Change password",
      subtitle: "You stay logged in here; the account is logged out on every other device.",
      submit: "Change password",
      cancel: "Cancel",
      done: "Password changed",
    },
    firstLogin: {
      title: "First login: please change your initial password",
      text: "Your account has just been set up and its initial password was sent by SMS. To keep the account safe, set a new password that only you know before using the workbench.",
    },
  },
};
