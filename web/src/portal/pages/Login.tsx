import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router-dom";
import { useLogin } from "../../common/data/me.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { safeNext } from "../../common/safeNext.ts";

interface LoginForm {
  login: string;
  password: string;
}

/** What 找回密码 hands to this page after a successful reset: a notice and the phone to log in with. */
export interface LoginPageState {
  passwordReset?: boolean;
  login?: string;
}

function stateOf(state: unknown): LoginPageState {
  if (typeof state !== "object" || state === null) return {};
  const { passwordReset, login } = state as Record<string, unknown>;
  return { passwordReset: passwordReset === true, login: typeof login === "string" ? login : undefined };
}

export default function Login() {
  const { t } = useTranslation();
  useTitle(t("auth.loginTitle"));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const next = safeNext(params.get("next"), "/my/cases");
  const arrived = stateOf(useLocation().state);
  const nextQuery = params.get("next") ? `?next=${encodeURIComponent(next)}` : "";

  const login = useLogin((user) => {
    void message.success(t("auth.welcome", { name: user.name }));
    navigate(user.kind === "staff" ? "/workbench" : next, { replace: true });
  });

  return (
    <div className="login-shell">
      <Card className="login-card">
        <Typography.Title level={1} style={{ fontSize: "1.5em", marginTop: 0 }}>{t("auth.loginTitle")}</Typography.Title>
        <Typography.Paragraph type="secondary">{t("auth.loginSubtitle")}</Typography.Paragraph>
        {arrived.passwordReset && !login.error && <Alert type="success" showIcon title={t("acct.reset.done")} style={{ marginBottom: 16 }} />}
        {login.error && <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} />}
        <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={(values) => login.mutate({ login: values.login.trim(), password: values.password })} size="large" initialValues={{ login: arrived.login ?? "" }}>
          <Form.Item name="login" label={t("auth.loginField")} rules={[{ required: true, whitespace: true, message: t("auth.loginRequired") }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" placeholder={t("auth.loginPlaceholder")} />
          </Form.Item>
          <Form.Item name="password" label={t("auth.password")} rules={[{ required: true, message: t("auth.passwordRequired") }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <div style={{ textAlign: "right", marginTop: -12, marginBottom: 16 }}>
            <Link className="inline-link" to={`/reset-password${nextQuery}`}>{t("acct.forgot")}</Link>
          </div>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t("auth.login")}
          </Button>
        </Form>
        <div style={{ marginTop: 16, display: "flex", justifyContent: "space-between", flexWrap: "wrap", gap: 8 }}>
          <span>
            {t("auth.noAccount")} <Link className="inline-link" to={`/register${nextQuery}`}>{t("auth.registerNow")}</Link>
          </span>
          <Link to="/workbench/login">{t("auth.staffLogin")}</Link>
        </div>
      </Card>
    </div>
  );
}
