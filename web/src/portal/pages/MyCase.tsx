import { Alert, App, Button, Card, Col, Descriptions, Row, Skeleton, Space, Steps, Typography } from "antd";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { apiPost } from "../../common/api/client.ts";
import type { CaseDetail, NextAction as NextActionCode } from "../../common/api/types.ts";
import { CaseDocuments, CaseFormData, CaseTimeline } from "../../common/components/CaseParts.tsx";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading, Section } from "../../common/components/Misc.tsx";
import { LightTag, StatusTag } from "../../common/components/StatusTag.tsx";
import { UploadedFile } from "../../common/components/UploadedFile.tsx";
import { formatDate } from "../../common/format.ts";
import { caseQueryKey, useCase } from "../../common/hooks/useCase.ts";
import { useIsMobile } from "../../common/hooks/useIsMobile.ts";
import { useScrollToHash } from "../../common/hooks/useScrollToHash.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { journeyStep } from "../../common/status.ts";
import { MaterialUploader } from "../components/MaterialUploader.tsx";
import { RequireApplicant } from "../RequireApplicant.tsx";
import { NextAction } from "./MyCases.tsx";
import { LinkButton } from "../../common/components/LinkButton.tsx";

function nextActionOf(detail: CaseDetail): NextActionCode | null {
  if (detail.status === "draft") return "complete-and-submit";
  if (detail.status === "supplement_requested") return "supplement";
  if (detail.status === "submitted") return "wait-for-acceptance";
  return null;
}

function Journey({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const current = journeyStep(detail.status);
  const failed = detail.status === "not_accepted" || detail.status === "withdrawn" || (detail.result === "denied" && current >= 3);
  return (
    <Steps
      current={current}
      status={failed ? "error" : detail.status === "closed" ? "finish" : "process"}
      orientation={isMobile ? "vertical" : "horizontal"}
      size="small"
      items={[
        { title: t("journey.apply") },
        { title: t("journey.accept") },
        { title: t("journey.handle") },
        { title: t("journey.decide") },
        { title: t("journey.close") },
      ]}
    />
  );
}

function Supplement({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const send = useMutation({
    mutationFn: () => apiPost(`/api/cases/${encodeURIComponent(detail.id)}/supplements`),
    onSuccess: () => {
      void message.success(t("case.supplementSent"));
      onChanged();
    },
    onError: (error) => void message.error(error.message),
  });
  const requested = detail.supplementNotice?.items ?? [];
  const missingIds = new Set([...detail.missingMaterials.map((m) => m.materialId), ...requested.flatMap((i) => (i.materialId ? [i.materialId] : []))]);
  const nameOf = (materialId?: string) => detail.materials.find((m) => m.materialId === materialId)?.name;
  const ordered = [...detail.materials].sort((a, b) => Number(missingIds.has(b.materialId)) - Number(missingIds.has(a.materialId)));
  return (
    <Section id="supplement" title={t("case.supplementTitle")}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t("case.supplementIntro")}
        description={
          requested.length > 0 ? (
            <ol style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
              {requested.map((item, i) => (
                <li key={i}>
                  {(item.name ?? nameOf(item.materialId)) && <strong>{item.name ?? nameOf(item.materialId)}：</strong>}
                  {item.reason}
                </li>
              ))}
            </ol>
          ) : undefined
        }
      />
      {ordered.map((m) => (
        <MaterialUploader key={m.materialId} caseId={detail.id} material={m} editable highlighted={missingIds.has(m.materialId)} onChanged={onChanged} />
      ))}
      <Button type="primary" size="large" loading={send.isPending} onClick={() => send.mutate()}>
        {t("case.sendSupplement")}
      </Button>
    </Section>
  );
}

function MyCasePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useCase(id);
  const detail = query.data;
  useTitle(detail ? t("case.pageTitle", { name: detail.item.name }) : t("case.title"));
  useScrollToHash(Boolean(detail));

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: caseQueryKey(id) });
    void queryClient.invalidateQueries({ queryKey: ["cases"] });
  };

  const withdraw = useMutation({
    mutationFn: () => apiPost(`/api/cases/${encodeURIComponent(id ?? "")}/withdraw`),
    onSuccess: () => {
      void message.success(t("case.withdrawn"));
      refresh();
    },
    onError: (error) => void message.error(error.message),
  });

  if (query.isLoading) return <div className="container page"><Card><Skeleton active paragraph={{ rows: 8 }} /></Card></div>;
  if (query.isError || !detail) return <div className="container page"><ErrorResult error={query.error} onRetry={() => void query.refetch()} /></div>;

  const action = nextActionOf(detail);

  return (
    <div className="container page">
      <PageHeading
        title={detail.item.name}
        subtitle={<Space wrap><StatusTag status={detail.status} result={detail.result} /><span>{detail.item.department.name}</span></Space>}
        actions={
          <>
            <LinkButton to="/my/cases">{t("case.backToList")}</LinkButton>
            {detail.abilities.withdraw && (
              <Button
                danger
                loading={withdraw.isPending}
                onClick={() =>
                  modal.confirm({
                    title: t("case.withdrawConfirmTitle"),
                    content: t("case.withdrawConfirmText"),
                    okText: t("case.withdraw"),
                    okButtonProps: { danger: true },
                    cancelText: t("common.cancel"),
                    onOk: () => withdraw.mutateAsync(),
                  })
                }
              >
                {t("case.withdraw")}
              </Button>
            )}
          </>
        }
      />

      <Card className="section-card">
        <Journey detail={detail} />
      </Card>

      <Row gutter={[16, 0]}>
        <Col xs={24} lg={16}>
          {detail.status === "not_accepted" && (
            <Alert
              type="error"
              showIcon
              className="section-card"
              title={t("case.notAcceptedTitle")}
              description={
                <>
                  <ul style={{ margin: "4px 0", paddingInlineStart: 20 }}>
                    {(detail.notAcceptedReasons ?? []).map((r, i) => <li key={i}>{r}</li>)}
                  </ul>
                  <div>{t("case.notAcceptedNext")}</div>
                </>
              }
            />
          )}
          {detail.status === "supplement_requested" && (detail.abilities.supplement ?? detail.abilities.uploadMaterial) ? (
            <Supplement detail={detail} onChanged={refresh} />
          ) : null}
          <Section title={t("case.timeline")}>
            <CaseTimeline detail={detail} />
          </Section>
          <Section title={t("case.materials")}>
            {detail.materials.map((m) => (
              <div key={m.materialId} style={{ padding: "8px 0", borderBottom: "1px solid #f0f0f0" }}>
                <strong>{m.name}</strong>
                {m.uploads.length === 0 ? (
                  <div className="muted">{t("materials.none")}</div>
                ) : (
                  m.uploads.map((u) => <UploadedFile key={u.id} upload={u} />)
                )}
              </div>
            ))}
          </Section>
          <Section title={t("case.formData")}>
            <CaseFormData detail={detail} />
          </Section>
        </Col>
        <Col xs={24} lg={8}>
          <Section title={t("case.summary")}>
            {detail.supervisionCode ? (
              <div style={{ marginBottom: 12 }}>
                <div className="muted">{t("case.supervisionCode")}</div>
                <div className="supervision-code supervision-code-big">{detail.supervisionCode}</div>
                <Link to={`/progress/${encodeURIComponent(detail.supervisionCode)}`}>{t("case.publicProgress")}</Link>
              </div>
            ) : ["draft", "submitted", "supplement_requested"].includes(detail.status) ? (
              <Typography.Paragraph type="secondary">{t("case.noCodeYet")}</Typography.Paragraph>
            ) : null}
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: "created", label: t("case.createdAt"), children: formatDate(detail.createdAt) },
                ...(detail.submittedAt ? [{ key: "submitted", label: t("case.submittedAt"), children: formatDate(detail.submittedAt) }] : []),
                ...(detail.acceptedAt ? [{ key: "accepted", label: t("case.acceptedAt"), children: <>{formatDate(detail.acceptedAt)}{detail.deemedAccepted && <> · {t("case.deemedAccepted")}</>}</> }] : []),
                ...(detail.deadline
                  ? [
                      { key: "due", label: t("case.dueDate"), children: <Space wrap>{formatDate(detail.deadline.dueDate)}<LightTag light={detail.deadline.light} suspended={detail.deadline.suspended} /></Space> },
                      { key: "left", label: t("case.remaining"), children: t("guide.workingDays", { count: detail.deadline.remainingWorkingDays }) },
                    ]
                  : []),
                { key: "promised", label: t("guide.promisedLimit"), children: t("guide.workingDays", { count: detail.item.promisedDays }) },
              ]}
            />
            <div style={{ marginTop: 12 }}>
              <NextAction item={{ id: detail.id, itemId: detail.item.id, status: detail.status, nextAction: action }} />
            </div>
          </Section>
          <Section title={t("case.documents")}>
            <CaseDocuments detail={detail} />
          </Section>
        </Col>
      </Row>
    </div>
  );
}

export default function MyCase() {
  return (
    <RequireApplicant>
      <MyCasePage />
    </RequireApplicant>
  );
}
