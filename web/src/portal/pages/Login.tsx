import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { apiPost } from "../../common/api/client.ts";
import type { Me } from "../../common/api/types.ts";
import { useSetMe } from "../../common/hooks/useMe.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { safeNext } from "../../common/safeNext.ts";

interface LoginForm {
  login: string;
  password: string;
}

export default function Login() {
  const { t } = useTranslation();
  useTitle(t("auth.loginTitle"));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const setMe = useSetMe();
  const { message } = App.useApp();
  const next = safeNext(params.get("next"), "/my/cases");

  const login = useMutation({
    mutationFn: (values: LoginForm) => apiPost<{ user: Me }>("/api/auth/login", { login: values.login.trim(), password: values.password }),
    onSuccess: ({ user }) => {
      setMe(user);
      void message.success(t("auth.welcome", { name: user.name }));
      navigate(user.kind === "staff" ? "/workbench" : next, { replace: true });
    },
  });

  return (
    <div className="login-shell">
      <Card className="login-card">
        <Typography.Title level={1} style={{ fontSize: "1.5em", marginTop: 0 }}>{t("auth.loginTitle")}</Typography.Title>
        <Typography.Paragraph type="secondary">{t("auth.loginSubtitle")}</Typography.Paragraph>
        {login.error && <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} />}
        <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={(values) => login.mutate(values)} size="large">
          <Form.Item name="login" label={t("auth.loginField")} rules={[{ required: true, whitespace: true, message: t("auth.loginRequired") }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" placeholder={t("auth.loginPlaceholder")} />
          </Form.Item>
          <Form.Item name="password" label={t("auth.password")} rules={[{ required: true, message: t("auth.passwordRequired") }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t("auth.login")}
          </Button>
        </Form>
        <div style={{ marginTop: 16, display: "flex", justifyContent: "space-between", flexWrap: "wrap", gap: 8 }}>
          <span>
            {t("auth.noAccount")} <Link className="inline-link" to={`/register${params.get("next") ? `?next=${encodeURIComponent(next)}` : ""}`}>{t("auth.registerNow")}</Link>
          </span>
          <Link to="/workbench/login">{t("auth.staffLogin")}</Link>
        </div>
      </Card>
    </div>
  );
}
