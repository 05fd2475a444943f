import { ExclamationCircleOutlined, QuestionCircleOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Descriptions, Grid, Row, Skeleton, Space, Steps, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { CaseDocuments, CaseFormData, CaseTimeline } from "../../common/components/CaseParts.tsx";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { LinkButton } from "../../common/components/LinkButton.tsx";
import { PageHeading, Section } from "../../common/components/Misc.tsx";
import { StatusTag } from "../../common/components/StatusTag.tsx";
import { UploadedFile } from "../../common/components/UploadedFile.tsx";
import { formatDate } from "../../common/format.ts";
import { caseCommands, useCase, useCaseCommand, useRefreshCase, type CaseDetail } from "../../common/data/cases.ts";
import { useIsMobile } from "../../common/hooks/useIsMobile.ts";
import { useScrollToHash } from "../../common/hooks/useScrollToHash.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { journeyStep } from "../../common/status.ts";
import { DeadlineCard } from "../components/case/DeadlineCard.tsx";
import { DeliveryChoiceSection } from "../components/case/DeliveryChoiceSection.tsx";
import { EvaluationSection } from "../components/case/EvaluationSection.tsx";
import { ExpectedAction } from "../components/case/ExpectedAction.tsx";
import { StepsTimeline } from "../components/case/StepsTimeline.tsx";
import { SupplementSection } from "../components/case/SupplementSection.tsx";
import { ComplaintFormModal } from "../components/ComplaintForm.tsx";
import { ResultsList } from "../../common/components/ResultsList.tsx";
import { RequireApplicant } from "../RequireApplicant.tsx";
import "../portal.css";

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

function Summary({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <>
      {detail.supervisionCode ? (
        <div style={{ marginBottom: 12 }}>
          <div className="muted">{t("case.supervisionCode")}</div>
          <div className="supervision-code supervision-code-big">{detail.supervisionCode}</div>
          <Link to={`/progress/${encodeURIComponent(detail.supervisionCode)}`}>{t("case.publicProgress")}</Link>
        </div>
      ) : detail.referenceNo ? (
        <div style={{ marginBottom: 12 }} className="reference-no-block">
          <div className="muted">{t("refNo.label")}</div>
          <div className="supervision-code supervision-code-big">{detail.referenceNo}</div>
          <Typography.Paragraph strong style={{ margin: "4px 0" }}>{t("refNo.remember")}</Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{t("refNo.beforeAcceptance")}</Typography.Paragraph>
          <Link to={`/progress/${encodeURIComponent(detail.referenceNo)}`}>{t("refNo.progressLink")}</Link>
        </div>
      ) : ["draft", "submitted", "supplement_requested"].includes(detail.status) ? (
        <Typography.Paragraph type="secondary">{t("case.noCodeYet")}</Typography.Paragraph>
      ) : null}
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "dept", label: t("guide.department"), children: detail.item.department?.name ?? "—" },
          ...(detail.supervisionCode && detail.referenceNo ? [{ key: "ref", label: t("refNo.label"), children: <span className="supervision-code">{detail.referenceNo}</span> }] : []),
          { key: "created", label: t("case.createdAt"), children: formatDate(detail.createdAt) },
          ...(detail.submittedAt ? [{ key: "submitted", label: t("case.submittedAt"), children: formatDate(detail.submittedAt) }] : []),
          ...(detail.acceptedAt
            ? [{ key: "accepted", label: t("case.acceptedAt"), children: <>{formatDate(detail.acceptedAt)}{detail.deemedAccepted && <> · {t("case.deemedAccepted")}</>}</> }]
            : []),
        ]}
      />
    </>
  );
}

function MyCasePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { modal, message } = App.useApp();
  const query = useCase(id);
  const detail = query.data;
  const [complaining, setComplaining] = useState(false);
  // One column below lg: the clock comes right after "what you need to do", not after the form.
  const narrow = Grid.useBreakpoint().lg === false;
  useTitle(detail ? t("case.pageTitle", { name: detail.item.name }) : t("case.title"));
  useScrollToHash(Boolean(detail));

  const refreshCase = useRefreshCase();
  const refresh = () => void refreshCase(id);

  const withdraw = useCaseCommand(id, () => caseCommands.withdraw(id ?? ""), {
    onSuccess: () => void message.success(t("case.withdrawn")),
    onError: (error) => void message.error(error.message),
  });

  if (query.isLoading) return <div className="container page"><Card><Skeleton active paragraph={{ rows: 8 }} /></Card></div>;
  if (query.isError || !detail) return <div className="container page"><ErrorResult error={query.error} onRetry={() => void query.refetch()} /></div>;

  const deadline = (
    <Section title={t("cw.clock.title")}>
      <DeadlineCard detail={detail} />
    </Section>
  );
  const expected = detail.expectedOfApplicant;
  const hasResults = (detail.results?.length ?? 0) > 0;

  return (
    <div className="container page">
      <PageHeading
        title={detail.item.name}
        subtitle={<Space wrap><StatusTag status={detail.status} result={detail.result} /><span>{detail.item.department?.name}</span></Space>}
        actions={
          <>
            <LinkButton to="/my/cases">{t("case.backToList")}</LinkButton>
            {detail.status !== "draft" && (
              <Button icon={<ExclamationCircleOutlined aria-hidden="true" />} autoInsertSpace={false} aria-haspopup="dialog" onClick={() => setComplaining(true)}>
                {t("eng.cmp.fromCase")}
              </Button>
            )}
            {detail.status !== "draft" && (
              <LinkButton to={`/my/consultations?case=${encodeURIComponent(detail.id)}`} icon={<QuestionCircleOutlined aria-hidden="true" />}>
                {t("cst.askCase")}
              </LinkButton>
            )}
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
          <Section title={t("cw.expected.title")}>
            <ExpectedAction code={expected} status={detail.status} caseId={detail.id} itemId={detail.item.id} big />
          </Section>
          <EvaluationSection detail={detail} onChanged={refresh} />
          <DeliveryChoiceSection detail={detail} />
          {narrow && deadline}
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
          {detail.status === "supplement_requested" && (
            <SupplementSection detail={detail} editable={Boolean(detail.abilities.supplement ?? detail.abilities.uploadMaterial)} onChanged={refresh} />
          )}
          {hasResults && (
            <Section id="results" title={t("cw.results.title")}>
              <ResultsList detail={detail} />
            </Section>
          )}
          <Section title={t("cw.steps.title")}>
            <StepsTimeline detail={detail} />
          </Section>
          <Section title={t("case.timeline")}>
            <CaseTimeline detail={detail} />
          </Section>
          <Section title={t("case.materials")}>
            {detail.materials.map((m) => (
              <div key={m.materialId} style={{ padding: "8px 0", borderBottom: "1px solid #f0f0f0" }}>
                <strong>{m.name}</strong>
                {m.uploads.length === 0 ? <div className="muted">{t("materials.none")}</div> : m.uploads.map((u) => <UploadedFile key={u.id} upload={u} />)}
              </div>
            ))}
          </Section>
          <Section title={t("case.formData")}>
            <CaseFormData detail={detail} />
          </Section>
        </Col>
        <Col xs={24} lg={8}>
          {!narrow && deadline}
          <Section title={t("case.summary")}>
            <Summary detail={detail} />
          </Section>
          <Section title={t("case.documents")}>
            <CaseDocuments detail={detail} />
          </Section>
        </Col>
      </Row>
      {complaining && (
        <ComplaintFormModal
          caseId={detail.id}
          caseLabel={t("eng.cmp.form.caseOption", { item: detail.item.name, code: detail.supervisionCode ?? t("eng.cmp.form.noCode") })}
          onClose={() => setComplaining(false)}
        />
      )}
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
