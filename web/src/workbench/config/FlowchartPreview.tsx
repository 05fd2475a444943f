import { Alert, Spin, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { localProblems, toBody, type ProcessDef } from "./processModel.ts";
import { useDebounced } from "./useDebounced.ts";
import { useFlowchartPreview } from "../../common/data/catalogAdmin.ts";

/**
 * The live flowchart of a process being edited: the same drawing the guide shows, redrawn by the
 * server 400 ms after the last change. Drawn as an image (no script runs from it); its text
 * alternative lists the steps in order.
 */
export function FlowchartPreview({ process, title, showStatus = true }: { process: ProcessDef; title: string; showStatus?: boolean }) {
  const { t } = useTranslation();
  const body = useMemo(() => toBody(process), [process]);
  const json = JSON.stringify(body);
  const settled = useDebounced(json, 400);
  // A list the request schema would refuse is not sent: the last good drawing stays, marked stale.
  const sendable = localProblems(body).length === 0;
  const query = useFlowchartPreview(settled, sendable);
  const svg = typeof query.data === "string" && query.data.trimStart().startsWith("<") ? query.data : null;
  const stale = !sendable || json !== settled || query.isPlaceholderData;
  const alt = t("cfg.flow.alt", {
    title,
    steps: body.steps.map((s, i) => `${i + 1}. ${s.name || t(`stepKind.${s.kind}`)}（${t(`stepKind.${s.kind}`)}，${t("cfg.days", { count: s.workingDays })}）`).join("；"),
  });

  return (
    <div>
      <div className={`flowchart-box${stale ? " stale" : ""}`} aria-busy={query.isFetching}>
        {svg ? (
          <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={alt} />
        ) : query.isError ? null : (
          <div className="page-loading" style={{ padding: 40 }}>
            <Spin />
          </div>
        )}
      </div>
      {showStatus && (
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0", fontSize: "0.9em" }} aria-live="polite">
          {!sendable ? t("cfg.flow.fixFirst") : stale || query.isFetching ? t("cfg.flow.updating") : t("cfg.flow.upToDate")}
        </Typography.Paragraph>
      )}
      {query.isError && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t("cfg.flow.failed")} description={query.error.message} />}
    </div>
  );
}
