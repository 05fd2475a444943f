import { DownloadOutlined, ExportOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Button, Empty, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CertificateSummary, fileIcon } from "../../common/components/UploadedFile.tsx";
import { formatBytes, formatDateTime } from "../../common/format.ts";
import { type CaseMaterial, type CaseUpload } from "../../common/data/cases.ts";

function Preview({ upload }: { upload: CaseUpload }) {
  const { t } = useTranslation();
  if (upload.certificate)
    return (
      <div style={{ padding: 16 }}>
        <Tag color="green">{t("materials.fromLibraryTag")}</Tag>
        <CertificateSummary certificate={upload.certificate} />
      </div>
    );
  if (upload.offline) return <Empty description={t("materials.offlineNote", { note: upload.note ?? "" })} />;
  if (upload.mime?.startsWith("image/")) return <img src={upload.url} alt={upload.fileName ?? ""} />;
  if (upload.mime === "application/pdf")
    return <iframe src={upload.url} title={t("wb.viewerTitle", { name: upload.fileName })} />;
  return <Empty description={t("wb.noPreview")} />;
}

/** Materials of a case with an inline viewer: images inline, PDFs in a frame, always a download. */
export function MaterialViewer({ materials }: { materials: CaseMaterial[] }) {
  const { t } = useTranslation();
  const uploads = materials.flatMap((m) => m.uploads.map((u) => ({ material: m, upload: u })));
  const [selectedId, setSelectedId] = useState<string | undefined>(uploads[0]?.upload.id);
  const selected = uploads.find((x) => x.upload.id === selectedId) ?? uploads[0];

  return (
    <div>
      <ul style={{ listStyle: "none", margin: "0 0 16px", padding: 0 }}>
        {materials.map((m) => (
          <li key={m.materialId} style={{ padding: "8px 0", borderBottom: "1px solid #f0f0f0" }}>
            <Space size={[8, 4]} wrap>
              <strong>{m.name}</strong>
              {m.required ? <Tag color="red">{t("guide.required")}</Tag> : <Tag>{t("guide.optional")}</Tag>}
              {m.uploads.length === 0 && <Tag color={m.required ? "warning" : "default"}>{t("materials.notYet")}</Tag>}
            </Space>
            {m.uploads.map((u) => (
              <div key={u.id} className="uploaded-file">
                {u.certificate ? <SafetyCertificateOutlined style={{ color: "#389e0d" }} aria-hidden="true" /> : fileIcon(u.mime ?? "")}
                <Button
                  type={selected?.upload.id === u.id ? "primary" : "link"}
                  size="small"
                  onClick={() => setSelectedId(u.id)}
                  aria-pressed={selected?.upload.id === u.id}
                  aria-label={t("wb.viewFile", { name: u.fileName || u.certificate?.name || u.note || m.name })}
                >
                  {u.offline ? t("materials.offline") : u.fileName || u.certificate?.name || u.certificateNo}
                </Button>
                {u.certificate ? (
                  <>
                    <Tag color="green">{t("materials.fromLibraryTag")}</Tag>
                    <span className="muted">{u.certificate.issuer}</span>
                    <a href={u.certificate.verifyPath} target="_blank" rel="noreferrer">{t("materials.verifyCertificate")}</a>
                  </>
                ) : (
                  u.certificateNo && <Tag color="green">{t("materials.fromLibrary", { no: u.certificateNo })}</Tag>
                )}
                {u.size ? <span className="muted">{formatBytes(u.size)}</span> : null}
              </div>
            ))}
          </li>
        ))}
      </ul>
      {selected ? (
        <section aria-label={t("wb.viewer")}>
          <div style={{ display: "flex", justifyContent: "space-between", gap: 8, flexWrap: "wrap", marginBottom: 8 }}>
            <div style={{ minWidth: 0 }}>
              <div><strong>{selected.material.name}</strong> · {selected.upload.fileName ?? selected.upload.certificate?.name}</div>
              <div className="muted" style={{ fontSize: "0.9em" }}>
                {selected.upload.certificate
                  ? formatDateTime(selected.upload.createdAt)
                  : `${selected.upload.mime} · ${formatBytes(selected.upload.size)} · ${formatDateTime(selected.upload.createdAt)}`}
              </div>
              {selected.upload.sha256 && <div className="hash mono">SHA-256 {selected.upload.sha256}</div>}
            </div>
            {!selected.upload.offline && !selected.upload.certificate && (
              <Space>
                <Button href={selected.upload.url} target="_blank" icon={<ExportOutlined />}>{t("wb.openNewWindow")}</Button>
                <Button href={selected.upload.url} download={selected.upload.fileName} icon={<DownloadOutlined />}>{t("common.download")}</Button>
              </Space>
            )}
          </div>
          <div className="material-viewer">
            <Preview key={selected.upload.id} upload={selected.upload} />
          </div>
        </section>
      ) : (
        <Typography.Text type="secondary">{t("materials.noneAtAll")}</Typography.Text>
      )}
    </div>
  );
}
