import { ClockCircleTwoTone } from "@ant-design/icons";
import { Alert, Card, Descriptions, Input, Result, Skeleton, Space, Steps, Tag, Typography } from "antd";
import type { ResultProps } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { useProgress, type PublicProgress } from "../../common/data/cases.ts";
import { isApiError } from "../../common/api/errors.ts";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { LightTag, StatusTag } from "../../common/components/StatusTag.tsx";
import { formatDate, formatDateTime, refName } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { statusKey, stepState } from "../../common/status.ts";
import "../portal.css";

function resultStatus(p: PublicProgress): ResultProps["status"] {
  if (p.status === "not_accepted" || p.result === "denied") return "error";
  if (p.status === "closed" || p.status === "decided") return "success";
  if (p.status === "supplement_requested" || p.status === "suspended") return "warning";
  return "info";
}

function ProgressResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const query = useProgress(code);
  if (query.isLoading) return <Card><Skeleton active paragraph={{ rows: 6 }} /></Card>;
  if (query.isError || !query.data) {
    const code = isApiError(query.error) ? query.error.code : "";
    const title =
      code === "INVALID_SUPERVISION_CODE" ? t("progress.badCode")
      : code === "INVALID_REFERENCE_NO" ? t("refNo.badNo")
      : code === "CASE_NOT_FOUND" || code === "NOT_FOUND" ? t("progress.notFound")
      : undefined;
    return <Card><ErrorResult error={query.error} title={title} onRetry={() => void query.refetch()} /></Card>;
  }
  const p = query.data;
  const currentStep = p.steps.findIndex((s) => s.status === "current");
  return (
    <Card>
      <Result
        status={resultStatus(p)}
        icon={resultStatus(p) === "info" ? <ClockCircleTwoTone twoToneColor="#1f5fbf" /> : undefined}
        title={<span style={{ fontSize: "1.4em" }}>{t(statusKey(p.status))}{p.result && (p.status === "decided" || p.status === "closed") ? ` · ${t(`result.${p.result}`)}` : ""}</span>}
        subTitle={
          <Space orientation="vertical" size={2}>
            <span style={{ fontSize: "1.1em", color: "rgba(0,0,0,.85)" }}>{p.itemName}</span>
            <span>{refName(p.department)}</span>
            {p.supervisionCode ? <span className="supervision-code">{p.supervisionCode}</span> : !p.referenceNo && <span className="supervision-code">{code}</span>}
            {p.referenceNo && <span>{t("refNo.label")}{" "}<span className="supervision-code">{p.referenceNo}</span></span>}
          </Space>
        }
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 24 }}
        items={[
          { key: "status", label: t("progress.status"), children: <StatusTag status={p.status} result={p.result} /> },
          { key: "accepted", label: t("case.acceptedAt"), children: formatDate(p.acceptedAt) },
          ...(p.dueDate
            ? [
                { key: "due", label: t("case.dueDate"), children: <span className="cw-big-due" style={{ fontSize: "1.2em" }}>{formatDate(p.dueDate)}</span> },
                {
                  key: "light",
                  label: t("cw.progress.clock"),
                  children: (
                    <Space wrap>
                      <LightTag light={p.light ?? undefined} suspended={p.suspended} />
                      <span>{p.suspended ? t("cw.light.words.suspended") : p.light ? t(`cw.light.words.${p.light}`) : ""}</span>
                    </Space>
                  ),
                },
                ...(p.remainingWorkingDays !== undefined && !p.suspended
                  ? [{ key: "left", label: t("case.remaining"), children: p.remainingWorkingDays < 0 ? t("cw.clock.overdueBy", { count: -p.remainingWorkingDays }) : t("cw.clock.leftDays", { count: p.remainingWorkingDays }) }]
                  : []),
              ]
            : []),
        ]}
      />
      {p.suspended && <Alert type="warning" showIcon title={t("cw.progress.suspended")} style={{ marginBottom: 16 }} />}
      <Typography.Title level={2} style={{ fontSize: "1.15em" }}>{t("progress.steps")}</Typography.Title>
      {p.steps.length === 0 ? (
        <Typography.Text type="secondary">{t("progress.noSteps")}</Typography.Text>
      ) : (
        <Steps
          orientation="vertical"
          size="small"
          current={currentStep >= 0 ? currentStep : p.steps.length}
          items={p.steps.map((s, i) => ({
            key: i,
            status: stepState(s.status),
            title: (
              <span>
                {s.name} <Tag color={s.status === "done" ? "success" : s.status === "current" ? "processing" : "default"}>{t(`cw.steps.${s.status}`, { defaultValue: s.status })}</Tag>
              </span>
            ),
            content: (
              <span>
                {s.department ? refName(s.department) : t("cw.steps.assisting")}
                {s.finishedAt && <> · {t("cw.steps.doneAt", { at: formatDateTime(s.finishedAt) })}</>}
              </span>
            ),
          }))}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>{t("progress.privacy")}</Typography.Paragraph>
    </Card>
  );
}

export default function Progress() {
  const { t } = useTranslation();
  const { code } = useParams();
  const navigate = useNavigate();
  useTitle(code ? t("progress.titleWithCode", { code }) : t("nav.progress"));

  return (
    <div className="container page" style={{ maxWidth: 860 }}>
      <PageHeading title={t("nav.progress")} subtitle={t("progress.subtitle")} />
      <Card className="section-card" role="search">
        <Input.Search
          key={code ?? ""}
          size="large"
          defaultValue={code ?? ""}
          placeholder={t("progress.placeholder")}
          enterButton={t("common.query")}
          aria-label={t("progress.inputLabel")}
          allowClear
          onSearch={(value) => {
            const v = value.trim();
            if (v) navigate(`/progress/${encodeURIComponent(v)}`);
          }}
        />
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>{t("progress.hint")}</Typography.Paragraph>
      </Card>
      {code && <ProgressResult code={code} />}
    </div>
  );
}
