import { Alert, Button, Descriptions, Empty, Form, Select, Skeleton, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { incompleteFieldsOf } from "../../../common/api/errors.ts";
import { useHallItems, useItem } from "../../../common/data/catalog.ts";
import { useCreateCase } from "../../../common/data/cases.ts";
import { FieldInput } from "../../../common/components/FieldInput.tsx";
import { toFormData, type Values } from "../../../common/formData.ts";
import type { HallApplicant } from "./ApplicantStep.tsx";

/** Step 2: choose the item (from the clerk's department's catalog) and fill in the application form. */
export function ItemFormStep({ applicant, departmentIds, onCreated }: { applicant: HallApplicant; departmentIds: string[]; onCreated: (caseId: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [itemId, setItemId] = useState<string>();
  const [form] = Form.useForm<Values>();
  const departmentId = departmentIds.length === 1 ? departmentIds[0] : undefined;
  const items = useHallItems(q, departmentId, applicant.type);
  const options = (items.data?.items ?? []).filter((i) => departmentIds.length === 0 || departmentIds.includes(i.department.id));
  const guide = useItem(itemId);
  const create = useCreateCase({
    onSuccess: (r) => onCreated(r.id),
    onError: (error) => {
      const fields = incompleteFieldsOf(error);
      if (fields.length) form.setFields(fields.map((name) => ({ name, errors: [t("apply.fieldRequired")] })));
    },
  });

  return (
    <div>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: "name", label: t("apply.applicantName"), children: applicant.name },
          { key: "type", label: t("apply.applicantType"), children: t(`applicantType.${applicant.type}`) },
        ]}
      />
      <label htmlFor="hall-item" style={{ display: "block", fontWeight: 500, marginBottom: 6 }}>{t("cw.hall.item")}</label>
      <Select
        id="hall-item"
        size="large"
        style={{ width: "100%", maxWidth: 640 }}
        showSearch={{ filterOption: false, onSearch: setQ }}
        placeholder={t("cw.hall.itemPlaceholder")}
        value={itemId}
        onChange={(v: string) => {
          setItemId(v);
          form.resetFields();
          create.reset();
        }}
        loading={items.isFetching}
        notFoundContent={items.isFetching ? t("common.loading") : t("cw.hall.noItems")}
        options={options.map((i) => ({ value: i.id, label: i.department ? `${i.name}（${i.department.name}）` : i.name }))}
      />
      {itemId && guide.isLoading && <Skeleton active style={{ marginTop: 16 }} />}
      {guide.error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={guide.error.message} />}
      {guide.data && (
        <div style={{ marginTop: 20 }}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color="blue">{guide.data.department?.name}</Tag>
            <span>{t("items.promised", { days: guide.data.promisedDays })}</span>
            {(guide.data.assistingDepartments?.length ?? 0) > 0 && <Tag>{t("items.multiDepartment")}</Tag>}
          </Space>
          <Typography.Title level={3} style={{ fontSize: "1.1em" }}>{t("apply.reviewForm")}</Typography.Title>
          <Form<Values> form={form} layout="vertical" onFinish={(v) => create.mutate({ itemId: itemId ?? "", formData: toFormData(guide.data.formFields, v), applicantId: applicant.id })} scrollToFirstError style={{ maxWidth: 720 }}>
            {guide.data.formFields.map((field) => (
              <Form.Item key={field.key} name={field.key} label={field.label} rules={field.required ? [{ required: true, message: t("apply.fieldRequiredNamed", { label: field.label }) }] : []}>
                <FieldInput field={field} />
              </Form.Item>
            ))}
            {guide.data.formFields.length === 0 && <Empty description={t("apply.noFormFields")} />}
            {create.error && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 12 }} />}
            <Button type="primary" size="large" htmlType="submit" loading={create.isPending}>{t("cw.hall.create")}</Button>
          </Form>
        </div>
      )}
    </div>
  );
}
