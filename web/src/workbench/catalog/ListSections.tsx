import { DeleteOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Input, Progress, Select, Space, Switch, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formFieldTypes, itemFileUrl, uploadItemFile, type FormFieldType, type Guide } from "../../common/data/catalogAdmin.ts";
import { useCertificateOptions } from "./EditorSections.tsx";
import { Field, inputId, useEditor, useProblemTexts } from "./editorKit.tsx";

type MaterialRow = Guide["materials"][number];
type FormFieldRow = Guide["formFields"][number];

/** Problems of a whole list (no material at all…), above it. */
function ListProblems({ path }: { path: string }) {
  const texts = useProblemTexts(path);
  if (!texts.length) return null;
  return <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={texts.join(" ")} />;
}

/** Uploads a PDF for a material (blank form or sample), with progress; shows the uploaded one with a link. */
function PdfSlot({ path, label, file, onUploaded, onRemove, materialName }: {
  path: string;
  label: string;
  file: string | null;
  onUploaded: (sha: string) => void;
  onRemove: () => void;
  materialName: string;
}) {
  const { t } = useTranslation();
  const { itemId, disabled } = useEditor();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const problems = useProblemTexts(path);
  const pick = async (f: File | undefined) => {
    if (!f) return;
    setError(null);
    setProgress(0);
    try {
      const out = await uploadItemFile(itemId, f, setProgress);
      onUploaded(out.file);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = "";
    }
  };
  return (
    <div>
      <div className="muted">{label}</div>
      <Space wrap size={8}>
        {file ? (
          <a href={itemFileUrl(itemId, file)} target="_blank" rel="noreferrer">{t("cat.material.uploaded")}</a>
        ) : (
          <Typography.Text type="secondary">{t("cat.material.none")}</Typography.Text>
        )}
        <input ref={input} id={inputId(path)} type="file" accept="application/pdf,.pdf" className="sr-only" tabIndex={-1} aria-hidden onChange={(e) => void pick(e.target.files?.[0])} />
        <Button size="small" icon={<UploadOutlined aria-hidden />} disabled={disabled || progress !== null} loading={progress !== null} onClick={() => input.current?.click()} aria-label={t("cat.material.slotAction", { action: file ? t("cat.material.replace") : t("cat.material.upload"), what: label, name: materialName })}>
          {file ? t("cat.material.replace") : t("cat.material.upload")}
        </Button>
        {file && (
          <Button size="small" type="link" danger disabled={disabled} onClick={onRemove} aria-label={t("cat.material.slotAction", { action: t("cat.material.removeFile"), what: label, name: materialName })}>
            {t("cat.material.removeFile")}
          </Button>
        )}
      </Space>
      {progress !== null && <Progress percent={progress} size="small" aria-label={t("cat.material.uploading", { what: label })} />}
      {(error || problems.length > 0) && <Typography.Text type="danger" role="alert">{error ?? problems.join(" ")}</Typography.Text>}
    </div>
  );
}

/** 申请材料: each material with whether it is required, a description, a blank form and sample (PDF), and the certificate it may be reused from. */
export function MaterialsSection() {
  const { t } = useTranslation();
  const { guide, change, disabled } = useEditor();
  const certificates = useCertificateOptions();
  const set = (i: number, patch: Partial<MaterialRow>) => change({ materials: guide.materials.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const add = () => {
    const used = new Set(guide.materials.map((m) => m.key));
    let n = guide.materials.length + 1;
    while (used.has(`material-${n}`)) n++;
    change({ materials: [...guide.materials, { key: `material-${n}`, name: "", required: true, description: null, hasForm: false, blankFormFile: null, sampleFile: null, certificateType: null }] });
    requestAnimationFrame(() => document.getElementById(inputId(`materials[${guide.materials.length}].name`))?.focus());
  };
  return (
    <>
      <ListProblems path="materials" />
      {guide.materials.map((m, i) => {
        const p = `materials[${i}]`;
        const name = m.name || t("cat.material.numbered", { n: i + 1 });
        return (
          <section key={m.key} className="editor-list-card" aria-label={t("cat.material.numberedName", { n: i + 1, name })}>
            <Space align="start" wrap style={{ width: "100%", justifyContent: "space-between" }}>
              <h3 className="step-card-title">{t("cat.material.numberedName", { n: i + 1, name })}</h3>
              <Button danger size="small" icon={<DeleteOutlined aria-hidden />} disabled={disabled} onClick={() => change({ materials: guide.materials.filter((_, j) => j !== i) })}>
                {t("cat.material.remove")}
              </Button>
            </Space>
            <div className="step-grid">
              <Field path={`${p}.name`} label={t("cat.material.name")} required>
                <Input id={inputId(`${p}.name`)} value={m.name} maxLength={120} disabled={disabled} onChange={(e) => set(i, { name: e.target.value })} />
              </Field>
              <Field path={`${p}.required`} label={t("cat.material.required")}>
                <Space>
                  <Switch id={inputId(`${p}.required`)} checked={m.required} disabled={disabled} onChange={(required) => set(i, { required })} />
                  <span>{m.required ? t("cat.material.isRequired") : t("cat.material.isOptional")}</span>
                </Space>
              </Field>
              <Field path={`${p}.certificateType`} label={t("cat.material.certificateType")} extra={t("cat.material.certificateHint")}>
                <Select<string>
                  id={inputId(`${p}.certificateType`)}
                  allowClear
                  placeholder={t("cat.material.noCertificate")}
                  value={m.certificateType ?? undefined}
                  disabled={disabled}
                  options={certificates}
                  showSearch={{ optionFilterProp: "label" }}
                  onChange={(v) => set(i, { certificateType: v ?? null })}
                />
              </Field>
            </div>
            <Field path={`${p}.description`} label={t("cat.material.description")}>
              <Input.TextArea id={inputId(`${p}.description`)} rows={2} maxLength={1000} value={m.description ?? ""} disabled={disabled} onChange={(e) => set(i, { description: e.target.value || null })} />
            </Field>
            <Space size={32} wrap>
              <PdfSlot path={`${p}.blankFormFile`} label={t("cat.material.blankForm")} materialName={name} file={m.blankFormFile} onUploaded={(f) => set(i, { blankFormFile: f, hasForm: true })} onRemove={() => set(i, { blankFormFile: null })} />
              <PdfSlot path={`${p}.sampleFile`} label={t("cat.material.sample")} materialName={name} file={m.sampleFile} onUploaded={(f) => set(i, { sampleFile: f, hasForm: true })} onRemove={() => set(i, { sampleFile: null })} />
            </Space>
          </section>
        );
      })}
      <Button type="dashed" block icon={<PlusOutlined aria-hidden />} disabled={disabled || guide.materials.length >= 60} onClick={add}>
        {t("cat.material.add")}
      </Button>
    </>
  );
}

/** 申请表字段: what the application form asks (label, a key stable across versions, type, required). */
export function FormFieldsSection() {
  const { t } = useTranslation();
  const { guide, change, disabled } = useEditor();
  const set = (i: number, patch: Partial<FormFieldRow>) => change({ formFields: guide.formFields.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  const add = () => {
    const used = new Set(guide.formFields.map((f) => f.key));
    let n = guide.formFields.length + 1;
    while (used.has(`field${n}`)) n++;
    change({ formFields: [...guide.formFields, { key: `field${n}`, label: "", type: "text", required: true }] });
    requestAnimationFrame(() => document.getElementById(inputId(`formFields[${guide.formFields.length}].label`))?.focus());
  };
  return (
    <>
      <ListProblems path="formFields" />
      {guide.formFields.length === 0 && <Typography.Paragraph type="secondary">{t("cat.formField.empty")}</Typography.Paragraph>}
      {guide.formFields.map((f, i) => {
        const p = `formFields[${i}]`;
        const name = f.label || t("cat.formField.numbered", { n: i + 1 });
        return (
          <section key={i} className="editor-list-card" aria-label={t("cat.formField.numberedName", { n: i + 1, name })}>
            <div className="step-grid">
              <Field path={`${p}.label`} label={t("cat.formField.label")} required>
                <Input id={inputId(`${p}.label`)} value={f.label} maxLength={60} disabled={disabled} onChange={(e) => set(i, { label: e.target.value })} />
              </Field>
              <Field path={`${p}.key`} label={t("cat.formField.key")} required extra={t("cat.formField.keyHint")}>
                <Input id={inputId(`${p}.key`)} className="mono" value={f.key} maxLength={40} disabled={disabled} onChange={(e) => set(i, { key: e.target.value.trim() })} />
              </Field>
              <Field path={`${p}.type`} label={t("cat.formField.type")}>
                <Select<FormFieldType> id={inputId(`${p}.type`)} value={f.type} disabled={disabled} options={formFieldTypes.map((x) => ({ value: x, label: t(`cat.fieldType.${x}`) }))} onChange={(type) => set(i, { type })} />
              </Field>
              <Field path={`${p}.required`} label={t("cat.formField.required")}>
                <Space>
                  <Switch id={inputId(`${p}.required`)} checked={f.required} disabled={disabled} onChange={(required) => set(i, { required })} />
                  <span>{f.required ? t("cat.material.isRequired") : t("cat.material.isOptional")}</span>
                </Space>
              </Field>
            </div>
            <Button danger size="small" icon={<DeleteOutlined aria-hidden />} disabled={disabled} onClick={() => change({ formFields: guide.formFields.filter((_, j) => j !== i) })} aria-label={t("cat.formField.removeN", { name })}>
              {t("cat.formField.remove")}
            </Button>
          </section>
        );
      })}
      <Button type="dashed" block icon={<PlusOutlined aria-hidden />} disabled={disabled || guide.formFields.length >= 60} onClick={add}>
        {t("cat.formField.add")}
      </Button>
    </>
  );
}
