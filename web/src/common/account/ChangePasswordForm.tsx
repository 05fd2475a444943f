import { Alert, App, Button, Form, Input, Space } from "antd";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../components/LinkButton.tsx";
import { useChangePassword } from "../data/me.ts";
import { NewPasswordFields } from "./PasswordFields.tsx";
import { fieldOfPasswordError } from "./passwordRules.ts";

interface ChangeForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * 修改密码 for the logged-in user (applicant or staff): POST /api/auth/password. The current session
 * stays; `me` is refreshed (so the workbench's first-login redirect stops) before `onDone`.
 */
export function ChangePasswordForm({ onDone, cancelTo }: { onDone: () => void; cancelTo?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeForm>();

  const change = useChangePassword({
    onSuccess: () => {
      form.resetFields();
      void message.success(t("acct.change.done"));
      onDone();
    },
    onError: (error) => {
      const field = fieldOfPasswordError(error, ["currentPassword", "newPassword"]);
      if (field) form.setFields([{ name: field, errors: [error.message] }]);
    },
  });

  return (
    <Form<ChangeForm> form={form} name="change-password" layout="vertical" requiredMark={false} onFinish={(v) => change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword })} style={{ maxWidth: 440 }}>
      {change.error && <Alert type="error" showIcon title={change.error.message} style={{ marginBottom: 16 }} />}
      <Form.Item name="currentPassword" label={t("acct.field.current")} rules={[{ required: true, message: t("acct.field.currentRequired") }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields currentField="currentPassword" />
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={change.isPending}>{t("acct.change.submit")}</Button>
        {cancelTo && <LinkButton to={cancelTo}>{t("acct.change.cancel")}</LinkButton>}
      </Space>
    </Form>
  );
}
