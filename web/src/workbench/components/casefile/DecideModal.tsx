import { Form, Input, Radio } from "antd";
import { useTranslation } from "react-i18next";
import { caseCommands, type CaseResult, type CaseDetail } from "../../../common/data/cases.ts";
import { ActionModal } from "./ActionModal.tsx";
import { useCaseAction } from "./useCaseAction.ts";

interface Values {
  result: CaseResult;
  reasons?: string;
}

/** 审批决定: approve (the certificate goes into the library) or deny with reasons and the applicant's rights. */
export function DecideModal({ detail, open, onClose }: { detail: CaseDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const result = Form.useWatch("result", form) ?? "approved";
  const decide = useCaseAction(
    detail.id,
    (body: { result: CaseResult; reasons?: string }) => caseCommands.decide(detail.id, body),
    (r, body) =>
      body.result === "approved"
        ? r.certificates.length
          ? t("cw.decide.doneApprovedWithCert", { no: r.certificates.map((c) => c.certificateNo).join("、") })
          : t("cw.decide.doneApproved")
        : t("cw.decide.doneDenied"),
  );
  const close = () => {
    form.resetFields();
    decide.reset();
    onClose();
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
      width={680}
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
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ result: "approved" }}
        onFinish={(v) => decide.mutate({ result: v.result, ...(v.reasons?.trim() ? { reasons: v.reasons.trim() } : {}) }, { onSuccess: close })}
      >
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
      </Form>
    </ActionModal>
  );
}
