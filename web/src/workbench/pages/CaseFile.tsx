import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, FilePdfOutlined, FileTextOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Typography } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import type { CaseDetail } from "../../common/api/types.ts";
import { CaseDocuments, CaseFormData, CaseTimeline } from "../../common/components/CaseParts.tsx";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading, Section } from "../../common/components/Misc.tsx";
import { LightTag, StatusTag } from "../../common/components/StatusTag.tsx";
import { formatDate, formatDateTime } from "../../common/format.ts";
import { caseQueryKey, useCase } from "../../common/hooks/useCase.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { AcceptModal, NotAcceptModal } from "../components/DecisionModals.tsx";
import { MaterialViewer } from "../components/MaterialViewer.tsx";
import { SupplementModal } from "../components/SupplementModal.tsx";
import { LinkButton } from "../../common/components/LinkButton.tsx";

type Outcome =
  | { kind: "accepted"; supervisionCode: string; documentId: string }
  | { kind: "notAccepted"; documentId: string }
  | { kind: "supplement"; documentId: string };

function OutcomeBanner({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const pdf = `/api/documents/${encodeURIComponent(outcome.documentId)}`;
  if (outcome.kind === "accepted")
    return (
      <Card className="section-card">
        <Result
          status="success"
          title={t("wb.accepted.title")}
          subTitle={
            <Space orientation="vertical" size={4}>
              <span>{t("wb.accepted.code")}</span>
              <span className="supervision-code supervision-code-big" aria-live="polite">{outcome.supervisionCode}</span>
              <span>{t("wb.accepted.notified")}</span>
            </Space>
          }
          extra={
            <Space wrap>
              <Button type="primary" href={pdf} target="_blank" icon={<FilePdfOutlined />}>{t("wb.accepted.notice")}</Button>
              <LinkButton to="/workbench">{t("wb.backToWorklist")}</LinkButton>
            </Space>
          }
        />
      </Card>
    );
  if (outcome.kind === "supplement")
    return (
      <Card className="section-card">
        <Result
          status="info"
          title={t("wb.supplement.doneTitle")}
          subTitle={t("wb.supplement.doneText")}
          extra={
            <Space wrap>
              <Button type="primary" href={pdf} target="_blank" icon={<FilePdfOutlined />}>{t("wb.supplement.notice")}</Button>
              <LinkButton to="/workbench">{t("wb.backToWorklist")}</LinkButton>
            </Space>
          }
        />
      </Card>
    );
  return (
    <Card className="section-card">
      <Result
        status="info"
        title={t("wb.notAccepted.title")}
        subTitle={t("wb.notAccepted.text")}
        extra={
          <Space wrap>
            <Button type="primary" href={pdf} target="_blank" icon={<FilePdfOutlined />}>{t("wb.notAccepted.decision")}</Button>
            <LinkButton to="/workbench">{t("wb.backToWorklist")}</LinkButton>
          </Space>
        }
      />
    </Card>
  );
}

function Applicant({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const a = detail.applicant;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      bordered
      items={[
        { key: "name", label: a.type === "organization" ? t("auth.orgName") : t("auth.realName"), children: a.name },
        { key: "type", label: t("apply.applicantType"), children: t(`applicantType.${a.type}`) },
        ...(a.idNumber ? [{ key: "id", label: t("auth.idNumber"), children: <span className="mono">{a.idNumber}</span> }] : []),
        ...(a.creditCode ? [{ key: "cc", label: t("auth.creditCode"), children: <span className="mono">{a.creditCode}</span> }] : []),
        ...(a.phone ? [{ key: "phone", label: t("auth.phone"), children: <span className="mono">{a.phone}</span> }] : []),
        { key: "channel", label: t("wb.channel"), children: t(`channel.${detail.channel}`, { defaultValue: detail.channel }) },
      ]}
    />
  );
}

function CaseInfo({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: "status", label: t("progress.status"), children: <StatusTag status={detail.status} result={detail.result} /> },
        ...(detail.supervisionCode ? [{ key: "code", label: t("case.supervisionCode"), children: <span className="supervision-code">{detail.supervisionCode}</span> }] : []),
        { key: "itemCode", label: t("guide.code"), children: <span className="mono">{detail.item.code} · v{detail.item.version}</span> },
        { key: "dept", label: t("guide.department"), children: detail.item.department.name },
        { key: "created", label: t("case.createdAt"), children: formatDateTime(detail.createdAt) },
        ...(detail.submittedAt ? [{ key: "submitted", label: t("case.submittedAt"), children: formatDateTime(detail.submittedAt) }] : []),
        ...(detail.receivedAt ? [{ key: "received", label: t("case.receivedAt"), children: formatDateTime(detail.receivedAt) }] : []),
        ...(detail.acceptedAt ? [{ key: "accepted", label: t("case.acceptedAt"), children: <>{formatDateTime(detail.acceptedAt)}{detail.deemedAccepted && <> · {t("case.deemedAccepted")}</>}</> }] : []),
        { key: "limits", label: t("guide.limits"), children: t("wb.limits", { promised: detail.item.promisedDays, statutory: detail.item.statutoryDays }) },
        ...(detail.deadline
          ? [
              { key: "due", label: t("case.dueDate"), children: <Space wrap>{formatDate(detail.deadline.dueDate)}<LightTag light={detail.deadline.light} suspended={detail.deadline.suspended} /></Space> },
              { key: "left", label: t("case.remaining"), children: t("guide.workingDays", { count: detail.deadline.remainingWorkingDays }) },
            ]
          : []),
      ]}
    />
  );
}

export default function CaseFile() {
  const { t } = useTranslation();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const query = useCase(id);
  const detail = query.data;
  const [modal, setModal] = useState<"accept" | "notAccept" | "supplement" | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useTitle(detail ? t("wb.caseTitle", { name: detail.item.name, applicant: detail.applicant.name }) : t("wb.caseFile"));

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: caseQueryKey(id) });
    void queryClient.invalidateQueries({ queryKey: ["worklist"] });
  };

  if (query.isLoading) return <div className="container page" style={{ maxWidth: 1400 }}><Card><Skeleton active paragraph={{ rows: 10 }} /></Card></div>;
  if (query.isError || !detail)
    return (
      <div className="container page">
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />
      </div>
    );

  const { abilities } = detail;
  const actions = (
    <>
      <LinkButton to="/workbench" icon={<ArrowLeftOutlined />}>{t("wb.backToWorklist")}</LinkButton>
      {abilities.requestSupplement && <Button size="large" icon={<FileTextOutlined />} onClick={() => setModal("supplement")}>{t("wb.supplement.button")}</Button>}
      {abilities.notAccept && <Button danger size="large" icon={<CloseOutlined />} onClick={() => setModal("notAccept")}>{t("wb.notAccept.button")}</Button>}
      {abilities.accept && <Button type="primary" size="large" icon={<CheckOutlined />} onClick={() => setModal("accept")}>{t("wb.accept.button")}</Button>}
    </>
  );

  return (
    <div className="container page" style={{ maxWidth: 1400 }}>
      <PageHeading
        title={detail.item.name}
        subtitle={
          <Space wrap>
            <StatusTag status={detail.status} result={detail.result} />
            <span>{t("wb.applicantLine", { name: detail.applicant.name })}</span>
            {detail.supervisionCode && <span className="supervision-code">{detail.supervisionCode}</span>}
          </Space>
        }
        actions={actions}
      />

      {outcome && <OutcomeBanner outcome={outcome} />}

      {!outcome && detail.status === "not_accepted" && (detail.notAcceptedReasons?.length ?? 0) > 0 && (
        <Alert
          className="section-card"
          type="error"
          showIcon
          title={t("case.notAcceptedTitle")}
          description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{detail.notAcceptedReasons?.map((r, i) => <li key={i}>{r}</li>)}</ul>}
        />
      )}

      {(abilities.accept || abilities.notAccept || abilities.requestSupplement) && !outcome && (
        <Alert className="section-card" type="info" showIcon title={t("wb.reviewHint")} description={t("wb.reviewHintText")} />
      )}

      <Row gutter={[16, 0]}>
        <Col xs={24} xl={16}>
          <Section title={t("wb.applicant")}>
            <Applicant detail={detail} />
          </Section>
          <Section title={t("case.formData")}>
            <CaseFormData detail={detail} />
          </Section>
          <Section title={t("case.materials")}>
            <MaterialViewer materials={detail.materials} />
          </Section>
        </Col>
        <Col xs={24} xl={8}>
          <Section title={t("wb.caseInfo")}>
            <CaseInfo detail={detail} />
          </Section>
          <Section title={t("case.documents")}>
            <CaseDocuments detail={detail} />
          </Section>
          <Section title={t("case.timeline")}>
            <CaseTimeline detail={detail} />
          </Section>
        </Col>
      </Row>

      <AcceptModal
        detail={detail}
        open={modal === "accept"}
        onClose={() => setModal(null)}
        onDone={(r) => {
          setModal(null);
          setOutcome({ kind: "accepted", supervisionCode: r.supervisionCode, documentId: r.documentId });
          refresh();
          window.scrollTo({ top: 0, behavior: "smooth" });
        }}
      />
      <SupplementModal
        detail={detail}
        open={modal === "supplement"}
        onClose={() => setModal(null)}
        onDone={(r) => {
          setModal(null);
          setOutcome({ kind: "supplement", documentId: r.documentId });
          refresh();
          window.scrollTo({ top: 0, behavior: "smooth" });
        }}
      />
      <NotAcceptModal
        detail={detail}
        open={modal === "notAccept"}
        onClose={() => setModal(null)}
        onDone={(r) => {
          setModal(null);
          setOutcome({ kind: "notAccepted", documentId: r.documentId });
          refresh();
          window.scrollTo({ top: 0, behavior: "smooth" });
        }}
      />
      <Typography.Text className="sr-only" aria-live="polite">{outcome ? t(outcome.kind === "accepted" ? "wb.accepted.title" : outcome.kind === "supplement" ? "wb.supplement.doneTitle" : "wb.notAccepted.title") : ""}</Typography.Text>
    </div>
  );
}
