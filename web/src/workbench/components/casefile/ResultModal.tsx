import { AutoComplete, Form, Input, InputNumber, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import { caseCommands, type CaseResult, type CaseDetail } from "../../../common/data/cases.ts";
import { ActionModal } from "./ActionModal.tsx";
import { useCaseAction } from "./useCaseAction.ts";

interface Values {
  departmentId: string;
  result: CaseResult;
  certificateType?: string;
  certificateName?: string;
  validYears?: number | null;
}

interface ResultBody {
  departmentId: string;
  result: CaseResult;
  certificateType?: string;
  certificateName?: string;
  validYears?: number;
}

function bodyOf(v: Values): ResultBody {
  const body: ResultBody = { departmentId: v.departmentId, result: v.result };
  if (v.result === "approved" && v.certificateType?.trim()) {
    body.certificateType = v.certificateType.trim();
    if (v.certificateName?.trim()) body.certificateName = v.certificateName.trim();
    if (v.validYears) body.validYears = v.validYears;
  }
  return body;
}

/**
 * 出具本部门结果: an assisting department's own result on a joint case (e.g. its licence); the lead
 * department collects every result and delivers them together (R31).
 */
export function ResultModal({ detail, departments, open, onClose }: { detail: CaseDetail; departments: { id: string; name: string }[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const result = Form.useWatch("result", form) ?? "approved";
  const record = useCaseAction(
    detail.id,
    (body: ResultBody) => caseCommands.recordResult(detail.id, body),
    (r) => (r.certificateNo ? t("cw.result.doneWithCert", { no: r.certificateNo }) : t("cw.result.done")),
  );
  const close = () => {
    form.resetFields();
    record.reset();
    onClose();
  };
  // Certificate types the case's materials name are the likely ones (e.g. 辐射安全许可证).
  const typeOptions = [...new Set(detail.materials.map((m) => (m as { certificateType?: string }).certificateType).filter((x): x is string => !!x))].map((value) => ({ value }));
  const lead = detail.item.department?.name ?? "";
  return (
    <ActionModal
      open={open}
      title={t("cw.result.title")}
      okText={t("cw.result.ok")}
      effects={[result === "approved" ? t("cw.result.effectApproved") : t("cw.result.effectDenied"), t("cw.result.effectCollect", { lead })]}
      notify={t("cw.result.notify", { lead })}
      loading={record.isPending}
      error={record.error}
      onOk={() => form.submit()}
      onCancel={close}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ departmentId: departments[0]?.id, result: "approved" }}
        onFinish={(v) => record.mutate(bodyOf(v), { onSuccess: close })}
      >
        <Form.Item name="departmentId" label={t("cw.result.department")} rules={[{ required: true }]}>
          <Select options={departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
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
        {result === "approved" && (
          <>
            <Form.Item name="certificateType" label={t("cw.result.certificateType")} extra={t("cw.result.certificateTypeHint")}>
              <AutoComplete options={typeOptions} allowClear />
            </Form.Item>
            <Form.Item name="certificateName" label={t("cw.result.certificateName")}>
              <Input maxLength={100} placeholder={t("cw.result.certificateNamePlaceholder")} />
            </Form.Item>
            <Form.Item name="validYears" label={t("cw.result.validYears")}>
              <InputNumber min={1} max={50} style={{ width: 160 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </ActionModal>
  );
}
