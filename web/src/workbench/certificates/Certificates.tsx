import { DownloadOutlined, PlusOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Input, Radio, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CertificateListQuery } from "@cq/contracts";
import { CertificateVerdictTag, OffPlatformTag } from "../../common/components/CertificateTags.tsx";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { type LibraryCertificate, signedFileUrl, useCertificateLibrary } from "../../common/data/certificates.ts";
import { useMe } from "../../common/data/me.ts";
import { formatDate } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { WorkbenchPage } from "../supervision/Page.tsx";
import { RegisterModal } from "./RegisterModal.tsx";
import { RevokeModal } from "./RevokeModal.tsx";

type By = "certificateNo" | "idNumber" | "creditCode";
const placeholders: Record<By, string> = { certificateNo: "cert.search.placeholderNo", idNumber: "cert.search.placeholderIdNumber", creditCode: "cert.search.placeholderCreditCode" };
const labels: Record<By, string> = { certificateNo: "cert.search.byNo", idNumber: "cert.search.byIdNumber", creditCode: "cert.search.byCreditCode" };

/** 证照库: staff look certificates up; the issuing department revokes them and registers those issued off the platform. */
export default function Certificates() {
  const { t } = useTranslation();
  useTitle(t("cert.title"));
  const { me } = useMe();
  const [by, setBy] = useState<By>("certificateNo");
  const [query, setQuery] = useState<CertificateListQuery | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const result = useCertificateLibrary(query);
  const issueFor = me?.abilities.certificates.issueFor ?? [];
  const departments = issueFor.map((id) => ({ id, name: me?.roles.find((r) => r.departmentId === id)?.departmentName ?? me?.department?.name ?? id }));

  const columns: TableColumnsType<LibraryCertificate> = [
    { title: t("cert.col.no"), dataIndex: "certificateNo", render: (v: string) => <span className="mono">{v}</span> },
    { title: t("cert.col.name"), dataIndex: "name" },
    { title: t("cert.col.holder"), dataIndex: "holder" },
    { title: t("cert.col.issuer"), dataIndex: "issuer" },
    { title: t("cert.col.issuedAt"), dataIndex: "issuedAt", render: (v: string) => formatDate(v) },
    { title: t("cert.col.validUntil"), dataIndex: "validUntil", render: (v: string | null) => (v ? formatDate(v) : t("cert.noExpiry")) },
    {
      title: t("cert.col.status"),
      key: "status",
      render: (_: unknown, c) => (
        <Space direction="vertical" size={4}>
          <Space wrap size={4}>
            <CertificateVerdictTag verdict={c.verdict} />
            {c.offPlatform && <OffPlatformTag />}
          </Space>
          {c.verdict === "revoked" && (
            <Typography.Text type="secondary" style={{ fontSize: "0.9em" }}>
              {t("cert.revoked.at")}：{formatDate(c.revokedAt)}
              <br />
              {t("cert.revoked.reason")}：{c.revokedReason ?? t("cert.revoked.none")}
              <br />
              {t("cert.revoked.legalBasis")}：{c.revokedLegalBasis ?? t("cert.revoked.none")}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t("cert.col.actions"),
      key: "actions",
      render: (_: unknown, c) => (
        <Space wrap size={4}>
          {c.abilities.revoke && (
            <Button size="small" danger onClick={() => setRevoking(c.certificateNo)} aria-label={t("cert.revoke.ariaLabel", { no: c.certificateNo })}>
              {t("cert.revoke.button")}
            </Button>
          )}
          {c.abilities.signedFile && (
            <a href={signedFileUrl(c.certificateNo)} download={`${c.certificateNo}.signed.json`}>
              <DownloadOutlined aria-hidden="true" /> {t("cert.signedFile")}
            </a>
          )}
          <a href={`/verify/${encodeURIComponent(c.certificateNo)}`} target="_blank" rel="noreferrer">
            <SafetyCertificateOutlined aria-hidden="true" /> {t("cert.mine.verify")}
          </a>
        </Space>
      ),
    },
  ];

  return (
    <WorkbenchPage wide>
      <PageHeading
        title={t("cert.title")}
        subtitle={t("cert.subtitle")}
        actions={
          departments.length > 0 && (
            <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setRegistering(true)}>
              {t("cert.register.button")}
            </Button>
          )
        }
      />
      <Card className="section-card" role="search">
        <Space direction="vertical" style={{ width: "100%" }}>
          <Radio.Group value={by} onChange={(e) => setBy(e.target.value as By)} aria-label={t("cert.search.label")} optionType="button">
            {(Object.keys(labels) as By[]).map((k) => (
              <Radio.Button key={k} value={k}>{t(labels[k])}</Radio.Button>
            ))}
          </Radio.Group>
          <Input.Search
            key={by}
            size="large"
            allowClear
            autoComplete="off"
            placeholder={t(placeholders[by])}
            aria-label={t(labels[by])}
            enterButton={t("cert.search.button")}
            onSearch={(v) => {
              const value = v.trim();
              setQuery(value ? { [by]: by === "certificateNo" ? value : value.toUpperCase() } : null);
            }}
          />
          <Typography.Text type="secondary">{t("cert.search.hint")}</Typography.Text>
        </Space>
      </Card>
      {query &&
        (result.isError ? (
          <Card><ErrorResult error={result.error} homePath="/workbench" loginPath="/workbench/login" onRetry={() => void result.refetch()} /></Card>
        ) : (
          <Card className="section-card">
            <Table<LibraryCertificate>
              rowKey="certificateNo"
              loading={result.isLoading}
              columns={columns}
              dataSource={result.data?.items ?? []}
              pagination={false}
              scroll={{ x: true }}
              locale={{ emptyText: <Empty description={t("cert.search.empty")} /> }}
            />
          </Card>
        ))}
      {revoking && <RevokeModal certificateNo={revoking} onClose={() => setRevoking(null)} />}
      {registering && (
        <RegisterModal departments={departments} onClose={() => setRegistering(false)} onRegistered={(no) => setQuery({ certificateNo: no })} />
      )}
    </WorkbenchPage>
  );
}
