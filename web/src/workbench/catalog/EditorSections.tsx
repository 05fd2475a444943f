import { Checkbox, Input, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import { applicantTypes, certificateTypeNames, handlingModes, type ApplicantType, type HandlingMode } from "../../common/data/catalogAdmin.ts";
import { DaysField, Field, inputId, TextField, useEditor } from "./editorKit.tsx";

/** The certificate types, named in the UI's language, for a select. */
export function useCertificateOptions() {
  const { i18n } = useTranslation();
  return Object.entries(certificateTypeNames).map(([value, n]) => ({ value, label: i18n.language === "en" ? n.en : n.zh }));
}

/** 基本信息与依据. */
export function BasicsSection() {
  const { t } = useTranslation();
  const { guide, change, disabled } = useEditor();
  return (
    <>
      <Field path="handlingMode" label={t("cat.field.handlingMode")} required extra={t("cat.field.handlingModeHint")}>
        <Radio.Group
          id={inputId("handlingMode")}
          value={guide.handlingMode}
          disabled={disabled}
          onChange={(e) => change({ handlingMode: e.target.value as HandlingMode })}
          options={handlingModes.map((m) => ({ value: m, label: t(`guide.mode.${m}`) }))}
        />
      </Field>
      <TextField field="legalBasis" label={t("cat.field.legalBasis")} rows={6} />
    </>
  );
}

/** 申请条件与对象. */
export function ConditionsSection() {
  const { t } = useTranslation();
  const { guide, change, disabled } = useEditor();
  return (
    <>
      <Field path="applicantTypes" label={t("cat.field.applicantTypes")} required noFor>
        <Checkbox.Group
          value={guide.applicantTypes}
          disabled={disabled}
          onChange={(v) => change({ applicantTypes: v as ApplicantType[] })}
          options={applicantTypes.map((a) => ({ value: a, label: t(`applicantType.${a}`) }))}
        />
      </Field>
      <TextField field="conditions" label={t("cat.field.conditions")} rows={6} />
    </>
  );
}

/** 时限与收费. */
export function LimitsSection() {
  const { t } = useTranslation();
  return (
    <>
      <DaysField field="statutoryDays" label={t("cat.field.statutoryDays")} max={365} />
      <DaysField field="statutoryExtensionDays" label={t("cat.field.statutoryExtensionDays")} max={60} />
      <DaysField field="promisedDays" label={t("cat.field.promisedDays")} max={365} extra={t("cat.field.promisedHint")} />
      <DaysField field="yellowDays" label={t("cat.field.yellowDays")} max={30} extra={t("cat.field.yellowHint")} />
      <TextField field="fees" label={t("cat.field.fees")} rows={2} max={500} extra={t("cat.field.feesHint")} />
    </>
  );
}

/** 结果与责任. */
export function ResultSection() {
  const { t } = useTranslation();
  const { guide, change, disabled } = useEditor();
  const certificates = useCertificateOptions();
  return (
    <>
      <TextField field="result" label={t("cat.field.result")} rows={2} max={500} />
      <Field path="resultCertificateType" label={t("cat.field.resultCertificateType")} extra={t("cat.field.resultCertificateHint")}>
        <Select<string>
          id={inputId("resultCertificateType")}
          allowClear
          placeholder={t("cat.field.noCertificate")}
          value={guide.resultCertificateType ?? undefined}
          disabled={disabled}
          options={certificates}
          showSearch={{ optionFilterProp: "label" }}
          onChange={(v) => change({ resultCertificateType: v ?? null })}
          style={{ maxWidth: 420 }}
        />
      </Field>
      <TextField field="responsibilities" label={t("cat.field.responsibilities")} />
      <TextField field="accountability" label={t("cat.field.accountability")} />
    </>
  );
}

/** 咨询与投诉. */
export function ContactSection() {
  const { t } = useTranslation();
  const { guide, change, disabled } = useEditor();
  return (
    <>
      {(["consultationPhone", "complaintPhone"] as const).map((f) => (
        <Field key={f} path={f} label={t(`cat.field.${f}`)} required>
          <Input id={inputId(f)} value={guide[f]} maxLength={30} disabled={disabled} style={{ maxWidth: 280 }} onChange={(e) => change({ [f]: e.target.value })} />
        </Field>
      ))}
    </>
  );
}

/** 抄告部门: supervising departments told of each closed case (R32). */
export function CcSection() {
  const { t } = useTranslation();
  const { guide, change, disabled, departments, leadDepartmentId } = useEditor();
  return (
    <Field path="ccDepartmentIds" label={t("cat.field.ccDepartmentIds")} extra={t("cat.field.ccHint")}>
      <Select<string[]>
        id={inputId("ccDepartmentIds")}
        mode="multiple"
        value={guide.ccDepartmentIds}
        disabled={disabled}
        placeholder={t("cat.field.ccPlaceholder")}
        showSearch={{ optionFilterProp: "label" }}
        options={departments.filter((d) => d.id !== leadDepartmentId).map((d) => ({ value: d.id, label: d.name }))}
        onChange={(ccDepartmentIds) => change({ ccDepartmentIds })}
      />
    </Field>
  );
}
