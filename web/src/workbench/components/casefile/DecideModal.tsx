import { Alert, DatePicker, Divider, Form, Input, Radio, Space, Spin, Typography } from "antd";
import dayjs from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { incompleteFieldsOf } from "../../../common/api/errors.ts";
import { caseCommands, useCertificateDraft, type CaseResult, type CaseDetail, type DraftParticular } from "../../../common/data/cases.ts";
import { ActionModal } from "./ActionModal.tsx";
import { useCaseAction } from "./useCaseAction.ts";

interface Values {
  result: CaseResult;
  reasons?: string;
  particulars?: Record<string, string>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date particular: picked from a calendar, kept as the YYYY-MM-DD the server expects. */
function DayInput({ value, onChange, disabled, id }: { value?: string; onChange?: (v: string) => void; disabled?: boolean; id?: string }) {
  const day = value && DAY.test(value) ? dayjs(value) : null;
  return (
    <DatePicker
      id={id}
      style={{ width: "100%" }}
      format="YYYY-MM-DD"
      value={day}
      disabled={disabled}
      onChange={(d) => onChange?.(d ? d.format("YYYY-MM-DD") : "")}
    />
  );
}

/** One particular of the certificate as the server describes it: its label, required mark, type; computed ones read-only. */
function ParticularItem({ p }: { p: DraftParticular }) {
  const { t } = useTranslation();
  const rules = [
    ...(p.required && !p.readOnly ? [{ required: true, whitespace: true, message: t("cw.decide.particularRequired", { label: p.label }) }] : []),
    ...(p.type === "date" && !p.readOnly ? [{ pattern: DAY, message: t("cw.decide.particularDate") }] : []),
  ];
  return (
    <Form.Item name={["particulars", p.key]} label={p.label} required={p.required} rules={rules} style={{ marginBottom: 12 }}>
      {p.type === "textarea" ? (
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} disabled={p.readOnly} />
      ) : p.type === "date" ? (
        <DayInput disabled={p.readOnly} />
      ) : (
        <Input maxLength={2000} disabled={p.readOnly} />
      )}
    </Form.Item>
  );
}

/**
 * 审批决定: approve (the certificate goes into the library, with the particulars the decider checked
 * here) or deny with reasons and the applicant's rights.
 */
export function DecideModal({ detail, open, onClose }: { detail: CaseDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const result = Form.useWatch("result", form) ?? "approved";
  const draft = useCertificateDraft(detail.id, open);
  const certificate = draft.data?.certificate ?? null;
  const decide = useCaseAction(
    detail.id,
    (body: { result: CaseResult; reasons?: string; particulars?: Record<string, string> }) => caseCommands.decide(detail.id, body),
    (r, body) =>
      body.result === "approved"
        ? r.certificates.length
          ? t("cw.decide.doneApprovedWithCert", { no: r.certificates.map((c) => c.certificateNo).join("、") })
          : t("cw.decide.doneApproved")
        : t("cw.decide.doneDenied"),
  );

  // The pre-filled values, once the server has sent them (the fields are not touched before).
  useEffect(() => {
    if (certificate && !form.isFieldsTouched()) form.setFieldsValue({ particulars: Object.fromEntries(certificate.particulars.map((p) => [p.key, p.value])) });
  }, [certificate, form]);

  // The server names the particulars it refused: mark them.
  useEffect(() => {
    const refused = incompleteFieldsOf(decide.error);
    if (!certificate || !refused.length) return;
    const keys = new Set(certificate.particulars.map((p) => p.key));
    form.setFields(refused.filter((k) => keys.has(k)).map((k) => ({ name: ["particulars", k], errors: [t("cw.decide.particularsRejected")] })));
  }, [decide.error, certificate, form, t]);

  const close = () => {
    form.resetFields();
    decide.reset();
    onClose();
  };
  const submit = (v: Values) => {
    const particulars =
      v.result === "approved" && certificate
        ? Object.fromEntries(certificate.particulars.filter((p) => !p.readOnly).map((p) => [p.key, (v.particulars?.[p.key] ?? "").trim()]))
        : undefined;
    decide.mutate({ result: v.result, ...(v.reasons?.trim() ? { reasons: v.reasons.trim() } : {}), ...(particulars ? { particulars } : {}) }, { onSuccess: close });
  };
  const opinions = (detail.tasks ?? []).filter((x) => x.status === "done" && x.opinion && x.kind !== "accept");
  return (
    <ActionModal
      open={open}
      title={t("cw.decide.title")}
      okText={t("cw.decide.ok")}
      danger={result === "denied"}
      effects={result === "approved" ? [t("cw.decide.effectApproved1"), t("cw.decide.effectApproved2"), t("cw.decide.effectNext")] : [t("cw.decide.effectDenied1"), t("cw.decide.effectDenied2"), t("cw.decide.effectNext")]}
      notify={t("cw.decide.notify")}
      loading={decide.isPending}
      error={decide.error}
      width={720}
      onOk={() => form.submit()}
      onCancel={close}
    >
      {opinions.length > 0 && (
        <details style={{ marginBottom: 12 }}>
          <summary style={{ cursor: "pointer" }}>{t("cw.decide.opinions", { count: opinions.length })}</summary>
          <ul style={{ paddingInlineStart: 20 }}>
            {opinions.map((x) => (
              <li key={x.id}>
                <strong>{x.name}</strong> · {x.department.name} · {t(`cw.task.outcome.${x.outcome ?? "pass"}`)}
                <div className="prose muted">{x.opinion}</div>
              </li>
            ))}
          </ul>
        </details>
      )}
      <Form<Values> form={form} layout="vertical" initialValues={{ result: "approved" }} onFinish={submit} scrollToFirstError>
        <Form.Item name="result" label={t("cw.decide.result")} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: "approved", label: t("result.approved") },
              { value: "denied", label: t("result.denied") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reasons"
          label={result === "denied" ? t("cw.decide.reasonsDenied") : t("cw.decide.reasonsApproved")}
          rules={result === "denied" ? [{ required: true, whitespace: true, message: t("cw.decide.reasonsRequired") }] : []}
          extra={result === "denied" ? t("cw.decide.reasonsDeniedHint") : undefined}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
        </Form.Item>
        {result === "approved" && draft.isPending && (
          <Space>
            <Spin size="small" />
            <Typography.Text type="secondary">{t("cw.decide.particularsLoading")}</Typography.Text>
          </Space>
        )}
        {result === "approved" && draft.isError && <Alert type="warning" showIcon title={t("cw.decide.particularsFailed")} />}
        {/* Not shown for a denial; the form keeps what was changed should the decider switch back. */}
        {result === "approved" && certificate && (
          <section aria-label={t("cw.decide.particulars")}>
            <Divider titlePlacement="start" style={{ marginTop: 4 }}>
              {t("cw.decide.particulars")}
            </Divider>
            <Typography.Paragraph type="secondary">{t("cw.decide.particularsIntro", { name: certificate.heading })}</Typography.Paragraph>
            {certificate.particulars.map((p) => (
              <ParticularItem key={p.key} p={p} />
            ))}
          </section>
        )}
      </Form>
    </ActionModal>
  );
}
