import { DeleteOutlined, FileImageOutlined, FilePdfOutlined, FileOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Button, Popconfirm, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { formatBytes, formatDate, formatDateTime, shortHash } from "../format.ts";
import { type CaseUpload, type ReusedCertificate } from "../data/cases.ts";

export function fileIcon(mime: string) {
  if (mime === "application/pdf") return <FilePdfOutlined style={{ color: "#cf1322" }} aria-hidden="true" />;
  if (mime.startsWith("image/")) return <FileImageOutlined style={{ color: "#1f5fbf" }} aria-hidden="true" />;
  return <FileOutlined aria-hidden="true" />;
}

/** A library certificate in one line: name and number, issuer, valid until, its verification page. */
export function CertificateSummary({ certificate }: { certificate: ReusedCertificate }) {
  const { t } = useTranslation();
  return (
    <span className="certificate-summary">
      <span>
        <strong>{certificate.name}</strong> <span className="mono">{certificate.certificateNo}</span>
      </span>
      <span className="muted">
        {t("materials.certificateIssuer", { issuer: certificate.issuer, date: formatDate(certificate.issuedAt) })} ·{" "}
        {certificate.validUntil ? t("materials.certificateValidUntil", { date: formatDate(certificate.validUntil) }) : t("materials.certificateNoEnd")}
      </span>
      {certificate.status !== "valid" && <Tag color="red">{t(`verify.verdict.${certificate.status}`)}</Tag>}
      <a href={certificate.verifyPath} target="_blank" rel="noreferrer">{t("materials.verifyCertificate")}</a>
    </span>
  );
}

/** One uploaded file of a material: name (opens it), size, time, hash; optional delete. */
export function UploadedFile({ upload, onDelete, deleting }: { upload: CaseUpload; onDelete?: () => void; deleting?: boolean }) {
  const { t } = useTranslation();
  if (upload.certificate) {
    const name = upload.certificate.name;
    return (
      <div className="uploaded-file">
        <SafetyCertificateOutlined style={{ color: "#389e0d" }} aria-hidden="true" />
        <Tag color="green">{t("materials.fromLibraryTag")}</Tag>
        <CertificateSummary certificate={upload.certificate} />
        {onDelete && (
          <Popconfirm title={t("materials.deleteConfirm", { name })} okText={t("common.delete")} cancelText={t("common.cancel")} onConfirm={onDelete}>
            <Button type="text" danger size="small" icon={<DeleteOutlined />} loading={deleting ?? false} aria-label={t("materials.deleteFile", { name })}>
              {t("common.delete")}
            </Button>
          </Popconfirm>
        )}
      </div>
    );
  }
  if (upload.offline) {
    return (
      <div className="uploaded-file">
        <Tag color="default">{t("materials.offline")}</Tag>
        <span>{upload.note ?? ""}</span>
        <span className="muted">{formatDateTime(upload.createdAt)}</span>
      </div>
    );
  }
  return (
    <div className="uploaded-file">
      {upload.certificateNo ? <SafetyCertificateOutlined style={{ color: "#389e0d" }} aria-hidden="true" /> : fileIcon(upload.mime ?? "")}
      <a href={upload.url} target="_blank" rel="noreferrer">{upload.fileName || upload.certificateNo}</a>
      {upload.certificateNo && <Tag color="green">{t("materials.fromLibrary", { no: upload.certificateNo })}</Tag>}
      {upload.size ? <span className="muted">{formatBytes(upload.size)}</span> : null}
      <span className="muted">{formatDateTime(upload.createdAt)}</span>
      {upload.sha256 && (
        <Tooltip title={`SHA-256: ${upload.sha256}`}>
          <span className="hash mono" tabIndex={0} aria-label={`SHA-256 ${upload.sha256}`}>SHA-256 {shortHash(upload.sha256)}</span>
        </Tooltip>
      )}
      {onDelete && (
        <Popconfirm title={t("materials.deleteConfirm", { name: upload.fileName })} okText={t("common.delete")} cancelText={t("common.cancel")} onConfirm={onDelete}>
          <Button type="text" danger size="small" icon={<DeleteOutlined />} loading={deleting ?? false} aria-label={t("materials.deleteFile", { name: upload.fileName })}>
            {t("common.delete")}
          </Button>
        </Popconfirm>
      )}
    </div>
  );
}
