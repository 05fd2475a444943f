import type { EscalationStatus } from "@cq/contracts";
import { MessageOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Modal, Segmented, Space, Table, Tabs, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { LightTag } from "../../common/components/StatusTag.tsx";
import { formatDate, formatDateTime } from "../../common/format.ts";
import { useMe } from "../../common/data/me.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { hasOwnEscalations, seesAllEscalations } from "../abilities.ts";
import type { Escalation } from "../../common/data/supervision.ts";
import { WorkbenchPage } from "./Page.tsx";
import { useMyEscalations, useEscalations, useRespondToEscalation } from "../../common/data/supervision.ts";

function KindTag({ automatic }: { automatic: boolean }) {
  const { t } = useTranslation();
  return <Tag color={automatic ? "orange" : "blue"}>{t(automatic ? "sv.esc.automatic" : "sv.esc.manual")}</Tag>;
}

/** The answer's due date, marked when the escalation's own light says it is near or past. */
function ResponseDue({ e }: { e: Escalation }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {formatDate(e.responseDueDate)}
      {e.status === "open" && e.light === "yellow" && <Tag color="warning">{t("sv.esc.responseSoon")}</Tag>}
      {e.status === "open" && e.light === "red" && <Tag color="error">{t("sv.esc.responseLate")}</Tag>}
    </Space>
  );
}

function CaseCell({ e }: { e: Escalation }) {
  return (
    <div>
      <Link to={`/workbench/cases/${encodeURIComponent(e.caseId)}`} id={`esc-${e.id}`}>{e.itemName ?? e.caseId}</Link>
      {e.supervisionCode && <div className="supervision-code muted" style={{ fontSize: "0.85em", fontWeight: 400 }}>{e.supervisionCode}</div>}
    </div>
  );
}

/** 督办: the escalations (挂号督办) and the departments' answers (R36). */
export default function Escalations() {
  const { t } = useTranslation();
  useTitle(t("sv.esc.title"));
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const all = seesAllEscalations(me);
  const mine = hasOwnEscalations(me);
  const tabs = [
    ...(mine ? [{ key: "mine", label: t("sv.esc.mineTab"), children: <MyEscalations /> }] : []),
    ...(all ? [{ key: "all", label: t("sv.esc.allTab"), children: <AllEscalations /> }] : []),
  ];
  const active = tabs.some((x) => x.key === params.get("tab")) ? params.get("tab")! : (tabs[0]?.key ?? "all");
  return (
    <WorkbenchPage wide>
      <PageHeading title={t("sv.esc.title")} subtitle={t("sv.esc.subtitle")} />
      {tabs.length > 1 ? (
        <Tabs activeKey={active} onChange={(k) => setParams({ tab: k }, { replace: true })} items={tabs} />
      ) : (
        tabs[0]?.children ?? null
      )}
    </WorkbenchPage>
  );
}

/** Open escalations of my departments, each with an answer form when my role may answer. */
function MyEscalations() {
  const { t } = useTranslation();
  const [answering, setAnswering] = useState<Escalation | null>(null);
  const query = useMyEscalations<Escalation>();
  const columns: TableColumnsType<Escalation> = [
    { title: t("sv.col.light"), dataIndex: "caseLight", render: (_: unknown, e) => <LightTag light={e.caseLight} />, width: 110 },
    { title: t("sv.col.case"), dataIndex: "itemName", render: (_: unknown, e) => <CaseCell e={e} /> },
    { title: t("sv.esc.kind"), dataIndex: "automatic", render: (a: boolean) => <KindTag automatic={a} /> },
    { title: t("sv.esc.note"), dataIndex: "note", render: (v: string | null | undefined) => <div style={{ maxWidth: 280, minWidth: 160 }}>{v || <span className="muted">{t("sv.esc.noNote")}</span>}</div> },
    { title: t("sv.esc.responseDue"), dataIndex: "responseDueDate", render: (_: unknown, e) => <ResponseDue e={e} /> },
    {
      title: t("sv.col.actions"),
      key: "actions",
      render: (_: unknown, e) =>
        e.canAnswer ? (
          <Button type="primary" size="small" icon={<MessageOutlined aria-hidden />} aria-describedby={`esc-${e.id}`} onClick={() => setAnswering(e)}>
            {t("sv.esc.respond")}
          </Button>
        ) : (
          <span className="muted">{t("sv.esc.cannotAnswer")}</span>
        ),
    },
  ];
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t("sv.esc.mineHint")}</Typography.Paragraph>
      {query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />
      ) : (
        <Table<Escalation>
          rowKey="id"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isLoading}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: t("sv.esc.mineEmpty") }}
        />
      )}
      {answering && <RespondModal escalation={answering} onClose={() => setAnswering(null)} />}
    </Card>
  );
}

function RespondModal({ escalation, onClose }: { escalation: Escalation; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState("");
  const [touched, setTouched] = useState(false);
  const respond = useRespondToEscalation(escalation.id, () => {
    void message.success(t("sv.esc.responded"));
    onClose();
  });
  const missing = touched && !text.trim();
  return (
    <Modal
      open
      title={t("sv.esc.respondTitle", { item: escalation.itemName ?? escalation.caseId })}
      okText={t("sv.esc.respondOk")}
      cancelText={t("common.cancel")}
      confirmLoading={respond.isPending}
      onCancel={onClose}
      onOk={() => {
        setTouched(true);
        if (text.trim()) respond.mutate(text.trim());
        else document.getElementById("escalation-response")?.focus();
      }}
      destroyOnHidden
    >
      {escalation.note && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("sv.esc.noteLabel")} description={escalation.note} />}
      <Typography.Paragraph>{t("sv.esc.respondWhat", { date: formatDate(escalation.responseDueDate) })}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t("sv.esc.responseText")} htmlFor="escalation-response" required validateStatus={missing ? "error" : undefined} help={missing ? t("sv.esc.responseRequired") : undefined}>
          <Input.TextArea id="escalation-response" rows={5} maxLength={5000} showCount value={text} onChange={(e) => setText(e.target.value)} />
        </Form.Item>
      </Form>
      {respond.isError && <Alert type="error" showIcon role="alert" title={respond.error.message} />}
    </Modal>
  );
}

/** Every escalation in the caller's scope, open or answered. */
function AllEscalations() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<EscalationStatus | "">("open");
  const query = useEscalations(status);
  const columns: TableColumnsType<Escalation> = [
    {
      title: t("sv.col.light"),
      dataIndex: "caseLight",
      width: 110,
      // The case's own light, as the server keeps it: an answered escalation does not make a late case green.
      render: (_: unknown, e) => (
        <Space direction="vertical" size={4}>
          {e.caseLight ? <LightTag light={e.caseLight} /> : <span className="muted">—</span>}
          {e.status === "answered" && <Tag color="success">{t("sv.esc.status.answered")}</Tag>}
        </Space>
      ),
    },
    { title: t("sv.col.case"), dataIndex: "itemName", render: (_: unknown, e) => <CaseCell e={e} /> },
    { title: t("sv.col.department"), dataIndex: ["department", "name"], responsive: ["md"] },
    { title: t("sv.esc.kind"), dataIndex: "automatic", render: (a: boolean) => <KindTag automatic={a} /> },
    {
      title: t("sv.esc.note"),
      dataIndex: "note",
      render: (v: string | null | undefined) => <div style={{ maxWidth: 280, minWidth: 160 }}>{v || <span className="muted">{t("sv.esc.noNote")}</span>}</div>,
    },
    { title: t("sv.esc.createdAt"), dataIndex: "createdAt", render: (v: string | undefined) => formatDateTime(v), responsive: ["lg"] },
    { title: t("sv.esc.responseDue"), dataIndex: "responseDueDate", render: (_: unknown, e) => <ResponseDue e={e} /> },
    {
      title: t("sv.esc.response"),
      dataIndex: "response",
      render: (_: unknown, e) =>
        e.response ? (
          <div style={{ maxWidth: 360 }}>
            <div className="prose">{e.response}</div>
            <div className="muted" style={{ fontSize: "0.85em" }}>{formatDateTime(e.respondedAt)}</div>
          </div>
        ) : (
          <span className="muted">{t("sv.esc.noResponse")}</span>
        ),
    },
  ];
  return (
    <Card>
      <Space wrap style={{ marginBottom: 16, justifyContent: "space-between", width: "100%" }}>
        <Segmented<string>
          aria-label={t("sv.esc.filter")}
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          options={[
            { value: "open", label: t("sv.esc.status.open") },
            { value: "answered", label: t("sv.esc.status.answered") },
            { value: "", label: t("common.all") },
          ]}
        />
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void query.refetch()} loading={query.isFetching}>{t("common.refresh")}</Button>
      </Space>
      {query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />
      ) : (
        <Table<Escalation>
          rowKey="id"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isLoading}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: t("sv.esc.allEmpty") }}
        />
      )}
    </Card>
  );
}
