import { Button, Descriptions, Form, Space } from "antd";
import type { FormInstance } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { FieldInput } from "../../../common/components/FieldInput.tsx";
import { fromFormData, toFormData, type Values } from "../../../common/formData.ts";
import { type FormData } from "../../../common/data/cases.ts";
import { type FormField } from "../../../common/data/catalog.ts";
import { type Me } from "../../../common/data/me.ts";

export function FormStep({
  fields,
  initial,
  me,
  saving,
  onNext,
  form,
  serverFieldErrors,
}: {
  fields: FormField[];
  initial: Record<string, unknown> | undefined;
  me: Me;
  saving: boolean;
  onNext: (data: FormData) => void;
  form: FormInstance<Values>;
  serverFieldErrors: string[];
}) {
  const { t } = useTranslation();

  useEffect(() => {
    if (initial) form.setFieldsValue(fromFormData(fields, initial));
  }, [initial, fields, form]);

  useEffect(() => {
    if (serverFieldErrors.length)
      form.setFields(serverFieldErrors.map((key) => ({ name: key, errors: [t("apply.fieldRequired")] })));
  }, [serverFieldErrors, form, t]);

  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 24 }}
        title={t("apply.applicant")}
        items={[
          { key: "name", label: t("apply.applicantName"), children: me.name },
          { key: "type", label: t("apply.applicantType"), children: me.applicantType ? t(`applicantType.${me.applicantType}`) : "—" },
        ]}
      />
      <Form<Values> form={form} layout="vertical" onFinish={(values) => onNext(toFormData(fields, values))} scrollToFirstError>
        {fields.map((field) => (
          <Form.Item
            key={field.key}
            name={field.key}
            label={field.label}
            rules={field.required ? [{ required: true, message: t("apply.fieldRequiredNamed", { label: field.label }) }] : []}
          >
            <FieldInput field={field} />
          </Form.Item>
        ))}
        {fields.length === 0 && <p className="muted">{t("apply.noFormFields")}</p>}
        <Space>
          <Button type="primary" htmlType="submit" size="large" loading={saving}>
            {t("apply.saveAndNext")}
          </Button>
        </Space>
      </Form>
    </>
  );
}
