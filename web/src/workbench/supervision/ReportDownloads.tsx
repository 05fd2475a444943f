import { FileExcelOutlined, FilePdfOutlined } from "@ant-design/icons";
import { App, Button, DatePicker, Progress, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { monthlyReportUrl } from "../../common/data/supervision.ts";
import { formatBytes } from "../../common/format.ts";
import { downloadWithProgress } from "../../common/data/download.ts";

type Format = "pdf" | "csv";

/**
 * The monthly report (月度效能报告) as PDF or CSV. Each button is a real link with `download`
 * (open in a new tab, save as… work); a click fetches it with a progress bar and then saves it.
 */
export function ReportDownloads() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().subtract(1, "month").startOf("month"));
  const [busy, setBusy] = useState<{ format: Format; loaded: number; total: number | null } | null>(null);
  const m = month.format("YYYY-MM");
  const href = (format: Format) => monthlyReportUrl(m, format);
  const fileName = (format: Format) => `supervision-${m}.${format}`;

  const download = async (event: MouseEvent<HTMLElement>, format: Format) => {
    // Without script the link downloads by itself; with it, show progress and the server's errors.
    event.preventDefault();
    if (busy) return;
    setBusy({ format, loaded: 0, total: null });
    try {
      await downloadWithProgress(href(format), fileName(format), (p) => setBusy({ format, ...p }));
      void message.success(t("sv.report.done", { name: fileName(format) }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : t("error.unknown"));
    } finally {
      setBusy(null);
    }
  };

  const pct = busy?.total ? Math.min(100, Math.round((busy.loaded / busy.total) * 100)) : null;
  return (
    <div>
      <Space wrap align="center">
        <DatePicker
          picker="month"
          aria-label={t("sv.report.month")}
          value={month}
          allowClear={false}
          onChange={(v) => v && setMonth(v.startOf("month"))}
        />
        <Button icon={<FilePdfOutlined aria-hidden />} href={href("pdf")} download={fileName("pdf")} loading={busy?.format === "pdf"} disabled={!!busy && busy.format !== "pdf"} onClick={(e) => void download(e, "pdf")}>
          {t("sv.report.pdf")}
        </Button>
        <Button icon={<FileExcelOutlined aria-hidden />} href={href("csv")} download={fileName("csv")} loading={busy?.format === "csv"} disabled={!!busy && busy.format !== "csv"} onClick={(e) => void download(e, "csv")}>
          {t("sv.report.csv")}
        </Button>
      </Space>
      <div role="status" aria-live="polite" style={{ minHeight: 24, marginTop: 4 }}>
        {busy && (
          <Space size={8} style={{ width: "100%", maxWidth: 360 }}>
            <span className="muted" style={{ whiteSpace: "nowrap" }}>
              {t("sv.report.progress", { format: busy.format.toUpperCase(), size: formatBytes(busy.loaded) })}
            </span>
            <Progress percent={pct ?? 100} status="active" showInfo={pct !== null} size="small" style={{ width: 140, margin: 0 }} aria-label={t("sv.report.progressLabel")} />
          </Space>
        )}
      </div>
    </div>
  );
}
