import { CheckCircleTwoTone, SaveOutlined } from "@ant-design/icons";
import { Alert, App, Card, Form, Result, Skeleton, Steps, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router-dom";
import { incompleteFieldsOf, missingMaterialsOf } from "../../../common/api/errors.ts";
import { ErrorResult } from "../../../common/components/ErrorResult.tsx";
import { PageHeading, PageLoading } from "../../../common/components/Misc.tsx";
import { caseCommands, useCase, useCaseCommand, useRefreshCase, useSaveApplication } from "../../../common/data/cases.ts";
import { useIsMobile } from "../../../common/hooks/useIsMobile.ts";
import { useMe, type Me } from "../../../common/data/me.ts";
import { useTitle } from "../../../common/hooks/useTitle.ts";
import { RequireApplicant } from "../../RequireApplicant.tsx";
import { useItem, type ItemGuide } from "../../../common/data/catalog.ts";
import { FormStep } from "./FormStep.tsx";
import { MaterialsStep } from "./MaterialsStep.tsx";
import { ReviewStep } from "./ReviewStep.tsx";
import { LinkButton } from "../../../common/components/LinkButton.tsx";

function Submitted({ caseId, referenceNo }: { caseId: string; referenceNo: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Result
      icon={<CheckCircleTwoTone twoToneColor="#389e0d" />}
      title={t("apply.submittedTitle")}
      subTitle={
        <>
          {t("apply.submittedText")}
          {referenceNo && (
            <span className="reference-no-block" style={{ display: "block", marginTop: 12 }}>
              <span style={{ display: "block" }}>{t("refNo.label")}</span>
              <span className="supervision-code supervision-code-big" style={{ display: "block" }}>{referenceNo}</span>
              <strong style={{ display: "block", color: "rgba(0,0,0,.88)" }}>{t("refNo.remember")}</strong>
            </span>
          )}
        </>
      }
      extra={[
        <LinkButton key="case" to={`/my/cases/${caseId}`} type="primary" size="large">{t("apply.viewCase")}</LinkButton>,
        <LinkButton key="all" to="/my/cases" size="large">{t("nav.myCases")}</LinkButton>,
      ]}
    />
  );
}

function ApplyFlow({ item, me }: { item: ItemGuide; me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const refreshCase = useRefreshCase();
  const [params, setParams] = useSearchParams();
  const caseId = params.get("case") ?? undefined;
  const [step, setStep] = useState(caseId ? 1 : 0);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ materialId: string; name: string }[]>([]);
  const [fieldErrors, setFieldErrors] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [form] = Form.useForm();
  const detail = useCase(caseId);

  const refresh = () => {
    setSavedAt(dayjs().format("HH:mm:ss"));
    void refreshCase(caseId);
  };

  const save = useSaveApplication(item.id, caseId, {
    onSuccess: (id) => {
      setFieldErrors([]);
      if (id !== caseId) setParams({ case: id }, { replace: true });
      setSavedAt(dayjs().format("HH:mm:ss"));
      setStep(1);
    },
    onError: (error) => void message.error(error.message),
  });

  const submit = useCaseCommand(caseId, () => caseCommands.submit(caseId ?? ""), {
    onSuccess: () => setSubmitted(true),
    onError: (error) => {
      const missingList = missingMaterialsOf(error);
      const fields = incompleteFieldsOf(error);
      if (missingList.length) setMissing(missingList);
      else if (fields.length) {
        setFieldErrors(fields);
        setStep(0);
      }
      void message.error(error.message);
    },
  });

  // The command stays pending until the case is read again, which brings the reference number to show.
  if (submitted && caseId && !submit.isPending) return <Submitted caseId={caseId} referenceNo={detail.data?.referenceNo} />;

  const stepItems = [
    { title: t("apply.stepForm") },
    { title: t("apply.stepMaterials"), disabled: !caseId },
    { title: t("apply.stepReview"), disabled: !caseId },
  ];

  const data = detail.data;
  const editable = !data || data.status === "draft";

  return (
    <>
      <Steps
        current={step}
        items={stepItems}
        onChange={(next) => caseId && setStep(next)}
        orientation={isMobile ? "vertical" : "horizontal"}
        size={isMobile ? "small" : "medium"}
        style={{ marginBottom: 24 }}
      />
      {savedAt && caseId && (
        <Typography.Paragraph type="secondary" role="status">
          <SaveOutlined /> {t("apply.draftSaved", { time: savedAt })}
        </Typography.Paragraph>
      )}
      {data && !editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("apply.notDraft")}
          action={<LinkButton to={`/my/cases/${data.id}`}>{t("apply.viewCase")}</LinkButton>}
        />
      )}
      {step === 0 && (
        <FormStep
          fields={item.formFields}
          initial={data?.formData}
          me={me}
          form={form}
          saving={save.isPending}
          serverFieldErrors={fieldErrors}
          onNext={(formData) => (editable ? save.mutate(formData) : setStep(1))}
        />
      )}
      {step > 0 && caseId && detail.isLoading && <Skeleton active paragraph={{ rows: 6 }} />}
      {step > 0 && detail.isError && <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />}
      {step === 1 && data && (
        <MaterialsStep
          detail={data}
          guideMaterials={item.materials}
          highlight={new Set(missing.map((m) => m.materialId))}
          onChanged={refresh}
          onBack={() => setStep(0)}
          onNext={() => setStep(2)}
        />
      )}
      {step === 2 && data && (
        <ReviewStep
          detail={data}
          item={item}
          submitting={submit.isPending}
          missingFromServer={missing.filter((m) => data.materials.some((x) => x.materialId === m.materialId && x.uploads.length === 0))}
          onBack={() => setStep(1)}
          onGoToMaterials={() => setStep(1)}
          onSubmit={() => submit.mutate()}
        />
      )}
    </>
  );
}

function ApplyPage() {
  const { t } = useTranslation();
  const { itemId } = useParams();
  const { me } = useMe();
  const item = useItem(itemId);
  useTitle(item.data ? t("apply.pageTitle", { name: item.data.name }) : t("apply.title"));

  if (item.isLoading) return <PageLoading />;
  if (item.isError || !item.data) return <div className="container page"><ErrorResult error={item.error} onRetry={() => void item.refetch()} /></div>;
  if (!me) return null;

  return (
    <div className="container page">
      <PageHeading
        title={t("apply.title")}
        subtitle={<>{item.data.name} · {item.data.department?.name}</>}
        actions={<LinkButton to={`/items/${item.data.id}`}>{t("apply.viewGuide")}</LinkButton>}
      />
      <Card>
        {me.applicantType && item.data.applicantTypes && !item.data.applicantTypes.includes(me.applicantType) ? (
          <Result
            status="warning"
            title={t("guide.blocker.applicantType")}
            extra={<LinkButton to={`/items/${item.data.id}`}>{t("apply.viewGuide")}</LinkButton>}
          />
        ) : item.data.offlineOnly ? (
          <Result status="warning" title={t("guide.blocker.offlineOnly")} extra={<LinkButton to={`/items/${item.data.id}`}>{t("apply.viewGuide")}</LinkButton>} />
        ) : (
          <ApplyFlow item={item.data} me={me} />
        )}
      </Card>
    </div>
  );
}

export default function Apply() {
  return (
    <RequireApplicant>
      <ApplyPage />
    </RequireApplicant>
  );
}
