import { Card, Descriptions, Input, Result, Skeleton, Tag, Typography } from "antd";
import type { ResultProps } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { usePublicCertificate } from "../../common/data/certificates.ts";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { formatDate, refName } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { verdictOf, type ShownVerdict } from "../../common/status.ts";

const verdictStatus: Record<ShownVerdict, ResultProps["status"]> = {
  valid: "success",
  revoked: "error",
  expired: "warning",
  badSignature: "error",
};

function CertificateResult({ no }: { no: string }) {
  const { t } = useTranslation();
  const query = usePublicCertificate(no);
  if (query.isLoading) return <Card><Skeleton active paragraph={{ rows: 6 }} /></Card>;
  if (query.isError || !query.data)
    return (
      <Card>
        <ErrorResult error={query.error} title={t("verify.notFoundTitle")} onRetry={() => void query.refetch()} />
      </Card>
    );
  const c = query.data;
  const verdict = verdictOf(c);
  return (
    <Card>
      <Result status={verdictStatus[verdict]} title={<span style={{ fontSize: "1.4em" }}>{t(`verify.verdict.${verdict}`)}</span>} subTitle={t(`verify.verdictText.${verdict}`)} />
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: "no", label: t("verify.certificateNo"), children: <span className="mono">{c.certificateNo}</span> },
          { key: "type", label: t("verify.type"), children: c.type },
          { key: "holder", label: t("verify.holder"), children: c.holder },
          { key: "issuer", label: t("verify.issuer"), children: refName(c.issuer) },
          { key: "issued", label: t("verify.issuedAt"), children: formatDate(c.issuedAt) },
          { key: "valid", label: t("verify.validUntil"), children: c.validUntil ? formatDate(c.validUntil) : t("verify.noExpiry") },
          { key: "sig", label: t("verify.signature"), children: c.signatureValid ? <Tag color="success">{t("verify.signatureOk")}</Tag> : <Tag color="error">{t("verify.signatureBad")}</Tag> },
          {
            key: "code",
            label: t("case.supervisionCode"),
            children: c.supervisionCode ? <Link to={`/progress/${encodeURIComponent(c.supervisionCode)}`} className="supervision-code">{c.supervisionCode}</Link> : <Tag color="warning">{t("verify.noCode")}</Tag>,
          },
        ]}
      />
      {c.particulars.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: "1.15em", marginTop: 24 }}>{t("verify.particulars")}</Typography.Title>
          <Typography.Paragraph type="secondary">{t("verify.particularsNote")}</Typography.Paragraph>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={c.particulars.map((p) => ({ key: p.key, label: p.label, children: <span style={{ whiteSpace: "pre-wrap" }}>{p.value}</span> }))}
          />
        </>
      )}
    </Card>
  );
}

export default function Verify() {
  const { t } = useTranslation();
  const { certificateNo } = useParams();
  const navigate = useNavigate();
  useTitle(certificateNo ? t("verify.titleWithNo", { no: certificateNo }) : t("nav.verify"));

  return (
    <div className="container page" style={{ maxWidth: 860 }}>
      <PageHeading title={t("nav.verify")} subtitle={t("verify.subtitle")} />
      <Card className="section-card" role="search">
        <Input.Search
          key={certificateNo ?? ""}
          size="large"
          defaultValue={certificateNo ?? ""}
          placeholder={t("verify.placeholder")}
          enterButton={t("verify.button")}
          aria-label={t("verify.inputLabel")}
          allowClear
          onSearch={(value) => {
            const v = value.trim();
            if (v) navigate(`/verify/${encodeURIComponent(v)}`);
          }}
        />
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>{t("verify.hint")}</Typography.Paragraph>
      </Card>
      {certificateNo && <CertificateResult no={certificateNo} />}
    </div>
  );
}
