import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { isStrongPassword } from "../validators.ts";
import { confirmMatches, differsFromCurrent } from "./passwordRules.ts";

/**
 * 新密码 and 确认新密码, for 找回密码 and 修改密码. The form's values are `newPassword` and `confirm`;
 * with `currentField` the new password must also differ from the value of that field.
 */
export function NewPasswordFields({ currentField }: { currentField?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t("acct.field.newPassword")}
        extra={t("auth.passwordRule")}
        validateFirst
        dependencies={currentField ? [currentField] : []}
        rules={[
          { required: true, message: t("acct.field.newPasswordRequired") },
          { validator: (_: unknown, v?: string) => (!v || isStrongPassword(v) ? Promise.resolve() : Promise.reject(new Error(t("auth.passwordRule")))) },
          ({ getFieldValue }) => ({
            validator: (_: unknown, v?: string) =>
              !currentField || differsFromCurrent(getFieldValue(currentField) as string | undefined, v) ? Promise.resolve() : Promise.reject(new Error(t("acct.field.same"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t("acct.field.confirm")}
        dependencies={["newPassword"]}
        validateFirst
        rules={[
          { required: true, message: t("acct.field.confirmRequired") },
          ({ getFieldValue }) => ({
            validator: (_: unknown, v?: string) =>
              confirmMatches(getFieldValue("newPassword") as string | undefined, v) ? Promise.resolve() : Promise.reject(new Error(t("acct.field.mismatch"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
