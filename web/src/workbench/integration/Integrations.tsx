import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Space, Table } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { useDepartmentOptions } from "../../common/data/catalog.ts";
import { type IntegrationClient, useIntegrationClients } from "../../common/data/integrations.ts";
import { useMe } from "../../common/data/me.ts";
import { formatDateTime } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { WorkbenchPage } from "../supervision/Page.tsx";
import { ClientDrawer } from "./ClientDrawer.tsx";
import { CreateModal, RevokeModal, RotateModal, type ShownToken, TokenModal } from "./Dialogs.tsx";
import { ScopeTags, StatusTag } from "./parts.tsx";

type Dialog = { kind: "create" } | { kind: "rotate"; client: IntegrationClient } | { kind: "revoke"; client: IntegrationClient } | { kind: "token"; shown: ShownToken };

/** 系统对接: the department systems' clients an admin administers (R5). */
export default function Integrations() {
  const { t } = useTranslation();
  useTitle(t("intg.title"));
  const { me } = useMe();
  const clients = useIntegrationClients();
  const allDepartments = useDepartmentOptions();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const scope = me?.abilities.integrations;
  const departments = scope?.all
    ? (allDepartments.data ?? []).map((d) => ({ id: d.id, name: d.name }))
    : (scope?.departments ?? []).map((id) => ({ id, name: me?.roles.find((r) => r.departmentId === id)?.departmentName ?? me?.department?.name ?? "" }));

  const columns: TableColumnsType<IntegrationClient> = [
    {
      title: t("intg.col.name"),
      dataIndex: "name",
      render: (v: string, c) => (
        <Button type="link" style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "left" }} onClick={() => setOpen(c.id)}>
          {v}
        </Button>
      ),
    },
    { title: t("intg.col.department"), key: "department", render: (_: unknown, c) => c.department.name },
    { title: t("intg.col.scopes"), key: "scopes", render: (_: unknown, c) => <ScopeTags scopes={c.scopes} /> },
    { title: t("intg.col.token"), dataIndex: "tokenHint", render: (v: string) => <span className="mono">…{v}</span> },
    { title: t("intg.col.lastUsed"), dataIndex: "lastUsedAt", render: (v: string | null) => (v ? formatDateTime(v) : t("intg.never")) },
    { title: t("intg.col.status"), dataIndex: "status", render: (v: "active" | "revoked") => <StatusTag status={v} /> },
    {
      title: t("intg.col.actions"),
      key: "actions",
      render: (_: unknown, c) => (
        <Space wrap size={4}>
          <Button size="small" onClick={() => setOpen(c.id)}>{t("intg.details")}</Button>
          {c.status === "active" && (
            <>
              <Button size="small" onClick={() => setDialog({ kind: "rotate", client: c })}>{t("intg.rotate")}</Button>
              <Button size="small" danger onClick={() => setDialog({ kind: "revoke", client: c })}>{t("intg.revoke")}</Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <WorkbenchPage wide>
      <PageHeading
        title={t("intg.title")}
        subtitle={t("intg.subtitle")}
        actions={
          departments.length > 0 && (
            <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setDialog({ kind: "create" })}>
              {t("intg.create")}
            </Button>
          )
        }
      />
      {clients.isError ? (
        <Card><ErrorResult error={clients.error} homePath="/workbench" loginPath="/workbench/login" onRetry={() => void clients.refetch()} /></Card>
      ) : (
        <Card className="section-card">
          <Table<IntegrationClient>
            rowKey="id"
            loading={clients.isLoading}
            columns={columns}
            dataSource={clients.data ?? []}
            pagination={false}
            scroll={{ x: true }}
            locale={{ emptyText: <Empty description={t("intg.empty")} /> }}
          />
        </Card>
      )}
      {dialog?.kind === "create" && (
        <CreateModal departments={departments} onClose={() => setDialog(null)} onCreated={(token) => setDialog({ kind: "token", shown: { token, rotated: false } })} />
      )}
      {dialog?.kind === "rotate" && <RotateModal client={dialog.client} onClose={() => setDialog(null)} onRotated={(shown) => setDialog({ kind: "token", shown })} />}
      {dialog?.kind === "revoke" && <RevokeModal client={dialog.client} onClose={() => setDialog(null)} />}
      {dialog?.kind === "token" && <TokenModal shown={dialog.shown} onClose={() => setDialog(null)} />}
      <ClientDrawer clientId={open} onClose={() => setOpen(null)} />
    </WorkbenchPage>
  );
}
