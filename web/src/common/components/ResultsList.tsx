import { FilePdfOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { formatDateTime } from "../format.ts";
import { documentUrl, type CaseDetail } from "../data/cases.ts";

/** The results of every department on the case, with the certificates and how they were handed over. */
export function ResultsList({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const results = detail.results ?? [];
  if (results.length === 0) return <Typography.Text type="secondary">{t("cw.results.none")}</Typography.Text>;
  return (
    <div>
      <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {results.map((r) => (
          <li key={r.department.id} style={{ padding: "10px 0", borderBottom: "1px solid #f0f0f0" }}>
            <Space size={[8, 4]} wrap>
              <strong>{r.department.name}</strong>
              <Tag color={r.result === "approved" ? "success" : "error"}>{t(`result.${r.result}`)}</Tag>
              <span className="muted">{formatDateTime(r.recordedAt)}</span>
            </Space>
            {r.certificateNo && (
              <div>
                <SafetyCertificateOutlined aria-hidden="true" style={{ color: "#389e0d" }} /> {t("cw.results.certificate")}{" "}
                <Link to={`/verify/${encodeURIComponent(r.certificateNo)}`} className="mono inline-link" aria-label={t("cw.results.verify", { no: r.certificateNo })}>
                  {r.certificateNo}
                </Link>
              </div>
            )}
            {r.documentId && (
              <div>
                <FilePdfOutlined aria-hidden="true" style={{ color: "#cf1322" }} />{" "}
                <a href={documentUrl(r.documentId)} target="_blank" rel="noreferrer">{t("cw.results.document")}</a>
              </div>
            )}
          </li>
        ))}
      </ul>
      {detail.delivery && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          {t("cw.results.delivered", { method: t(`cw.deliver.methods.${detail.delivery.method}`), at: formatDateTime(detail.delivery.deliveredAt) })}
          {detail.delivery.trackingNo && <> · {t("cw.results.trackingNo", { no: detail.delivery.trackingNo })}</>}
        </Typography.Paragraph>
      )}
    </div>
  );
}
