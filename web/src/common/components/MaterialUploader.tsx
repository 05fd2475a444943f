import { DownloadOutlined, FileTextOutlined, InboxOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { App, Button, Space, Tag, Typography, Upload } from "antd";
import type { UploadFile } from "antd";
import { useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { caseCommands, useCaseCommand, type CaseMaterial } from "../data/cases.ts";
import { CertificateSummary, UploadedFile } from "./UploadedFile.tsx";
import { ACCEPT_ATTR } from "../files.ts";
import { useFileCheck } from "../hooks/useFileCheck.ts";
import { type Material } from "../data/catalog.ts";

/**
 * Once-only (R27): the applicant's certificates in the library that this material may be taken
 * from, as the server offers them, each a one-click choice instead of an upload.
 */
function LibraryOffer({ caseId, material, onDone }: { caseId: string; material: CaseMaterial; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const inUse = new Set(material.uploads.map((u) => u.certificate?.certificateNo).filter(Boolean));
  const offered = (material.reusableCertificates ?? []).filter((c) => !inUse.has(c.certificateNo));
  const use = useCaseCommand(caseId, (certificateNo: string) => caseCommands.useCertificate(caseId, material.materialId, certificateNo), {
    onSuccess: () => {
      void message.success(t("materials.libraryUsed"));
      onDone();
    },
    onError: (error) => void message.error(error.message),
  });
  if (offered.length === 0) return null;
  return (
    <div className="library-offer" role="group" aria-label={t("materials.libraryOffer")}>
      <Typography.Text strong>
        <SafetyCertificateOutlined style={{ color: "#389e0d" }} aria-hidden="true" /> {t("materials.libraryOffer")}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: "4px 0 8px" }}>{t("materials.libraryOfferHint")}</Typography.Paragraph>
      {offered.map((c) => (
        <div key={c.certificateNo} className="library-offer-item">
          <CertificateSummary certificate={c} />
          <Button
            type="primary"
            loading={use.isPending && use.variables === c.certificateNo}
            disabled={use.isPending}
            onClick={() => use.mutate(c.certificateNo)}
            aria-label={t("materials.useCertificateNamed", { name: c.name, no: c.certificateNo })}
          >
            {t("materials.useCertificate")}
          </Button>
        </div>
      ))}
    </div>
  );
}

interface Pending {
  uid: string;
  name: string;
  percent: number;
  status: "uploading" | "error";
  error?: string;
  abort?: () => void;
}

/**
 * One material of a case: what is already there and a drag-and-drop zone for more, with a
 * progress bar per file. Each upload lands on the draft at once, so nothing is lost on leaving.
 */
export function MaterialUploader({
  caseId,
  material,
  guide,
  editable,
  highlighted,
  highlightText,
  extra,
  onChanged,
}: {
  caseId: string;
  material: CaseMaterial;
  guide?: Material | undefined;
  editable: boolean;
  highlighted?: boolean;
  /** Why it is highlighted (the supplement notice's reason); "required, please upload" by default. */
  highlightText?: string | undefined;
  /** More controls under the drop zone (the hall's paper-original record). */
  extra?: ReactNode;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const checkFile = useFileCheck();
  const [pending, setPending] = useState<Pending[]>([]);
  const [deleting, setDeleting] = useState<string | null>(null);
  const headingId = useRef(`material-${material.materialId}`).current;

  const patch = (uid: string, change: Partial<Pending> | null) =>
    setPending((list) => (change === null ? list.filter((p) => p.uid !== uid) : list.map((p) => (p.uid === uid ? { ...p, ...change } : p))));

  const remove = async (uploadId: string) => {
    setDeleting(uploadId);
    try {
      await caseCommands.removeMaterial(caseId, uploadId);
      onChanged();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t("error.unknown"));
    } finally {
      setDeleting(null);
    }
  };

  const fileList: UploadFile[] = pending.map((p) => ({
    uid: p.uid,
    name: p.name,
    status: p.status === "uploading" ? "uploading" : "error",
    percent: p.percent,
    response: p.error,
    error: p.error ? new Error(p.error) : undefined,
  }));

  // A file a later round replaced is history (staff only see it), never a current file.
  const current = material.uploads.filter((u) => !u.superseded);
  const replaced = material.uploads.filter((u) => u.superseded);
  const hasFiles = current.length > 0;
  // A certificate revoked or expired since it was chosen no longer counts (the server says which).
  const provided = current.filter((u) => !u.certificate || u.certificate.status === "valid");
  const fromLibrary = provided.some((u) => u.certificate);

  return (
    <section className={`upload-material${highlighted ? " missing" : ""}`} aria-labelledby={headingId}>
      <div className="upload-material-head">
        <Space size={[8, 4]} wrap>
          <h3 id={headingId} style={{ margin: 0, fontSize: "1.05em" }}>{material.name}</h3>
          {material.required ? <Tag color="red">{t("guide.required")}</Tag> : <Tag>{t("guide.optional")}</Tag>}
          {fromLibrary ? <Tag color="success">{t("materials.providedFromLibrary")}</Tag> : provided.length > 0 ? <Tag color="success">{t("materials.uploadedCount", { count: provided.length })}</Tag> : material.required ? <Tag color="warning">{t("materials.notYet")}</Tag> : null}
        </Space>
        {(guide?.formUrl || guide?.sampleUrl) && (
          <Space size={12}>
            {guide.formUrl && <a href={guide.formUrl} target="_blank" rel="noreferrer"><DownloadOutlined /> {t("guide.blankForm")}</a>}
            {guide.sampleUrl && <a href={guide.sampleUrl} target="_blank" rel="noreferrer"><FileTextOutlined /> {t("guide.sample")}</a>}
          </Space>
        )}
      </div>
      {guide?.description && <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{guide.description}</Typography.Paragraph>}
      {highlighted && <Typography.Paragraph type="danger" style={{ marginBottom: 8 }}>{highlightText ?? t("materials.missingHere")}</Typography.Paragraph>}

      {current.map((u) => (
        <UploadedFile key={u.id} upload={u} deleting={deleting === u.id} onDelete={editable && !u.offline && u.removable ? () => void remove(u.id) : undefined} />
      ))}
      {replaced.length > 0 && (
        <details className="replaced-files">
          <summary className="muted">{t("materials.replacedFiles", { count: replaced.length })}</summary>
          {replaced.map((u) => <UploadedFile key={u.id} upload={u} />)}
        </details>
      )}

      {editable && (
        <>
          <LibraryOffer caseId={caseId} material={material} onDone={onChanged} />
          <Upload.Dragger
            multiple
            accept={ACCEPT_ATTR}
            fileList={fileList}
            aria-label={t("materials.dropLabel", { name: material.name })}
            beforeUpload={checkFile}
            customRequest={({ file }) => {
              const f = file as File & { uid: string };
              const job = caseCommands.uploadMaterial(caseId, material.materialId, f, (percent) => patch(f.uid, { percent }));
              setPending((list) => [...list, { uid: f.uid, name: f.name, percent: 0, status: "uploading", abort: job.abort }]);
              job.promise.then(
                () => {
                  patch(f.uid, null);
                  onChanged();
                },
                (error: unknown) => {
                  const text = error instanceof Error ? error.message : t("error.unknown");
                  patch(f.uid, { status: "error", error: text });
                  void message.error(`${f.name}：${text}`);
                },
              );
            }}
            onRemove={(file) => {
              const p = pending.find((x) => x.uid === file.uid);
              p?.abort?.();
              patch(file.uid, null);
              return true;
            }}
            style={{ marginTop: hasFiles ? 8 : 0 }}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t("materials.dropText")}</p>
            <p className="ant-upload-hint">{t("materials.dropHint")}</p>
          </Upload.Dragger>
        </>
      )}
      {extra && <div style={{ marginTop: 8 }}>{extra}</div>}
      {!editable && !hasFiles && <Typography.Text type="secondary">{t("materials.none")}</Typography.Text>}
    </section>
  );
}
