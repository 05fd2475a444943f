import { Alert, App, Form, Input, Modal, Radio, Select, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ComplaintFiled } from "@cq/contracts";
import { formatDate } from "../../common/format.ts";
import { atLeast } from "../../common/validators.ts";
import { useDepartments } from "../../common/data/catalog.ts";
import { useMyCaseOptions } from "../../common/data/cases.ts";
import { useFileComplaint } from "../../common/data/engagement.ts";

type Target = "case" | "department";

interface ComplaintFormValues {
  target: Target;
  caseId?: string;
  departmentId?: string;
  subject: string;
  text: string;
}

/**
 * 我要投诉: a complaint about one of the applicant's cases (prefilled when opened from the case page)
 * or about a department (POST /api/complaints). The department's head replies by the due date.
 */
export function ComplaintFormModal({
  caseId,
  caseLabel,
  onClose,
  onFiled,
}: {
  /** Prefills the case the complaint is about. */
  caseId?: string | undefined;
  /** How to name the prefilled case if it is not among the listed ones. */
  caseLabel?: string | undefined;
  onClose: () => void;
  onFiled?: (created: ComplaintFiled) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ComplaintFormValues>();
  const target = Form.useWatch("target", form) ?? "case";
  const cases = useMyCaseOptions();
  const departments = useDepartments();

  const caseOptions = useMemo(() => {
    const list = (cases.data ?? []).map((c) => ({
      value: c.id,
      label: t("eng.cmp.form.caseOption", { item: c.itemName, code: c.supervisionCode ?? t("eng.cmp.form.noCode") }),
    }));
    if (caseId && !list.some((o) => o.value === caseId)) list.unshift({ value: caseId, label: caseLabel ?? caseId });
    return list;
  }, [cases.data, caseId, caseLabel, t]);
  const departmentOptions = useMemo(
    () => (departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.regionName && !d.name.includes(d.regionName) ? `${d.name}（${d.regionName}）` : d.name })),
    [departments.data],
  );
  const noCases = target === "case" && !caseId && cases.isSuccess && caseOptions.length === 0;

  const file = useFileComplaint((created) => {
    void message.success(t("eng.cmp.form.done", { date: formatDate(created.replyDueDate) }));
    onFiled?.(created);
    onClose();
  });

  const finish = (v: ComplaintFormValues) =>
    file.mutate({
      subject: v.subject.trim(),
      text: v.text.trim(),
      ...(v.target === "case" && v.caseId ? { caseId: v.caseId } : {}),
      ...(v.target === "department" && v.departmentId ? { departmentId: v.departmentId } : {}),
    });

  return (
    <Modal
      open
      title={t("eng.cmp.form.title")}
      okText={t("eng.cmp.form.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={file.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t("eng.cmp.form.intro")}</Typography.Paragraph>
      <Form<ComplaintFormValues>
        form={form}
        name="complaint"
        layout="vertical"
        initialValues={{ target: "case", caseId }}
        onFinish={finish}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { focus: true })}
      >
        <Form.Item name="target" label={<span id="complaint-target-label">{t("eng.cmp.form.target")}</span>}>
          <Radio.Group
            aria-labelledby="complaint-target-label"
            options={[
              { value: "case", label: t("eng.cmp.form.targetCase") },
              { value: "department", label: t("eng.cmp.form.targetDepartment") },
            ]}
          />
        </Form.Item>
        {target === "case" ? (
          <Form.Item
            name="caseId"
            label={t("eng.cmp.form.case")}
            rules={[{ required: true, message: t("eng.cmp.form.caseRequired") }]}
            extra={noCases ? t("eng.cmp.form.noCases") : undefined}
          >
            <Select
              placeholder={t("eng.cmp.form.casePlaceholder")}
              loading={cases.isLoading}
              options={caseOptions}
              showSearch={{ optionFilterProp: "label" }}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        ) : (
          <Form.Item name="departmentId" label={t("eng.cmp.form.department")} rules={[{ required: true, message: t("eng.cmp.form.departmentRequired") }]}>
            <Select
              placeholder={t("eng.cmp.form.departmentPlaceholder")}
              loading={departments.isLoading}
              options={departmentOptions}
              showSearch={{ optionFilterProp: "label" }}
            />
          </Form.Item>
        )}
        <Form.Item
          name="subject"
          required
          label={t("eng.cmp.form.subject")}
          rules={[{ validator: atLeast(2, t("eng.cmp.form.subjectRequired")) }]}
        >
          <Input maxLength={100} showCount aria-required="true" />
        </Form.Item>
        <Form.Item
          name="text"
          required
          label={t("eng.cmp.form.text")}
          extra={t("eng.cmp.form.textHint")}
          rules={[{ validator: atLeast(5, t("eng.cmp.form.textRequired")) }]}
        >
          <Input.TextArea rows={6} maxLength={2000} showCount aria-required="true" />
        </Form.Item>
      </Form>
      {file.isError && <Alert type="error" showIcon role="alert" title={file.error.message} />}
    </Modal>
  );
}
