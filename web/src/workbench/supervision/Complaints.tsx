import { MessageOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Form, Modal, Space, Table, Tabs, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ApiError } from "../../common/api/errors.ts";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import type { Complaint, ComplaintStatus } from "@cq/contracts";
import { byUrgency } from "../../common/engagement/model.ts";
import { ComplaintKindTag, ComplaintReply, ReplyTimingTag } from "../../common/engagement/parts.tsx";
import { ReplyField } from "../../common/engagement/ReplyField.tsx";
import { formatDate } from "../../common/format.ts";
import { useMe } from "../../common/data/me.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { WorkbenchPage } from "./Page.tsx";
import "../../common/engagement/engagement.css";
import { useComplaints, useRefreshComplaints, useReplyComplaint } from "../../common/data/engagement.ts";

type Status = ComplaintStatus;

/** 投诉与差评: complaints and the work orders of dissatisfied ratings, answered by name (R33, R37). */
export default function Complaints() {
  const { t } = useTranslation();
  useTitle(t("eng.wb.title"));
  const [params, setParams] = useSearchParams();
  const active: Status = params.get("tab") === "replied" ? "replied" : "open";
  return (
    <WorkbenchPage wide>
      <PageHeading title={t("eng.wb.title")} subtitle={t("eng.wb.subtitle")} />
      <Alert type="info" showIcon title={t("eng.wb.note")} style={{ marginBottom: 16 }} />
      <Tabs
        activeKey={active}
        onChange={(k) => setParams(k === "replied" ? { tab: "replied" } : {}, { replace: true })}
        items={[
          { key: "open", label: t("eng.wb.tabOpen"), children: <ComplaintTable status="open" /> },
          { key: "replied", label: t("eng.wb.tabReplied"), children: <ComplaintTable status="replied" /> },
        ]}
      />
    </WorkbenchPage>
  );
}

function SubjectCell({ c }: { c: Complaint }) {
  return (
    <div className="eng-complaint-text">
      <Space size={4} wrap style={{ marginBottom: 4 }}>
        <strong id={`complaint-${c.id}`}>{c.subject}</strong>
        <ComplaintKindTag kind={c.kind} />
      </Space>
      <div className="prose muted">{c.text}</div>
    </div>
  );
}

/** Who handled the case of a bad-evaluation work order (差评), each with the step they completed. */
function HandledBy({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  if (!c.handledBy) return <span className="muted">—</span>;
  if (!c.handledBy.length) return <span className="muted">{t("eng.wb.noHandlers")}</span>;
  return (
    <ul style={{ margin: 0, paddingLeft: 0, listStyle: "none", minWidth: 160 }}>
      {c.handledBy.map((h, i) => (
        <li key={i}>{t("eng.wb.handler", { name: h.name, step: h.step })}</li>
      ))}
    </ul>
  );
}

function ComplaintTable({ status }: { status: Status }) {
  const { t } = useTranslation();
  const [replying, setReplying] = useState<Complaint | null>(null);
  const query = useComplaints(status, (d) => (status === "open" ? [...d.items].sort(byUrgency) : d.items));

  const columns: TableColumnsType<Complaint> = [
    { title: t("eng.wb.col.due"), key: "due", width: 120, render: (_: unknown, c) => <ReplyTimingTag complaint={c} /> },
    { title: t("eng.wb.col.subject"), dataIndex: "subject", render: (_: unknown, c) => <SubjectCell c={c} /> },
    {
      title: t("eng.wb.col.case"),
      dataIndex: "supervisionCode",
      render: (_: unknown, c) =>
        c.caseId ? (
          <Link to={`/workbench/cases/${encodeURIComponent(c.caseId)}`} className="supervision-code">
            {c.supervisionCode || c.caseId}
          </Link>
        ) : (
          <span className="muted">{t("eng.wb.noCase")}</span>
        ),
    },
    { title: t("eng.wb.col.department"), dataIndex: ["department", "name"], responsive: ["md"], render: (v: string) => <div style={{ maxWidth: 150, minWidth: 96, whiteSpace: "normal" }}>{v}</div> },
    { title: t("eng.wb.col.applicant"), dataIndex: ["applicant", "name"] },
    { title: t("eng.wb.col.handledBy"), key: "handledBy", render: (_: unknown, c) => <HandledBy c={c} /> },
    { title: t("eng.wb.col.filedAt"), dataIndex: "createdAt", render: (v: string) => formatDate(v), responsive: ["xxl"] },
    { title: t("eng.wb.col.replyDue"), dataIndex: "replyDueDate", render: (v: string) => formatDate(v) },
    ...(status === "replied"
      ? [
          {
            title: t("eng.wb.col.reply"),
            key: "reply",
            render: (_: unknown, c: Complaint) => (c.reply ? <div style={{ maxWidth: 320, minWidth: 220 }}><ComplaintReply reply={c.reply} /></div> : "—"),
          },
        ]
      : [
          {
            title: t("eng.wb.col.actions"),
            key: "actions",
            fixed: "right" as const,
            render: (_: unknown, c: Complaint) =>
              c.canReply ? (
                <Button type="primary" size="small" icon={<MessageOutlined aria-hidden />} aria-describedby={`complaint-${c.id}`} aria-haspopup="dialog" onClick={() => setReplying(c)}>
                  {t("eng.wb.reply")}
                </Button>
              ) : (
                <div className="muted" style={{ maxWidth: 120, whiteSpace: "normal", fontSize: "0.9em" }}>{t("eng.wb.cannotReply")}</div>
              ),
          },
        ]),
  ];

  return (
    <Card>
      <Space style={{ marginBottom: 16, justifyContent: "flex-end", width: "100%" }}>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void query.refetch()} loading={query.isFetching && !query.isLoading}>
          {t("common.refresh")}
        </Button>
      </Space>
      {query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />
      ) : (
        <Table<Complaint>
          rowKey="id"
          columns={columns}
          dataSource={query.data ?? []}
          loading={query.isLoading}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: status === "open" ? t("eng.wb.emptyOpen") : t("eng.wb.emptyReplied") }}
        />
      )}
      {replying && <ReplyModal complaint={replying} onClose={() => setReplying(null)} />}
    </Card>
  );
}

function ReplyModal({ complaint: c, onClose }: { complaint: Complaint; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useMe();
  const refreshComplaints = useRefreshComplaints();
  const [text, setText] = useState("");
  const [touched, setTouched] = useState(false);
  const reply = useReplyComplaint(c.id, {
    onSuccess: () => {
      void message.success(t("eng.wb.replied"));
      onClose();
    },
    onError: (error) => {
      // Answered meanwhile by a colleague: the lists are stale.
      if (error instanceof ApiError && error.code === "COMPLAINT_REPLIED") void refreshComplaints();
    },
  });
  const invalid = touched && text.trim().length < 5;
  return (
    <Modal
      open
      title={t("eng.wb.replyTitle", { subject: c.subject })}
      okText={t("eng.wb.replySubmit")}
      cancelText={t("common.cancel")}
      confirmLoading={reply.isPending}
      onCancel={onClose}
      onOk={() => {
        setTouched(true);
        if (text.trim().length >= 5) reply.mutate(text.trim());
        else document.getElementById("complaint-reply")?.focus();
      }}
      destroyOnHidden
      width={640}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[
          { key: "kind", label: t("eng.wb.col.subject"), children: <Space size={4} wrap><span>{c.subject}</span><ComplaintKindTag kind={c.kind} /></Space> },
          { key: "applicant", label: t("eng.wb.col.applicant"), children: c.applicant.name },
          { key: "dept", label: t("eng.wb.col.department"), children: c.department.name },
          ...(c.handledBy ? [{ key: "handledBy", label: t("eng.wb.col.handledBy"), children: <HandledBy c={c} /> }] : []),
          { key: "due", label: t("eng.wb.col.replyDue"), children: <Space size={8} wrap>{formatDate(c.replyDueDate)}<ReplyTimingTag complaint={c} /></Space> },
        ]}
      />
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>{t(c.kind === "evaluation" ? "eng.cmp.evaluationContent" : "eng.cmp.content")}</Typography.Paragraph>
      <div className="prose" style={{ marginBottom: 16, maxHeight: 200, overflow: "auto" }}>{c.text}</div>
      <Form layout="vertical" component="div">
        <ReplyField
          id="complaint-reply"
          label={t("eng.wb.replyText")}
          hint={t("eng.wb.replyHint", { name: me?.name ?? "" })}
          error={t("eng.wb.replyRequired")}
          invalid={invalid}
          value={text}
          onChange={setText}
        />
      </Form>
      {reply.isError && <Alert type="error" showIcon role="alert" title={reply.error.message} />}
    </Modal>
  );
}
