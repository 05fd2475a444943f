import { Alert, Button, Card, Form, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { NewPasswordFields } from "../../common/account/PasswordFields.tsx";
import { fieldOfPasswordError } from "../../common/account/passwordRules.ts";
import { useResetPassword } from "../../common/data/me.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { safeNext } from "../../common/safeNext.ts";
import { DemoSmsHint, PhoneSmsFields } from "../components/SmsFields.tsx";
import type { LoginPageState } from "./Login.tsx";

interface ResetForm {
  phone: string;
  smsCode: string;
  newPassword: string;
  confirm: string;
}

/** 找回密码: an applicant who forgot the password sets a new one with an SMS code, then logs in with it. */
export default function ResetPassword() {
  const { t } = useTranslation();
  useTitle(t("acct.reset.title"));
  const [form] = Form.useForm<ResetForm>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const phone = Form.useWatch("phone", form);
  const [smsError, setSmsError] = useState<Error | null>(null);
  const nextParam = params.get("next");
  const loginPath = `/login${nextParam ? `?next=${encodeURIComponent(safeNext(nextParam, "/my/cases"))}` : ""}`;

  const reset = useResetPassword((v: ResetForm) => ({ phone: v.phone.trim(), smsCode: v.smsCode.trim(), password: v.newPassword }), {
    onSuccess: (v) => {
      const state: LoginPageState = { passwordReset: true, login: v.phone.trim() };
      navigate(loginPath, { replace: true, state });
    },
    onError: (error) => {
      const field = fieldOfPasswordError(error, ["phone", "smsCode", "newPassword"]);
      if (field) form.setFields([{ name: field, errors: [error.message] }]);
    },
  });
  const error = reset.error ?? smsError;

  return (
    <div className="login-shell">
      <Card className="login-card" style={{ maxWidth: 480 }}>
        <Typography.Title level={1} style={{ fontSize: "1.5em", marginTop: 0 }}>{t("acct.reset.title")}</Typography.Title>
        <Typography.Paragraph type="secondary">{t("acct.reset.subtitle")}</Typography.Paragraph>
        <DemoSmsHint phone={phone} />
        <Form<ResetForm>
          form={form}
          name="reset-password"
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => {
            setSmsError(null);
            reset.mutate(v);
          }}
        >
          {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
          <PhoneSmsFields
            purpose="reset"
            onSent={() => {
              setSmsError(null);
              reset.reset();
            }}
            onSmsError={(e) => {
              reset.reset();
              setSmsError(e);
            }}
          />
          <NewPasswordFields />
          <Typography.Paragraph type="secondary">{t("acct.reset.sessionsEnd")}</Typography.Paragraph>
          <Button type="primary" htmlType="submit" block size="large" loading={reset.isPending}>
            {t("acct.reset.submit")}
          </Button>
        </Form>
        <div style={{ marginTop: 16 }}>
          <Link className="inline-link" to={loginPath}>{t("acct.backToLogin")}</Link>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: "0.9em" }}>{t("acct.reset.staffHint")}</Typography.Paragraph>
      </Card>
    </div>
  );
}
