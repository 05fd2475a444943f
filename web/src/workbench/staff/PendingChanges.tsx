import { CheckOutlined, CloseOutlined, InfoCircleOutlined, RollbackOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { formatDateTime } from "../../common/format.ts";
import { useDecideChange, useStaffChanges, type Decision, type ScopeDepartment, type StaffChange } from "../../common/data/staff.ts";
import type { DialogProps } from "./ChangeForms.tsx";
import { describeChange, type Names } from "./model.ts";
import { ReasonField, ServerError, useDialog, useNames, useTranslate } from "./parts.tsx";

type Action = Decision["action"];

/** 待审批变更: the requests the caller filed or may decide (R16: two people). */
export function PendingChanges({ departments }: { departments: ScopeDepartment[] }) {
  const { t } = useTranslation();
  const tr = useTranslate();
  const names = useNames(departments);
  const query = useStaffChanges("pending");
  const deciding = useDialog<{ change: StaffChange; action: Action }>();

  const cellId = (c: StaffChange) => `sa-change-${c.id}`;
  const columns: TableColumnsType<StaffChange> = [
    {
      title: t("sa.pending.staff"),
      key: "staff",
      render: (_: unknown, c) => (
        <div id={cellId(c)} style={{ minWidth: 120 }}>
          <strong>{c.staffName || t("sa.pending.newStaff")}</strong>
          {c.department && <div className="muted" style={{ fontSize: "0.85em" }}>{c.department.name}</div>}
        </div>
      ),
    },
    {
      title: t("sa.pending.content"),
      key: "content",
      render: (_: unknown, c) => (
        <div style={{ minWidth: 220, maxWidth: 380 }}>
          <Tag color="blue">{t(`sa.kind.${c.kind}`, { defaultValue: c.kind })}</Tag>
          <div>{describeChange(tr, c, names)}</div>
        </div>
      ),
    },
    { title: t("sa.pending.reason"), dataIndex: "reason", render: (v: string) => <div className="prose" style={{ minWidth: 140, maxWidth: 280 }}>{v}</div> },
    {
      title: t("sa.pending.requested"),
      key: "requested",
      render: (_: unknown, c) => (
        <div style={{ minWidth: 120 }}>
          <div>{c.requestedBy.name}</div>
          <div className="muted" style={{ fontSize: "0.85em" }}>{formatDateTime(c.requestedAt)}</div>
        </div>
      ),
    },
    {
      title: t("sa.pending.actions"),
      key: "actions",
      fixed: "right",
      render: (_: unknown, c) =>
        c.canApprove || c.canWithdraw ? (
          <Space wrap size={[8, 8]}>
            {c.canApprove && (
              <Button type="primary" size="small" icon={<CheckOutlined aria-hidden />} aria-describedby={cellId(c)} onClick={() => deciding.show({ change: c, action: "approve" })}>
                {t("sa.decide.approve")}
              </Button>
            )}
            {c.canApprove && (
              <Button danger size="small" icon={<CloseOutlined aria-hidden />} aria-describedby={cellId(c)} onClick={() => deciding.show({ change: c, action: "reject" })}>
                {t("sa.decide.reject")}
              </Button>
            )}
            {c.canWithdraw && (
              <Button size="small" icon={<RollbackOutlined aria-hidden />} aria-describedby={cellId(c)} onClick={() => deciding.show({ change: c, action: "withdraw" })}>
                {t("sa.decide.withdraw")}
              </Button>
            )}
          </Space>
        ) : (
          <span className="muted">{t("sa.decide.waiting")}</span>
        ),
    },
  ];

  return (
    <Card>
      <Alert type="info" showIcon icon={<InfoCircleOutlined aria-hidden="true" />} style={{ marginBottom: 16 }} title={t("sa.twoPerson")} />
      {query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />
      ) : (
        <Table<StaffChange>
          rowKey="id"
          aria-label={t("sa.pending.tableLabel")}
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isLoading}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: <span className="muted">{t("sa.pending.empty")}</span> }}
        />
      )}
      {deciding.value && (
        <DecisionModal
          key={`${deciding.value.change.id}:${deciding.value.action}`}
          change={deciding.value.change}
          action={deciding.value.action}
          names={names}
          open={deciding.open}
          onClose={deciding.hide}
          afterClose={deciding.afterClose}
        />
      )}
    </Card>
  );
}

function approveEffect(change: StaffChange): string {
  if (change.kind === "create") return "sa.decide.approveEffectCreate";
  const p = change.payload as { changes?: { disabled?: unknown } } | null;
  if (change.kind === "update" && p?.changes?.disabled === true) return "sa.decide.approveEffectDisable";
  return "sa.decide.approveEffect";
}

/** 批准 (optional note), 驳回 (reason required) or 撤回 one request, after saying what it does. */
function DecisionModal({ change, action, names, open, onClose, afterClose }: { change: StaffChange; action: Action; names: Names } & DialogProps) {
  const { t } = useTranslation();
  const tr = useTranslate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string; reason?: string }>();
  const decide = useDecideChange(change.id, (d) => {
    void message.success(t(d.action === "approve" ? "sa.decide.approved" : d.action === "reject" ? "sa.decide.rejected" : "sa.decide.withdrawn"));
    onClose();
  });
  const name = change.staffName || t("sa.pending.newStaff");
  const title =
    action === "approve" ? t("sa.decide.approveTitle", { name }) : action === "reject" ? t("sa.decide.rejectTitle", { name }) : t("sa.decide.withdrawTitle", { name });
  const okText = action === "approve" ? t("sa.decide.approve") : action === "reject" ? t("sa.decide.reject") : t("sa.decide.withdraw");
  const effect = action === "approve" ? t(approveEffect(change)) : action === "reject" ? t("sa.decide.rejectEffect") : t("sa.decide.withdrawEffect");
  const submit = (v: { note?: string; reason?: string }) => {
    if (action === "approve") {
      const note = v.note?.trim();
      decide.mutate(note ? { action, note } : { action });
    } else if (action === "reject") decide.mutate({ action, reason: (v.reason ?? "").trim() });
    else decide.mutate({ action });
  };
  return (
    <Modal
      open={open}
      afterClose={afterClose}
      title={title}
      okText={okText}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger: action === "reject" }}
      onOk={() => form.submit()}
      onCancel={() => {
        if (!decide.isPending) onClose();
      }}
      confirmLoading={decide.isPending}
      maskClosable={!decide.isPending}
      destroyOnHidden
      width={620}
    >
      <Descriptions
        size="small"
        bordered
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: "content", label: t("sa.pending.content"), children: describeChange(tr, change, names) },
          { key: "reason", label: t("sa.pending.reason"), children: <span className="prose">{change.reason}</span> },
          { key: "by", label: t("sa.pending.requestedBy"), children: `${change.requestedBy.name} · ${formatDateTime(change.requestedAt)}` },
        ]}
      />
      <Typography.Paragraph>{effect}</Typography.Paragraph>
      <Form
        form={form}
        name={`sa-decide-${action}`}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => {
          if (decide.isError) decide.reset();
        }}
      >
        {action === "approve" && (
          <Form.Item name="note" label={t("sa.decide.note")} rules={[{ max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
          </Form.Item>
        )}
        {action === "reject" && <ReasonField label={t("sa.decide.reason")} hint={null} requiredMessage={t("sa.decide.reasonRequired")} />}
      </Form>
      <ServerError error={decide.error} />
    </Modal>
  );
}
