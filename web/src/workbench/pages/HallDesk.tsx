import { Button, Card, Result, Skeleton, Steps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { useCase, type AcceptResult } from "../../common/data/cases.ts";
import { useIsMobile } from "../../common/hooks/useIsMobile.ts";
import { useMe } from "../../common/data/me.ts";
import { hallDepartments } from "../abilities.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { useItem } from "../../common/data/catalog.ts";
import { AcceptStep, Accepted } from "../components/hall/AcceptStep.tsx";
import { ApplicantStep, type HallApplicant } from "../components/hall/ApplicantStep.tsx";
import { ItemFormStep } from "../components/hall/ItemFormStep.tsx";
import { MaterialsStep } from "../components/hall/MaterialsStep.tsx";
import "../components/casework.css";

/** Steps 3 and 4 work on the case the desk created; its id is in the URL so a reload loses nothing. */
function CaseSteps({ caseId, applicantName, onReset }: { caseId: string; applicantName: string | undefined; onReset: () => void }) {
  const { t } = useTranslation();
  const query = useCase(caseId);
  const detail = query.data;
  const guide = useItem(detail?.item.id);
  const [stage, setStage] = useState<"materials" | "accept">("materials");
  const [accepted, setAccepted] = useState<AcceptResult | null>(null);
  if (query.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError || !detail) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />;
  const name = applicantName ?? detail.applicant?.name ?? "";
  if (accepted) return <Accepted caseId={caseId} result={accepted} onNext={onReset} />;
  if (detail.status !== "draft" && detail.status !== "submitted")
    return (
      <Result
        status="info"
        title={t("cw.hall.alreadyDone", { status: t(`status.${detail.status}`, { defaultValue: detail.status }) })}
        extra={<Button type="primary" onClick={onReset}>{t("cw.hall.next")}</Button>}
      />
    );
  return (
    <>
      <StepsBar current={stage === "materials" ? 2 : 3} />
      {stage === "materials" ? (
        <MaterialsStep detail={detail} guide={guide.data} onNext={() => setStage("accept")} />
      ) : (
        <>
          <Button type="link" style={{ paddingInline: 0, marginBottom: 8 }} onClick={() => setStage("materials")}>{t("apply.back")}</Button>
          <AcceptStep detail={detail} applicantName={name} onAccepted={setAccepted} />
        </>
      )}
    </>
  );
}

function StepsBar({ current }: { current: number }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Steps
      current={current}
      size="small"
      orientation={isMobile ? "vertical" : "horizontal"}
      style={{ marginBottom: 24 }}
      items={[{ title: t("cw.hall.stepApplicant") }, { title: t("cw.hall.stepForm") }, { title: t("cw.hall.stepMaterials") }, { title: t("cw.hall.stepAccept") }]}
    />
  );
}

/** 窗口受理: register an in-person application, digitize its materials, accept it and print the notice. */
export default function HallDesk() {
  const { t } = useTranslation();
  useTitle(t("cw.hall.title"));
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const caseId = params.get("case");
  const [applicant, setApplicant] = useState<HallApplicant | null>(null);
  const clerkDepartments = hallDepartments(me);
  const reset = () => {
    setApplicant(null);
    setParams({}, { replace: false });
  };

  const body = !me ? null : clerkDepartments.length === 0 ? (
    <Result status="403" title={t("cw.hall.notClerk")} subTitle={t("cw.hall.notClerkHint")} />
  ) : caseId ? (
    <CaseSteps key={caseId} caseId={caseId} applicantName={applicant?.name} onReset={reset} />
  ) : !applicant ? (
    <>
      <StepsBar current={0} />
      <ApplicantStep onSelect={setApplicant} />
    </>
  ) : (
    <>
      <StepsBar current={1} />
      <Button type="link" style={{ paddingInline: 0, marginBottom: 8 }} onClick={() => setApplicant(null)}>{t("cw.hall.changeApplicant")}</Button>
      <ItemFormStep applicant={applicant} departmentIds={clerkDepartments} onCreated={(id) => setParams({ case: id })} />
    </>
  );

  return (
    <div className="container page" style={{ maxWidth: 1100 }}>
      <PageHeading title={t("cw.hall.title")} subtitle={t("cw.hall.subtitle")} />
      <Card>{body}</Card>
    </div>
  );
}
