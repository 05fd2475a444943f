import { CheckOutlined, CloseOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Collapse, Empty, Form, Input, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { useMe } from "../../common/data/me.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { canOpen } from "../abilities.ts";
import { WorkbenchPage } from "../supervision/Page.tsx";
import { useDepartmentOptions, useItem } from "../../common/data/catalog.ts";
import { type Department, type PendingAgreement, useProcessAgreements, useAnswerAgreement } from "../../common/data/processes.ts";
import { FlowchartPreview } from "./FlowchartPreview.tsx";
import { diffSteps } from "./processDiff.ts";
import { ProcessTable } from "./ProcessTable.tsx";

/** 流程征求意见: process changes of other departments that involve mine, waiting for my department's answer (R10). */
export default function Agreements() {
  const { t } = useTranslation();
  useTitle(t("cfg.agreements.title"));
  const query = useProcessAgreements();
  const departments = useDepartmentOptions();
  const items = query.data?.items ?? [];

  return (
    <WorkbenchPage>
      <PageHeading
        title={t("cfg.agreements.title")}
        subtitle={t("cfg.agreements.subtitle")}
        actions={<Button icon={<ReloadOutlined aria-hidden />} onClick={() => void query.refetch()} loading={query.isFetching}>{t("common.refresh")}</Button>}
      />
      {query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />
      ) : query.isLoading ? (
        <Card loading />
      ) : items.length === 0 ? (
        <Card>
          <Empty description={t("cfg.agreements.empty")} />
        </Card>
      ) : (
        items.map((a) => <AgreementCard key={`${a.draftId}:${a.departmentId}`} request={a} departments={departments.data ?? []} />)
      )}
    </WorkbenchPage>
  );
}

function AgreementCard({ request, departments }: { request: PendingAgreement; departments: Department[] }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const { message } = App.useApp();
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState(false);
  const myDept = departments.find((d) => d.id === request.departmentId)?.name ?? request.departmentId;
  const guide = useItem(request.itemId, { staleTime: 60_000 });
  const leadId = guide.data?.department?.id ?? "";
  const diff = guide.data ? diffSteps(request.steps, guide.data.process.steps, leadId) : null;
  const headingId = `agreement-${request.draftId}-${request.departmentId}`;
  const currentSteps = (guide.data?.process.steps ?? []).map((s) => s.id).join(",");
  const currentAssisting = (guide.data?.assistingDepartments ?? []).map((d) => d.id).sort().join(",");
  const unchangedOrderAndAssisting =
    currentSteps === request.steps.map((s) => s.id).join(",") && currentAssisting === [...request.assistingDepartmentIds].sort().join(",");

  const decide = useAnswerAgreement(request, (decision) =>
    void message.success(t(decision === "agreed" ? "cfg.agreements.agreedDone" : "cfg.agreements.rejectedDone", { name: request.itemName })),
  );

  const onReject = () => {
    if (!note.trim()) {
      setNoteError(true);
      document.getElementById(`${headingId}-note`)?.focus();
      return;
    }
    decide.mutate({ decision: "rejected", note: note.trim() });
  };

  return (
    <Card className="section-card" title={<h2 className="section-title" id={headingId}>{request.itemName}</h2>} aria-labelledby={headingId}>
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        <Space wrap size={[8, 4]}>
          <span>{t("cfg.agreements.lead", { name: request.leadDepartment })}</span>
          <Tag color="processing">{t("cfg.agreements.askedOf", { name: myDept })}</Tag>
        </Space>
        <div>
          <Typography.Title level={3} style={{ fontSize: "1em" }}>{t("cfg.agreements.proposed")}</Typography.Title>
          <ProcessTable steps={request.steps} departments={departments} leadName={request.leadDepartment} caption={t("cfg.agreements.proposed")} />
          {request.assistingDepartmentIds.length > 0 && (
            <Typography.Paragraph style={{ marginTop: 8 }}>
              {t("cfg.editor.assisting")}：{request.assistingDepartmentIds.map((id) => departments.find((d) => d.id === id)?.name ?? id).join("、")}
            </Typography.Paragraph>
          )}
        </div>
        {diff && (
          <div>
            <Typography.Title level={3} style={{ fontSize: "1em" }}>{t("cfg.agreements.changes", { version: guide.data?.version ?? "" })}</Typography.Title>
            <ul className="evidence-list">
              {request.steps
                .filter((s) => diff.changes.get(s.id) !== "same")
                .map((s) => (
                  <li key={s.id}>{t(`cfg.agreements.change.${diff.changes.get(s.id) ?? "changed"}`, { name: s.name })}</li>
                ))}
              {diff.removed.map((s) => (
                <li key={s.id}>{t("cfg.agreements.change.removed", { name: s.name })}</li>
              ))}
              {request.steps.every((s) => diff.changes.get(s.id) === "same") && diff.removed.length === 0 && (
                <li>{t(unchangedOrderAndAssisting ? "cfg.agreements.change.none" : "cfg.agreements.change.order")}</li>
              )}
            </ul>
          </div>
        )}
        {canOpen(me, "processes") && (
          <Collapse
            size="small"
            items={[{ key: "flow", label: t("cfg.agreements.showFlowchart"), children: <FlowchartPreview process={{ steps: request.steps, assistingDepartmentIds: request.assistingDepartmentIds }} title={request.itemName} showStatus={false} /> }]}
          />
        )}
        <Form layout="vertical" component="div">
          <Form.Item
            label={t("cfg.agreements.note")}
            htmlFor={`${headingId}-note`}
            validateStatus={noteError ? "error" : undefined}
            help={noteError ? t("cfg.agreements.noteRequired") : t("cfg.agreements.noteHint")}
          >
            <Input.TextArea
              id={`${headingId}-note`}
              rows={2}
              maxLength={1000}
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
                if (e.target.value.trim()) setNoteError(false);
              }}
            />
          </Form.Item>
        </Form>
        {decide.isError && <Alert type="error" showIcon role="alert" title={decide.error.message} />}
        <Space wrap>
          <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={decide.isPending && decide.variables?.decision === "agreed"} disabled={decide.isPending} onClick={() => decide.mutate({ decision: "agreed", note: note.trim() })}>
            {t("cfg.agreements.agree")}
          </Button>
          <Button danger icon={<CloseOutlined aria-hidden />} loading={decide.isPending && decide.variables?.decision === "rejected"} disabled={decide.isPending} onClick={onReject}>
            {t("cfg.agreements.reject")}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
