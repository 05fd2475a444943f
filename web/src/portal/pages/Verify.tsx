import { Alert, Card, Descriptions, Input, Result, Skeleton, Tag, Typography } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import type { ResultProps } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { type PublicCertificate, signedFileUrl, usePublicCertificate } from "../../common/data/certificates.ts";
import { OffPlatformTag } from "../../common/components/CertificateTags.tsx";
import { useMe } from "../../common/data/me.ts";
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

/** Revoked: when, why and on what basis, as the issuing department stated them. */
function Revocation({ c }: { c: PublicCertificate }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={t("cert.revoked.title")}
      description={
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: "at", label: t("cert.revoked.at"), children: c.revokedAt ? formatDate(c.revokedAt) : t("cert.revoked.none") },
            { key: "reason", label: t("cert.revoked.reason"), children: c.revokedReason ?? t("cert.revoked.none") },
            { key: "basis", label: t("cert.revoked.legalBasis"), children: c.revokedLegalBasis ?? t("cert.revoked.none") },
          ]}
        />
      }
    />
  );
}

/** The signed file for offline verification: the holder and the issuing department download it signed in. */
function SignedFileLink({ no }: { no: string }) {
  const { t } = useTranslation();
  const { me } = useMe();
  return (
    <Typography.Paragraph style={{ marginTop: 16 }}>
      <a href={signedFileUrl(no)} download={`${no}.signed.json`}>
        <DownloadOutlined aria-hidden="true" /> {t("cert.signedFile")}
      </a>
      <br />
      <Typography.Text type="secondary">{me ? t("cert.signedFileHelp") : t("cert.signedFileLogin")}</Typography.Text>
    </Typography.Paragraph>
  );
}

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
      <Result
        status={verdictStatus[verdict]}
        title={<span style={{ fontSize: "1.4em" }}>{t(`verify.verdict.${verdict}`)}</span>}
        subTitle={
          <>
            {t(`verify.verdictText.${verdict}`)}
            {verdict === "expired" && c.validUntil && (
              <>
                <br />
                {t("cert.expiredNote", { date: formatDate(c.validUntil) })}
              </>
            )}
          </>
        }
      />
      {c.status === "revoked" && <Revocation c={c} />}
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: "no", label: t("verify.certificateNo"), children: <span className="mono">{c.certificateNo}</span> },
          { key: "type", label: t("verify.type"), children: c.typeName },
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
          ...(c.offPlatform ? [{ key: "offPlatform", label: t("cert.col.status"), children: <OffPlatformTag /> }] : []),
        ]}
      />
      <SignedFileLink no={c.certificateNo} />
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
