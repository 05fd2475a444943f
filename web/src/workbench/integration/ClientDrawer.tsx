import { Descriptions, Drawer, Skeleton, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import type { IntegrationCall } from "@cq/contracts";
import { useTranslation } from "react-i18next";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { formatDateTime } from "../../common/format.ts";
import { useIsMobile } from "../../common/hooks/useIsMobile.ts";
import { useIntegrationClient } from "../../common/data/integrations.ts";
import { ScopeTags, StatusTag } from "./parts.tsx";
import { WebhooksPanel } from "./WebhooksPanel.tsx";

/** One client: its details and its recent calls (never a token). */
export function ClientDrawer({ clientId, onClose }: { clientId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const detail = useIntegrationClient(clientId);
  const c = detail.data;
  const columns: TableColumnsType<IntegrationCall> = [
    { title: t("intg.drawer.at"), dataIndex: "at", render: (v: string) => formatDateTime(v) },
    { title: t("intg.drawer.method"), dataIndex: "method" },
    { title: t("intg.drawer.route"), dataIndex: "route", render: (v: string) => <span className="mono">{v}</span> },
    { title: t("intg.drawer.code"), dataIndex: "status", render: (v: number) => <Tag color={v < 400 ? "green" : v === 429 ? "orange" : "red"}>{v}</Tag> },
  ];
  return (
    <Drawer open={clientId !== null} onClose={onClose} width={mobile ? "100%" : 760} title={c ? t("intg.drawer.title", { name: c.name }) : t("intg.details")} destroyOnHidden>
      {detail.isError ? (
        <ErrorResult error={detail.error} homePath="/workbench" loginPath="/workbench/login" onRetry={() => void detail.refetch()} />
      ) : !c ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t("intg.col.department")}>{c.department.name}</Descriptions.Item>
            <Descriptions.Item label={t("intg.col.scopes")}><ScopeTags scopes={c.scopes} /></Descriptions.Item>
            <Descriptions.Item label={t("intg.col.status")}><StatusTag status={c.status} /></Descriptions.Item>
            <Descriptions.Item label={t("intg.col.token")}><span className="mono">…{c.tokenHint}</span></Descriptions.Item>
            <Descriptions.Item label={t("intg.drawer.rateLimit")}>{t("intg.drawer.perMinute", { count: c.rateLimitPerMinute })}</Descriptions.Item>
            <Descriptions.Item label={t("intg.drawer.createdAt")}>{formatDateTime(c.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t("intg.drawer.createdBy")}>{c.createdBy ?? t("intg.drawer.none")}</Descriptions.Item>
            <Descriptions.Item label={t("intg.col.lastUsed")}>{c.lastUsedAt ? formatDateTime(c.lastUsedAt) : t("intg.never")}</Descriptions.Item>
            <Descriptions.Item label={t("intg.drawer.rotatedAt")}>{c.rotatedAt ? formatDateTime(c.rotatedAt) : t("intg.drawer.none")}</Descriptions.Item>
            {c.previousValidUntil && <Descriptions.Item label={t("intg.drawer.previousValidUntil")}>{formatDateTime(c.previousValidUntil)}</Descriptions.Item>}
            {c.revokedAt && <Descriptions.Item label={t("intg.drawer.revokedAt")}>{formatDateTime(c.revokedAt)}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: "1.1em", marginTop: 24 }}>{t("intg.drawer.calls")}</Typography.Title>
          <Table<IntegrationCall>
            rowKey={(r) => `${r.at}-${r.method}-${r.route}-${r.status}`}
            columns={columns}
            dataSource={c.recentCalls}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            size="small"
            scroll={{ x: true }}
            locale={{ emptyText: t("intg.drawer.noCalls") }}
          />
          {/* Event delivery (webhooks) of this client; a revoked client keeps its history to read. */}
          <div style={{ marginTop: 24 }}>
            <WebhooksPanel integrationId={c.id} />
          </div>
        </>
      )}
    </Drawer>
  );
}
