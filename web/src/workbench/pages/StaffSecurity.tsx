import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, List, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OwnSession, TotpEnrollment } from "@cq/contracts";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { useMe } from "../../common/data/me.ts";
import { useEndSession, useOwnSessions, useTotpConfirm, useTotpEnroll } from "../../common/data/security.ts";
import { formatDateTime } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";

/**
 * 安全设置: the staff member's authenticator (a second factor, TOTP) and sessions. Where the
 * platform requires a second factor, it is the one page open until one is set up.
 */
export default function StaffSecurity() {
  const { t } = useTranslation();
  useTitle(t("acct.security.title"));
  const { me } = useMe();
  const totp = me?.totp;
  return (
    <div className="container page" style={{ maxWidth: 820 }}>
      <PageHeading title={t("acct.security.title")} subtitle={t("acct.security.subtitle")} />
      {totp?.required && !totp.enabled && <Alert type="warning" showIcon title={t("acct.security.required")} style={{ marginBottom: 16 }} />}
      <Card title={<Space><SafetyCertificateOutlined aria-hidden="true" />{t("acct.security.totpTitle")}</Space>} style={{ marginBottom: 16 }}>
        <TotpSetup enabled={totp?.enabled === true} />
      </Card>
      <Card title={t("acct.security.sessionsTitle")}>
        <Sessions />
      </Card>
    </div>
  );
}

function TotpSetup({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const enroll = useTotpEnroll();
  const confirm = useTotpConfirm();
  const [pending, setPending] = useState<TotpEnrollment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  if (codes) {
    return (
      <Space direction="vertical" style={{ width: "100%" }}>
        <Alert type="success" showIcon title={t("acct.security.recoveryTitle")} description={t("acct.security.recoveryText")} />
        <List bordered dataSource={codes} renderItem={(c) => <List.Item className="mono">{c}</List.Item>} />
        <Button
          onClick={() => {
            void navigator.clipboard?.writeText(codes.join("\n")).then(() => message.success(t("acct.security.copied")));
          }}
        >
          {t("acct.security.copy")}
        </Button>
      </Space>
    );
  }
  if (pending) {
    return (
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Paragraph>{t("acct.security.scan")}</Typography.Paragraph>
        <img src={`data:image/svg+xml;utf8,${encodeURIComponent(pending.qrSvg)}`} alt={t("acct.security.qrAlt")} width={200} height={200} />
        <Typography.Text code copyable className="mono">{pending.secret}</Typography.Text>
        {confirm.error && <Alert type="error" showIcon title={confirm.error.message} />}
        <Form<{ code: string }>
          layout="vertical"
          requiredMark={false}
          onFinish={(v) =>
            confirm.mutate(v.code.trim(), {
              onSuccess: (r) => {
                void message.success(t("acct.security.done"));
                setPending(null);
                setCodes(r.recoveryCodes);
              },
            })
          }
        >
          <Form.Item name="code" label={t("acct.security.code")} extra={t("acct.security.codeHint")} rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t("acct.security.codeRequired") }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={8} style={{ maxWidth: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={confirm.isPending}>{t("acct.security.confirm")}</Button>
        </Form>
      </Space>
    );
  }
  return (
    <Space direction="vertical">
      <Typography.Paragraph style={{ margin: 0 }}>{enabled ? t("acct.security.enabled") : t("acct.security.notEnabled")}</Typography.Paragraph>
      {enroll.error && <Alert type="error" showIcon title={enroll.error.message} />}
      <Button type={enabled ? "default" : "primary"} loading={enroll.isPending} onClick={() => enroll.mutate(undefined, { onSuccess: setPending })}>
        {enabled ? t("acct.security.restart") : t("acct.security.start")}
      </Button>
    </Space>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sessions = useOwnSessions();
  const end = useEndSession();
  if (sessions.error) return <ErrorResult error={sessions.error} onRetry={() => void sessions.refetch()} homePath="/workbench" loginPath="/workbench/login" />;
  return (
    <Table<OwnSession>
      rowKey="id"
      size="small"
      loading={sessions.isLoading}
      pagination={false}
      dataSource={sessions.data?.items ?? []}
      columns={[
        { title: t("acct.security.sessionStarted"), render: (_, s) => formatDateTime(s.createdAt) },
        { title: t("acct.security.sessionSeen"), render: (_, s) => formatDateTime(s.lastSeenAt) },
        { title: t("acct.security.sessionAddress"), render: (_, s) => s.ip ?? t("acct.security.unknownAddress") },
        {
          title: t("acct.security.actions"),
          align: "right",
          render: (_, s) =>
            s.current ? (
              <Tag color="blue">{t("acct.security.thisSession")}</Tag>
            ) : (
              <Button size="small" danger loading={end.isPending && end.variables === s.id} onClick={() => end.mutate(s.id, { onSuccess: () => void message.success(t("acct.security.ended")) })}>
                {t("acct.security.end")}
              </Button>
            ),
        },
      ]}
    />
  );
}
