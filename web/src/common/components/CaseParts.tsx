import { DownloadOutlined, FilePdfOutlined } from "@ant-design/icons";
import { Button, Descriptions, Empty, Space, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../format.ts";
import { type CaseDetail } from "../data/cases.ts";

/** The case's history, newest last, as the server recorded it. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  if (detail.timeline.length === 0) return <Empty description={t("case.noTimeline")} />;
  return (
    <Timeline
      items={detail.timeline.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: e.kind.includes("not") || e.kind.includes("reject") ? "red" : i === detail.timeline.length - 1 ? "blue" : "gray",
        content: (
          <div>
            <div className="muted" style={{ fontSize: "0.88em" }}>{formatDateTime(e.at)}</div>
            <strong>{e.title}</strong>
            {e.department && <span className="muted"> · {e.department}</span>}
            {e.note && <div className="prose muted">{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}

/** Notices and decisions issued on the case, as PDF downloads. */
export function CaseDocuments({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  if (detail.documents.length === 0) return <Typography.Text type="secondary">{t("case.noDocuments")}</Typography.Text>;
  return (
    <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {detail.documents.map((d) => (
        <li key={d.id} style={{ display: "flex", alignItems: "center", justifyContent: "space-between", gap: 12, padding: "10px 0", borderBottom: "1px solid #f0f0f0", flexWrap: "wrap" }}>
          <Space>
            <FilePdfOutlined style={{ color: "#cf1322", fontSize: 20 }} aria-hidden="true" />
            <span>
              <a href={d.url} target="_blank" rel="noreferrer">{d.title}</a>
              <div className="muted" style={{ fontSize: "0.9em" }}>{formatDateTime(d.createdAt)}</div>
            </span>
          </Space>
          <Button href={d.url} target="_blank" icon={<DownloadOutlined />}>
            {t("case.downloadPdf")}
            <span className="sr-only">{d.title}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** The application form as filled in. */
export function CaseFormData({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const fields = detail.formFields.length
    ? detail.formFields
    : Object.keys(detail.formData).map((key) => ({ key, label: key, type: "text" as const, required: false }));
  if (fields.length === 0) return <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={fields.map((f) => {
        const v = detail.formData[f.key];
        return {
          key: f.key,
          label: f.label,
          children: v === null || v === undefined || v === "" ? <Typography.Text type="secondary">—</Typography.Text> : <span className="prose">{String(v)}</span>,
        };
      })}
    />
  );
}
