import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from "@ant-design/icons";
import { useState } from "react";
import { Alert, App, Button, Card, Collapse, Form, Input, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { ElderToggle, LanguageSwitch } from "../../common/components/PrefsControls.tsx";
import { refName } from "../../common/format.ts";
import { useDemoAccounts, type DemoAccount } from "../../common/data/dev.ts";
import { needsSecondFactor, useLogin } from "../../common/data/me.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { safeNext } from "../../common/safeNext.ts";

interface LoginForm {
  login: string;
  password: string;
  totp?: string;
}

function roleNames(roles: DemoAccount["roles"]): string[] {
  return (roles as unknown[]).map((r) => (typeof r === "string" ? r : typeof r === "object" && r && "role" in r ? String((r as { role: unknown }).role) : String(r)));
}

function DemoAccounts({ onPick }: { onPick: (account: DemoAccount) => void }) {
  const { t } = useTranslation();
  const demo = useDemoAccounts();
  const accounts = demo.data?.items ?? [];
  if (accounts.length === 0) return null;
  return (
    <Collapse
      style={{ marginTop: 16 }}
      items={[
        {
          key: "demo",
          label: t("wb.demoAccounts", { count: accounts.length }),
          children: (
            <ul style={{ listStyle: "none", margin: 0, padding: 0, maxHeight: 360, overflowY: "auto" }}>
              {accounts.map((a) => (
                <li key={a.username}>
                  <button
                    type="button"
                    onClick={() => onPick(a)}
                    style={{ all: "unset", cursor: "pointer", display: "block", width: "100%", padding: "8px 6px", borderBottom: "1px solid #f0f0f0", boxSizing: "border-box" }}
                    aria-label={t("wb.useDemoAccount", { name: a.name, username: a.username })}
                  >
                    <Space size={[6, 2]} wrap>
                      <strong>{a.name}</strong>
                      <span className="mono">{a.username}</span>
                      {roleNames(a.roles).map((r) => <Tag key={r}>{t(`role.${r}`, { defaultValue: r })}</Tag>)}
                    </Space>
                    {a.department && <div className="muted" style={{ fontSize: "0.9em" }}>{refName(a.department)}</div>}
                  </button>
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}

export default function StaffLogin() {
  const { t } = useTranslation();
  useTitle(t("wb.loginTitle"));
  const [form] = Form.useForm<LoginForm>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();

  // Staff with an authenticator are asked for its code once the password is known to be right.
  const [askTotp, setAskTotp] = useState(false);
  const login = useLogin((user) => {
    void message.success(t("auth.welcome", { name: user.name }));
    navigate(user.kind === "staff" ? safeNext(params.get("next"), "/workbench") : "/my/cases", { replace: true });
  });

  return (
    <div style={{ minHeight: "100vh", background: "#f3f5f8" }}>
      <header className="app-header">
        <div className="container app-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">渝</span>
            <span className="brand-text">
              <span className="brand-title">{t("app.name")}</span>
              <span className="brand-sub">{t("app.workbench")}</span>
            </span>
          </Link>
          <div className="header-tools">
            <ElderToggle compact />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="login-shell">
        <Card className="login-card">
          <Typography.Title level={1} style={{ fontSize: "1.5em", marginTop: 0 }}>{t("wb.loginTitle")}</Typography.Title>
          <Typography.Paragraph type="secondary">{t("wb.loginSubtitle")}</Typography.Paragraph>
          {login.error && <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} />}
          <Form<LoginForm> form={form} layout="vertical" requiredMark={false} size="large" onFinish={(v) =>
              login.mutate(
                { login: v.login.trim(), password: v.password, ...(askTotp && v.totp ? { totp: v.totp.trim() } : {}) },
                { onError: (e) => setAskTotp((asked) => asked || needsSecondFactor(e)) },
              )
            }
          >
            <Form.Item name="login" label={t("wb.username")} rules={[{ required: true, whitespace: true, message: t("auth.loginRequired") }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" />
            </Form.Item>
            <Form.Item name="password" label={t("auth.password")} rules={[{ required: true, message: t("auth.passwordRequired") }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            {askTotp && (
              <Form.Item name="totp" label={t("acct.login.totp")} extra={t("acct.login.totpHint")} rules={[{ required: true, whitespace: true, message: t("acct.login.totpRequired") }]}>
                <Input prefix={<SafetyCertificateOutlined />} inputMode="numeric" autoComplete="one-time-code" maxLength={20} autoFocus />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={login.isPending}>{t("auth.login")}</Button>
          </Form>
          <DemoAccounts
            onPick={(a) => {
              form.setFieldsValue({ login: a.username, password: a.password });
              login.reset();
            }}
          />
          <div style={{ marginTop: 16 }}>
            <Link to="/">{t("wb.toPortal")}</Link>
          </div>
        </Card>
      </main>
    </div>
  );
}
