import { EditOutlined, KeyOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { formatDate, formatDateTime } from "../../common/format.ts";
import { useIsMobile } from "../../common/hooks/useIsMobile.ts";
import { useStaffDetail, type ScopeDepartment, type StaffChange, type StaffDetail, type StaffRoleGrant, type TrainingRecord } from "../../common/data/staff.ts";
import { GrantRoleModal, ResetPasswordModal, RevokeRoleModal, UpdateStaffModal } from "./ChangeForms.tsx";
import { describeChange, roleName, roleScope, sortRoles } from "./model.ts";
import { AccountTag, ChangeStatusTag, TrainingTag, useDialog, useNames, useTranslate } from "./parts.tsx";
import { TrainingForm } from "./TrainingForm.tsx";

type Dialog = { kind: "grant" } | { kind: "update" } | { kind: "reset" } | { kind: "revoke"; role: StaffRoleGrant };

function SubHeading({ id, children, first = false }: { id: string; children: ReactNode; first?: boolean }) {
  return (
    <Typography.Title level={2} id={id} style={{ fontSize: "1.1em", marginTop: first ? 0 : 24 }}>
      {children}
    </Typography.Title>
  );
}

/** One staff member: details, roles, training records, change history; the requests an admin may file. */
export function StaffDrawer({
  staffId,
  canRequest,
  departments,
  open,
  onClose,
  afterClose,
  onShowPending,
}: {
  staffId: string;
  canRequest: boolean;
  departments: ScopeDepartment[];
  open: boolean;
  onClose: () => void;
  /** After the closing animation (antd then puts the focus back on the name that opened it). */
  afterClose: () => void;
  onShowPending: () => void;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const detail = useStaffDetail(staffId);
  const s = detail.data;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      afterOpenChange={(visible) => {
        if (!visible) afterClose();
      }}
      title={s ? t("sa.drawer.title", { name: s.name }) : t("sa.drawer.loadingTitle")}
      size={isMobile ? "100%" : 820}
      placement="right"
      destroyOnHidden
    >
      {detail.isError ? (
        <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} homePath="/workbench" loginPath="/workbench/login" />
      ) : !s ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <StaffDetailBody staff={s} canRequest={canRequest} departments={departments} onShowPending={onShowPending} />
      )}
    </Drawer>
  );
}

function StaffDetailBody({
  staff: s,
  canRequest,
  departments,
  onShowPending,
}: {
  staff: StaffDetail;
  canRequest: boolean;
  departments: ScopeDepartment[];
  onShowPending: () => void;
}) {
  const { t } = useTranslation();
  const tr = useTranslate();
  const names = useNames(departments);
  const dialog = useDialog<Dialog>();
  const dialogProps = { open: dialog.open, onClose: dialog.hide, afterClose: dialog.afterClose };
  const pending = Boolean(s.pendingChangeId);
  const ids = { basics: `sa-d-basics-${s.id}`, request: `sa-d-request-${s.id}`, roles: `sa-d-roles-${s.id}`, training: `sa-d-training-${s.id}`, history: `sa-d-history-${s.id}` };

  const roleColumns: TableColumnsType<StaffRoleGrant> = [
    { title: t("sa.roles.role"), dataIndex: "role", render: (r: string, x) => <Tag color="blue" id={`sa-role-${x.id}`}>{roleName(tr, r)}</Tag> },
    { title: t("sa.roles.scope"), key: "scope", render: (_: unknown, x) => roleScope(tr, x, names, s.department?.name) },
    ...(canRequest
      ? [
          {
            title: t("sa.roles.actions"),
            key: "actions",
            render: (_: unknown, x: StaffRoleGrant) => (
              <Button
                size="small"
                danger
                disabled={pending}
                aria-label={t("sa.roles.revokeNamed", { role: roleName(tr, x.role) })}
                onClick={() => dialog.show({ kind: "revoke", role: x })}
              >
                {t("sa.roles.revoke")}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const trainingColumns: TableColumnsType<TrainingRecord> = [
    { title: t("sa.training.course"), dataIndex: "course" },
    { title: t("sa.training.hours"), dataIndex: "hours", align: "right" },
    { title: t("sa.training.completedOn"), dataIndex: "completedOn", render: (v: string) => formatDate(v) },
    { title: t("sa.training.certificateNo"), dataIndex: "certificateNo", render: (v: string | null) => v || "—" },
    { title: t("sa.training.recordedBy"), dataIndex: "recordedBy", responsive: ["md"] },
    { title: t("sa.training.recordedAt"), dataIndex: "recordedAt", render: (v: string) => formatDateTime(v), responsive: ["md"] },
  ];

  const historyColumns: TableColumnsType<StaffChange> = [
    { title: t("sa.history.kind"), dataIndex: "kind", render: (k: string) => t(`sa.kind.${k}`, { defaultValue: k }) },
    { title: t("sa.history.content"), key: "content", render: (_: unknown, c) => <div style={{ minWidth: 200, maxWidth: 320 }}>{describeChange(tr, c, names)}</div> },
    { title: t("sa.history.reason"), dataIndex: "reason", render: (v: string) => <div className="prose" style={{ minWidth: 120, maxWidth: 240 }}>{v}</div> },
    { title: t("sa.history.status"), dataIndex: "status", render: (v: StaffChange["status"]) => <ChangeStatusTag status={v} /> },
    {
      title: t("sa.history.requested"),
      key: "requested",
      render: (_: unknown, c) => t("sa.history.by", { name: c.requestedBy.name, at: formatDateTime(c.requestedAt) }),
    },
    {
      title: t("sa.history.decided"),
      key: "decided",
      render: (_: unknown, c) =>
        c.decidedBy || c.decidedAt ? (
          <div style={{ minWidth: 140 }}>
            <div>{t("sa.history.by", { name: c.decidedBy?.name ?? "—", at: formatDateTime(c.decidedAt) })}</div>
            {c.decisionNote && <div className="muted">{t("sa.history.note", { note: c.decisionNote })}</div>}
          </div>
        ) : (
          "—"
        ),
    },
  ];

  return (
    <>
      <section aria-labelledby={ids.basics}>
      <SubHeading id={ids.basics} first>{t("sa.drawer.basics")}</SubHeading>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: "username", label: t("sa.drawer.username"), children: <span className="mono">{s.username}</span> },
          { key: "department", label: t("sa.drawer.department"), children: s.department?.name ?? "—" },
          { key: "phone", label: t("sa.drawer.phone"), children: s.phone || "—" },
          { key: "account", label: t("sa.drawer.account"), children: <AccountTag disabled={s.disabled} /> },
          { key: "training", label: t("sa.drawer.training"), children: <TrainingTag staff={s} /> },
        ]}
      />
      </section>

      {pending && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t("sa.drawer.pendingTitle")}
          description={t("sa.drawer.pendingText")}
          action={
            <Button size="small" onClick={onShowPending}>
              {t("sa.drawer.viewPending")}
            </Button>
          }
        />
      )}

      {canRequest && (
        <section aria-labelledby={ids.request}>
          <SubHeading id={ids.request}>{t("sa.drawer.request")}</SubHeading>
          <Typography.Paragraph type="secondary">{t("sa.drawer.requestHint")}</Typography.Paragraph>
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} disabled={pending} onClick={() => dialog.show({ kind: "grant" })}>
              {t("sa.drawer.requestGrant")}
            </Button>
            <Button icon={<EditOutlined aria-hidden />} disabled={pending} onClick={() => dialog.show({ kind: "update" })}>
              {t("sa.drawer.requestUpdate")}
            </Button>
            <Button icon={<KeyOutlined aria-hidden />} disabled={pending} onClick={() => dialog.show({ kind: "reset" })}>
              {t("sa.drawer.requestReset")}
            </Button>
          </Space>
        </section>
      )}

      <section aria-labelledby={ids.roles}>
        <SubHeading id={ids.roles}>{t("sa.roles.heading")}</SubHeading>
        <Table<StaffRoleGrant>
          rowKey="id"
          size="small"
          aria-label={t("sa.roles.tableLabel")}
          columns={roleColumns}
          dataSource={sortRoles(s.roles)}
          pagination={false}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: <span className="muted">{t("sa.roles.empty")}</span> }}
        />
      </section>

      <section aria-labelledby={ids.training}>
        <SubHeading id={ids.training}>{t("sa.training.heading")}</SubHeading>
        <Table<TrainingRecord>
          rowKey="id"
          size="small"
          aria-label={t("sa.training.tableLabel")}
          columns={trainingColumns}
          dataSource={s.trainings}
          pagination={false}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: <span className="muted">{t("sa.training.empty")}</span> }}
        />
        {canRequest && <TrainingForm staff={s} />}
      </section>

      <section aria-labelledby={ids.history}>
        <SubHeading id={ids.history}>{t("sa.history.heading")}</SubHeading>
        <Table<StaffChange>
          rowKey="id"
          size="small"
          aria-label={t("sa.history.tableLabel")}
          columns={historyColumns}
          dataSource={s.changes}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: <span className="muted">{t("sa.history.empty")}</span> }}
        />
      </section>

      {dialog.value?.kind === "grant" && <GrantRoleModal key="grant" staff={s} departments={departments} {...dialogProps} />}
      {dialog.value?.kind === "update" && <UpdateStaffModal key="update" staff={s} {...dialogProps} />}
      {dialog.value?.kind === "reset" && <ResetPasswordModal key="reset" staff={s} {...dialogProps} />}
      {dialog.value?.kind === "revoke" && (
        <RevokeRoleModal key={`revoke-${dialog.value.role.id}`} staff={s} role={dialog.value.role} departments={departments} {...dialogProps} />
      )}
    </>
  );
}
