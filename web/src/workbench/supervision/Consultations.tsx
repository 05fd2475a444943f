import { ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Segmented, Select, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import type { Consultation, ConsultationsQuery } from "@cq/contracts";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { aboutOf, ConsultationAnswer, ConsultationKindTag, ConsultationStatus } from "../../common/consult/parts.tsx";
import { ReplyField } from "../../common/engagement/ReplyField.tsx";
import { useConsultation, useConsultationCommand, useConsultations } from "../../common/data/consultations.ts";
import { useMe } from "../../common/data/me.ts";
import { formatDate } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { WorkbenchPage } from "./Page.tsx";

const filters = ["open", "yellow", "red", "answered"] as const;
type Filter = (typeof filters)[number];
const queryOf = (f: Filter): ConsultationsQuery => (f === "yellow" || f === "red" ? { light: f } : { status: f });

/** 咨询建议: the questions and suggestions of the staff member's departments, answered by name (R33). */
export default function Consultations() {
  const { t } = useTranslation();
  useTitle(t("cst.wb.title"));
  const { me } = useMe();
  const member = (me?.abilities?.departments.member.length ?? 0) > 0;
  const [params, setParams] = useSearchParams();
  const view = params.get("view") === "mine" || (member && params.get("view") !== "all") ? "mine" : "all";
  const filter: Filter = (filters as readonly string[]).includes(params.get("filter") ?? "") ? (params.get("filter") as Filter) : "open";
  const set = (k: string, v: string) => setParams((p) => { const n = new URLSearchParams(p); n.set(k, v); return n; }, { replace: true });
  const query = useConsultations({ ...queryOf(filter), ...(view === "mine" ? { mine: "true" } : {}) });
  const [openId, setOpenId] = useState<string | null>(null);

  const columns: TableColumnsType<Consultation> = [
    { title: t("cst.wb.col.status"), key: "status", width: 150, render: (_: unknown, c) => <Space size={2} wrap><ConsultationStatus c={c} /></Space> },
    {
      title: t("cst.wb.col.subject"),
      key: "subject",
      render: (_: unknown, c) => (
        <Space size={4} wrap>
          <ConsultationKindTag kind={c.kind} />
          <strong id={`consultation-${c.id}`}>{c.subject}</strong>
        </Space>
      ),
    },
    { title: t("cst.wb.col.about"), key: "about", render: (_: unknown, c) => aboutOf(c, t) },
    { title: t("cst.wb.col.department"), dataIndex: ["department", "name"], responsive: ["lg"] },
    { title: t("cst.wb.col.applicant"), dataIndex: ["applicant", "name"] },
    { title: t("cst.wb.col.assignee"), dataIndex: ["assignee", "name"] },
    { title: t("cst.wb.col.due"), dataIndex: "replyDueDate", render: (v: string) => formatDate(v) },
    {
      title: t("eng.wb.col.actions"),
      key: "actions",
      render: (_: unknown, c) => (
        <Button size="small" type={c.abilities.reply ? "primary" : "default"} aria-describedby={`consultation-${c.id}`} aria-haspopup="dialog" onClick={() => setOpenId(c.id)}>
          {t("cst.wb.open")}
        </Button>
      ),
    },
  ];

  return (
    <WorkbenchPage wide>
      <PageHeading title={t("cst.wb.title")} subtitle={t("cst.wb.subtitle")} />
      <Card>
        <Space wrap style={{ marginBottom: 16, width: "100%", justifyContent: "space-between" }}>
          <Space wrap>
            {member && (
              <Segmented
                aria-label={t("cst.wb.title")}
                value={view}
                onChange={(v) => set("view", String(v))}
                options={[{ value: "mine", label: t("cst.wb.tabMine") }, { value: "all", label: t("cst.wb.tabDepartment") }]}
              />
            )}
            <Segmented aria-label={t("cst.wb.filterLabel")} value={filter} onChange={(v) => set("filter", String(v))} options={filters.map((f) => ({ value: f, label: t(`cst.wb.filter.${f}`) }))} />
          </Space>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void query.refetch()} loading={query.isFetching && !query.isLoading}>
            {t("common.refresh")}
          </Button>
        </Space>
        {query.data && <Typography.Paragraph role="status">{t("cst.wb.counts", query.data.counts)}</Typography.Paragraph>}
        {query.isError ? (
          <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />
        ) : (
          <Table<Consultation>
            rowKey="id"
            columns={columns}
            dataSource={query.data?.items ?? []}
            loading={query.isLoading}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: t("cst.wb.empty") }}
          />
        )}
      </Card>
      {openId && <ConsultationDrawer id={openId} onClose={() => setOpenId(null)} />}
    </WorkbenchPage>
  );
}

function ConsultationDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useConsultation(id);
  const c = query.data;
  return (
    <Drawer open title={c ? c.subject : t("cst.wb.detail")} onClose={onClose} size="large" destroyOnHidden>
      {query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />
      ) : !c ? null : (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: "status", label: t("cst.wb.col.status"), children: <Space size={4} wrap><ConsultationKindTag kind={c.kind} /><ConsultationStatus c={c} /></Space> },
              ...(c.item ? [{ key: "item", label: t("cst.item"), children: c.item.name }] : []),
              ...(c.caseId
                ? [{ key: "case", label: t("cst.case"), children: <Link to={`/workbench/cases/${encodeURIComponent(c.caseId)}`} className="supervision-code">{c.supervisionCode ?? t("cst.noCode")}</Link> }]
                : []),
              { key: "dept", label: t("cst.wb.col.department"), children: c.department.name },
              { key: "applicant", label: t("cst.wb.col.applicant"), children: c.applicant.name },
              { key: "assignee", label: t("cst.wb.col.assignee"), children: c.assignee.name },
              { key: "asked", label: t("cst.askedAt"), children: formatDate(c.createdAt) },
              { key: "due", label: t("cst.wb.col.due"), children: formatDate(c.replyDueDate) },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>{t("cst.content")}</Typography.Title>
          <div className="prose">{c.text}</div>
          {c.reply && (
            <>
              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>{t("cst.reply")}</Typography.Title>
              <ConsultationAnswer reply={c.reply} />
            </>
          )}
          {c.abilities.assign && <AssignForm c={c} />}
          {c.abilities.reply ? <AnswerForm c={c} onDone={onClose} /> : c.status === "open" && <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>{t("cst.wb.cannotAnswer")}</Typography.Paragraph>}
        </>
      )}
    </Drawer>
  );
}

function AnswerForm({ c, onDone }: { c: Consultation; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useMe();
  const [text, setText] = useState("");
  const [touched, setTouched] = useState(false);
  const command = useConsultationCommand(c.id, () => {
    void message.success(t("cst.wb.answered"));
    onDone();
  });
  const invalid = touched && text.trim().length < 5;
  return (
    <Form layout="vertical" component="div" style={{ marginTop: 16 }}>
      <ReplyField
        id="consultation-answer"
        label={t("cst.wb.answerText")}
        hint={t("cst.wb.answerHint", { name: me?.name ?? "" })}
        error={t("cst.wb.answerRequired")}
        invalid={invalid}
        value={text}
        onChange={setText}
      />
      <Button
        type="primary"
        loading={command.isPending}
        onClick={() => {
          setTouched(true);
          if (text.trim().length >= 5) command.mutate({ answer: text.trim() });
          else document.getElementById("consultation-answer")?.focus();
        }}
      >
        {t("cst.wb.answer")}
      </Button>
      {command.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={command.error.message} />}
    </Form>
  );
}

function AssignForm({ c }: { c: Consultation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [assigneeId, setAssigneeId] = useState<string | undefined>(undefined);
  const command = useConsultationCommand(c.id, () => void message.success(t("cst.wb.assigned")));
  const options = (c.assignees ?? []).filter((s) => s.id !== c.assignee.id).map((s) => ({ value: s.id, label: s.name }));
  return (
    <Form layout="vertical" component="div" style={{ marginTop: 16 }}>
      <Form.Item label={t("cst.wb.assignTo")} htmlFor="consultation-assignee">
        <Space.Compact style={{ width: "100%" }}>
          <Select id="consultation-assignee" aria-label={t("cst.wb.assignTo")} placeholder={t("cst.wb.assignPlaceholder")} options={options} value={assigneeId} onChange={setAssigneeId} style={{ flex: 1 }} />
          <Button disabled={!assigneeId} loading={command.isPending} onClick={() => assigneeId && command.mutate({ assigneeId })}>
            {t("cst.wb.assign")}
          </Button>
        </Space.Compact>
      </Form.Item>
      {command.isError && <Alert type="error" showIcon role="alert" title={command.error.message} />}
    </Form>
  );
}
