import { DownloadOutlined, FilePdfOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Card, Empty, List, Skeleton, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { CertificateVerdictTag, OffPlatformTag } from "../../common/components/CertificateTags.tsx";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { documentUrl } from "../../common/data/cases.ts";
import { type LibraryCertificate, signedFileUrl, useCertificateLibrary } from "../../common/data/certificates.ts";
import { formatDate } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { RequireApplicant } from "../RequireApplicant.tsx";
import "../portal.css";

function CertificateCard({ c }: { c: LibraryCertificate }) {
  const { t } = useTranslation();
  return (
    <Card
      className="section-card"
      title={
        <Space wrap>
          <span>{c.name}</span>
          <CertificateVerdictTag verdict={c.verdict} />
          {c.offPlatform && <OffPlatformTag />}
        </Space>
      }
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t("cert.col.no")}：<span className="mono">{c.certificateNo}</span>
        <br />
        {t("cert.col.issuer")}：{c.issuer}
        <br />
        {t("cert.col.issuedAt")}：{formatDate(c.issuedAt)}；{t("cert.col.validUntil")}：{c.validUntil ? formatDate(c.validUntil) : t("cert.noExpiry")}
      </Typography.Paragraph>
      {c.verdict === "revoked" && (
        <Typography.Paragraph type="danger">
          {t("cert.revoked.at")}：{formatDate(c.revokedAt)}；{t("cert.revoked.reason")}：{c.revokedReason ?? t("cert.revoked.none")}；{t("cert.revoked.legalBasis")}：{c.revokedLegalBasis ?? t("cert.revoked.none")}
        </Typography.Paragraph>
      )}
      <Space wrap size="middle">
        {c.documentId && (
          <a href={documentUrl(c.documentId)} target="_blank" rel="noreferrer">
            <FilePdfOutlined aria-hidden="true" /> {t("cert.mine.document")}
          </a>
        )}
        {c.abilities.signedFile && (
          <a href={signedFileUrl(c.certificateNo)} download={`${c.certificateNo}.signed.json`}>
            <DownloadOutlined aria-hidden="true" /> {t("cert.signedFile")}
          </a>
        )}
        <Link to={`/verify/${encodeURIComponent(c.certificateNo)}`}>
          <SafetyCertificateOutlined aria-hidden="true" /> {t("cert.mine.verify")}
        </Link>
      </Space>
    </Card>
  );
}

function MyCertificatesPage() {
  const { t } = useTranslation();
  useTitle(t("cert.mine.title"));
  const query = useCertificateLibrary({ holder: "me" });
  return (
    <div className="container page" style={{ maxWidth: 960 }}>
      <PageHeading title={t("cert.mine.title")} subtitle={t("cert.mine.subtitle")} />
      {query.isLoading ? (
        <Card><Skeleton active /></Card>
      ) : query.isError || !query.data ? (
        <Card><ErrorResult error={query.error} onRetry={() => void query.refetch()} /></Card>
      ) : query.data.items.length === 0 ? (
        <Card><Empty description={t("cert.mine.empty")} /></Card>
      ) : (
        <List dataSource={query.data.items} rowKey="certificateNo" split={false} renderItem={(c) => <List.Item style={{ display: "block", padding: 0 }}><CertificateCard c={c} /></List.Item>} />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>{t("cert.signedFileHelp")}</Typography.Paragraph>
    </div>
  );
}

/** 我的证照: the applicant's certificates with their status, the electronic certificate and the signed file. */
export default function MyCertificates() {
  return (
    <RequireApplicant>
      <MyCertificatesPage />
    </RequireApplicant>
  );
}
