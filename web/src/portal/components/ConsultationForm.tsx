import { Alert, App, Form, Input, Modal, Radio, Select, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { consultationReplyWorkingDays, type ConsultationKind } from "@cq/contracts";
import { formatDate } from "../../common/format.ts";
import { atLeast } from "../../common/validators.ts";
import { useDepartments } from "../../common/data/catalog.ts";
import { useMyCaseOptions } from "../../common/data/cases.ts";
import { useAskConsultation } from "../../common/data/consultations.ts";

type Target = "item" | "case" | "department";

interface Values {
  kind: ConsultationKind;
  target: Target;
  caseId?: string;
  departmentId?: string;
  subject: string;
  text: string;
}

/**
 * 我要咨询: a question or suggestion about an item (opened from its guide), a case of the applicant's
 * (opened from the case page) or a department (POST /api/consultations).
 */
export function ConsultationFormModal({
  item,
  caseId,
  departmentId,
  onClose,
}: {
  item?: { id: string; name: string } | undefined;
  caseId?: string | undefined;
  departmentId?: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const initialTarget: Target = item ? "item" : departmentId ? "department" : "case";
  const target = Form.useWatch("target", form) ?? initialTarget;
  const cases = useMyCaseOptions();
  const departments = useDepartments();
  const caseOptions = useMemo(() => {
    const list = (cases.data ?? []).map((c) => ({ value: c.id, label: t("cst.form.caseOption", { item: c.itemName, code: c.supervisionCode ?? t("cst.noCode") }) }));
    if (caseId && !list.some((o) => o.value === caseId)) list.unshift({ value: caseId, label: t("cst.case") });
    return list;
  }, [cases.data, caseId, t]);
  const departmentOptions = useMemo(() => (departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })), [departments.data]);

  const ask = useAskConsultation((created) => {
    void message.success(t("cst.form.done", { name: created.assignee.name, date: formatDate(created.replyDueDate) }));
    onClose();
  });
  const finish = (v: Values) =>
    ask.mutate({
      kind: v.kind,
      subject: v.subject.trim(),
      text: v.text.trim(),
      ...(v.target === "item" && item ? { itemId: item.id } : {}),
      ...(v.target === "case" && v.caseId ? { caseId: v.caseId } : {}),
      ...(v.target === "department" && v.departmentId ? { departmentId: v.departmentId } : {}),
    });

  return (
    <Modal
      open
      title={t("cst.form.title")}
      okText={t("cst.form.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={ask.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t("cst.form.intro", consultationReplyWorkingDays)}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="consultation"
        layout="vertical"
        initialValues={{ kind: "question", target: initialTarget, caseId, departmentId }}
        onFinish={finish}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { focus: true })}
      >
        <Form.Item name="kind" label={<span id="consultation-kind-label">{t("cst.form.kind")}</span>}>
          <Radio.Group aria-labelledby="consultation-kind-label" options={[{ value: "question", label: t("cst.kind.question") }, { value: "suggestion", label: t("cst.kind.suggestion") }]} />
        </Form.Item>
        <Form.Item name="target" label={<span id="consultation-target-label">{t("cst.form.target")}</span>}>
          <Radio.Group
            aria-labelledby="consultation-target-label"
            options={[
              ...(item ? [{ value: "item", label: t("cst.form.targetItem") }] : []),
              { value: "case", label: t("cst.form.targetCase") },
              { value: "department", label: t("cst.form.targetDepartment") },
            ]}
          />
        </Form.Item>
        {target === "item" && item ? (
          <Typography.Paragraph>{t("cst.form.itemFixed", { name: item.name })}</Typography.Paragraph>
        ) : target === "case" ? (
          <Form.Item name="caseId" label={t("cst.form.case")} rules={[{ required: true, message: t("cst.form.caseRequired") }]}>
            <Select placeholder={t("cst.form.casePlaceholder")} loading={cases.isLoading} options={caseOptions} showSearch={{ optionFilterProp: "label" }} popupMatchSelectWidth={false} />
          </Form.Item>
        ) : (
          <Form.Item name="departmentId" label={t("cst.form.department")} rules={[{ required: true, message: t("cst.form.departmentRequired") }]}>
            <Select placeholder={t("cst.form.departmentPlaceholder")} loading={departments.isLoading} options={departmentOptions} showSearch={{ optionFilterProp: "label" }} />
          </Form.Item>
        )}
        <Form.Item name="subject" required label={t("cst.form.subject")} rules={[{ validator: atLeast(2, t("cst.form.subjectRequired")) }]}>
          <Input maxLength={100} showCount aria-required="true" />
        </Form.Item>
        <Form.Item name="text" required label={t("cst.form.text")} rules={[{ validator: atLeast(5, t("cst.form.textRequired")) }]}>
          <Input.TextArea rows={6} maxLength={2000} showCount aria-required="true" />
        </Form.Item>
      </Form>
      {ask.isError && <Alert type="error" showIcon role="alert" title={ask.error.message} />}
    </Modal>
  );
}
