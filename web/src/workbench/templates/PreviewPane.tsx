import { ExportOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Spin, Typography } from "antd";
import type { TemplateBody, TemplateKind } from "@cq/contracts";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../common/api/errors.ts";
import { useTemplatePreview, type TemplateScope } from "../../common/data/templates.ts";
import { useDebounced } from "../config/useDebounced.ts";
import { useKindName } from "./parts.tsx";

const DEBOUNCE_MS = 700;

/** The server's refusal in words: an unknown placeholder named as such, anything else with its message. */
export function usePreviewError(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (isApiError(error) && error.code === "TEMPLATE_PLACEHOLDER_UNKNOWN") {
      const name = typeof error.details?.placeholder === "string" ? error.details.placeholder : "";
      return t("tpl.preview.unknown", { placeholder: `{{${name}}}` });
    }
    return error instanceof Error ? error.message : String(error);
  };
}

/**
 * The document as it will print, rendered by the server from the words being edited (debounced),
 * shown from a blob URL. The last good PDF stays on screen while the next renders or when the
 * server refuses the words (its 422 shown above it).
 */
export function PreviewPane({ kind, scope, body, ready }: { kind: TemplateKind; scope: TemplateScope; body: TemplateBody; ready: boolean }) {
  const { t } = useTranslation();
  const kindName = useKindName();
  const explain = usePreviewError();
  const json = ready ? JSON.stringify(body) : null;
  const settled = useDebounced(json, DEBOUNCE_MS);
  const preview = useTemplatePreview(kind, scope, settled);
  const [url, setUrl] = useState<string | null>(null);
  const current = useRef<string | null>(null);

  // A new PDF replaces the one shown (and frees it); a refusal leaves the last good one in place.
  const blob = preview.data;
  useEffect(() => {
    if (!blob) return;
    const next = URL.createObjectURL(blob);
    if (current.current) URL.revokeObjectURL(current.current);
    current.current = next;
    setUrl(next);
  }, [blob]);
  useEffect(() => () => {
    if (current.current) URL.revokeObjectURL(current.current);
  }, []);

  const waitingForTyping = json !== null && json !== settled;
  const rendering = waitingForTyping || preview.isFetching;
  const status = rendering ? t("tpl.preview.rendering") : preview.isSuccess && url ? t("tpl.preview.ready") : "";

  return (
    <div className="tpl-preview">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t("tpl.preview.sample")}</Typography.Paragraph>
      <div className="tpl-preview-status" role="status" aria-live="polite" data-state={rendering ? "rendering" : preview.isError ? "error" : url ? "ready" : "idle"}>
        {rendering && <Spin size="small" />} <span>{status}</span>
      </div>
      {preview.isError && !rendering && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t("tpl.preview.refused")}
          description={<>{explain(preview.error)}{url && <div>{t("tpl.preview.stale")}</div>}</>}
          action={isApiError(preview.error) && preview.error.status === 422 ? undefined : <Button size="small" onClick={() => void preview.refetch()}>{t("tpl.preview.retry")}</Button>}
          style={{ marginBottom: 8 }}
        />
      )}
      {!ready && url && <Alert type="warning" showIcon title={t("tpl.preview.waiting")} style={{ marginBottom: 8 }} />}
      {url ? (
        <>
          <iframe className={rendering || preview.isError ? "tpl-preview-frame is-stale" : "tpl-preview-frame"} src={url} title={t("tpl.preview.frame", { kind: kindName(kind) })} />
          <a href={url} target="_blank" rel="noreferrer" className="tpl-preview-open">
            <ExportOutlined aria-hidden /> {t("tpl.preview.open")}
          </a>
        </>
      ) : (
        !preview.isError && <div className="tpl-preview-empty">{rendering ? <Spin /> : <Empty description={t("tpl.preview.waiting")} />}</div>
      )}
    </div>
  );
}
