import { ArrowLeftOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Row, Skeleton, Space, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router-dom";
import { CaseDocuments, CaseFormData, CaseTimeline } from "../../common/components/CaseParts.tsx";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { LinkButton } from "../../common/components/LinkButton.tsx";
import { PageHeading, Section } from "../../common/components/Misc.tsx";
import { StatusTag } from "../../common/components/StatusTag.tsx";
import { useCase, type CaseDetail, type CaseTask } from "../../common/data/cases.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { ResultsList } from "../../common/components/ResultsList.tsx";
import { DeliveryChoiceView } from "../../common/components/DeliveryChoiceView.tsx";
import { MaterialViewer } from "../components/MaterialViewer.tsx";
import { resultDepartments } from "../components/casefile/access.ts";
import { AnnounceProvider } from "../components/casefile/announce.tsx";
import { CaseModals } from "../components/casefile/CaseModals.tsx";
import { ApplicantInfo, CaseInfo } from "../components/casefile/CaseSummary.tsx";
import { ClaimModal } from "../components/casefile/ClaimModal.tsx";
import { ClockCard } from "../components/casefile/ClockCard.tsx";
import { CompleteTaskModal } from "../components/casefile/CompleteTaskModal.tsx";
import { EscalationBanner } from "../components/casefile/Escalation.tsx";
import { MoreActions } from "../components/casefile/MoreActions.tsx";
import { OutcomeBanner, type Outcome } from "../components/casefile/OutcomeBanner.tsx";
import { RecordsPanel } from "../components/casefile/RecordsPanel.tsx";
import { TasksPanel } from "../components/casefile/TasksPanel.tsx";
import { WorkCard, type CaseModal } from "../components/casefile/WorkCard.tsx";
import { defaultCaseTab, requestedCaseTab } from "../components/casefile/defaultTab.ts";
import "../components/casework.css";

function CaseTabs({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const active = requestedCaseTab(params.get("tab")) ?? defaultCaseTab(detail);
  const count = (n: number) => (n ? ` (${n})` : "");
  return (
    <Card className="section-card">
      <h2 className="sr-only">{t("cw.tabs.heading")}</h2>
      <Tabs
        activeKey={active}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          next.set("tab", key);
          setParams(next, { replace: true });
        }}
        items={[
          { key: "tasks", label: t("cw.tabs.tasks") + count(detail.tasks?.length ?? 0), children: <TasksPanel detail={detail} /> },
          { key: "materials", label: t("cw.tabs.materials"), children: <MaterialViewer materials={detail.materials} /> },
          { key: "records", label: t("cw.tabs.records") + count((detail.records?.length ?? 0) + (detail.handovers?.length ?? 0)), children: <RecordsPanel detail={detail} /> },
          { key: "timeline", label: t("cw.tabs.timeline"), children: <CaseTimeline detail={detail} /> },
          { key: "documents", label: t("cw.tabs.documents") + count(detail.documents.length), children: <CaseDocuments detail={detail} /> },
          { key: "form", label: t("cw.tabs.form"), children: <CaseFormData detail={detail} /> },
        ]}
      />
    </Card>
  );
}

function CaseFilePage({ detail, refetching, onRefresh }: { detail: CaseDetail; refetching: boolean; onRefresh: () => void }) {
  const { t } = useTranslation();
  const [modal, setModal] = useState<CaseModal | null>(null);
  const [claiming, setClaiming] = useState<CaseTask | null>(null);
  const [completing, setCompleting] = useState<CaseTask | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const results = resultDepartments(detail);

  return (
    <div className="container page" style={{ maxWidth: 1400 }}>
      <PageHeading
        title={detail.item.name}
        subtitle={
          <Space wrap>
            <StatusTag status={detail.status} result={detail.result} />
            <span>{t("wb.applicantLine", { name: detail.applicant?.name ?? "" })}</span>
            {detail.supervisionCode && <span className="supervision-code">{detail.supervisionCode}</span>}
            {detail.referenceNo && <span>{t("refNo.label")}{" "}<span className="supervision-code">{detail.referenceNo}</span></span>}
          </Space>
        }
        actions={
          <>
            <LinkButton to="/workbench" icon={<ArrowLeftOutlined aria-hidden="true" />}>{t("wb.backToWorklist")}</LinkButton>
            <Button icon={<ReloadOutlined aria-hidden="true" />} loading={refetching} onClick={onRefresh}>{t("common.refresh")}</Button>
          </>
        }
      />

      <EscalationBanner detail={detail} />
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

      <WorkCard detail={detail} resultDepartments={results} onOpen={setModal} onClaim={setClaiming} onComplete={setCompleting} />

      <Row gutter={[16, 0]}>
        <Col xs={24} lg={16}>
          <CaseTabs detail={detail} />
        </Col>
        <Col xs={24} lg={8}>
          <ClockCard detail={detail} />
          <MoreActions detail={detail} onOpen={setModal} />
          {(detail.results?.length ?? 0) > 0 && (
            <Section title={t("cw.results.title")}>
              <ResultsList detail={detail} />
            </Section>
          )}
          {(detail.deliveryChoice || detail.status === "decided") && !detail.delivery && (
            <Section title={t("dc.staff.title")}>
              {detail.deliveryChoice ? <DeliveryChoiceView choice={detail.deliveryChoice} place={detail.pickupPlace} /> : <span className="muted">{t("dc.staff.none")}</span>}
            </Section>
          )}
          <Section title={t("wb.caseInfo")}>
            <CaseInfo detail={detail} />
          </Section>
          <Section title={t("wb.applicant")}>
            <ApplicantInfo detail={detail} />
          </Section>
        </Col>
      </Row>

      <CaseModals detail={detail} modal={modal} resultDepartments={results} onClose={() => setModal(null)} onOutcome={setOutcome} />
      <ClaimModal detail={detail} task={claiming} onClose={() => setClaiming(null)} />
      <CompleteTaskModal detail={detail} task={completing} onClose={() => setCompleting(null)} />
    </div>
  );
}

/** 办件详情: applicant, clock, every department's work, records, and only the actions the server allows. */
export default function CaseFile() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useCase(id);
  const detail = query.data;
  useTitle(detail ? t("wb.caseTitle", { name: detail.item.name, applicant: detail.applicant?.name ?? "" }) : t("wb.caseFile"));

  if (query.isLoading)
    return (
      <div className="container page" style={{ maxWidth: 1400 }}>
        <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>
      </div>
    );
  if (query.isError || !detail)
    return (
      <div className="container page">
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />
      </div>
    );
  return (
    <AnnounceProvider>
      <CaseFilePage detail={detail} refetching={query.isFetching} onRefresh={() => void query.refetch()} />
    </AnnounceProvider>
  );
}
