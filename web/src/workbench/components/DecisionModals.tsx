import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Form, Input, Modal, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { caseCommands, useCaseCommand, type AcceptResult, type CaseDetail, type NotAcceptResult } from "../../common/data/cases.ts";

/** 受理: says what will happen before it happens. */
export function AcceptModal({ detail, open, onClose, onDone }: { detail: CaseDetail; open: boolean; onClose: () => void; onDone: (r: AcceptResult) => void }) {
  const { t } = useTranslation();
  const accept = useCaseCommand(detail.id, () => caseCommands.accept(detail.id), { onSuccess: onDone });
  const missing = detail.missingMaterials;
  return (
    <Modal
      open={open}
      title={t("wb.accept.title")}
      okText={t("wb.accept.ok")}
      cancelText={t("common.cancel")}
      onOk={() => accept.mutate()}
      onCancel={() => {
        accept.reset();
        onClose();
      }}
      confirmLoading={accept.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph strong>{t("wb.accept.what")}</Typography.Paragraph>
      <ul style={{ paddingInlineStart: 20 }}>
        <li>{t("wb.accept.effect1")}</li>
        <li>{t("wb.accept.effect2", { days: detail.item.promisedDays })}</li>
        <li>{t("wb.accept.effect3")}</li>
      </ul>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: "item", label: t("apply.itemName"), children: detail.item.name },
          { key: "applicant", label: t("apply.applicantName"), children: detail.applicant?.name },
        ]}
      />
      {missing.length > 0 && (
        <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t("wb.accept.missingWarn")} description={missing.map((m) => m.name).join("、")} />
      )}
      {accept.error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={accept.error.message} />}
    </Modal>
  );
}

interface NotAcceptForm {
  reasons: string[];
}

/** 不予受理: a list of specific reasons, at least one; they go into the decision the applicant gets. */
export function NotAcceptModal({ detail, open, onClose, onDone }: { detail: CaseDetail; open: boolean; onClose: () => void; onDone: (r: NotAcceptResult) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NotAcceptForm>();
  const notAccept = useCaseCommand(detail.id, (reasons: string[]) => caseCommands.notAccept(detail.id, reasons), { onSuccess: onDone });
  const presets = t("wb.notAccept.presets", { returnObjects: true }) as string[];

  const addPreset = (text: string) => {
    const current = (form.getFieldValue("reasons") as string[] | undefined) ?? [];
    const filled = current.filter((r) => r && r.trim());
    if (!filled.includes(text)) form.setFieldsValue({ reasons: [...filled, text] });
  };

  return (
    <Modal
      open={open}
      title={t("wb.notAccept.title")}
      okText={t("wb.notAccept.ok")}
      okButtonProps={{ danger: true }}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={() => {
        notAccept.reset();
        onClose();
      }}
      confirmLoading={notAccept.isPending}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph>{t("wb.notAccept.what")}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>{t("wb.notAccept.presetsLabel")}</Typography.Paragraph>
      <Space size={[6, 6]} wrap style={{ marginBottom: 16 }}>
        {presets.map((p) => (
          <Tag.CheckableTag key={p} checked={false} onChange={() => addPreset(p)} style={{ border: "1px dashed #d0d5dd", whiteSpace: "normal" }}>
            + {p}
          </Tag.CheckableTag>
        ))}
      </Space>
      <Form<NotAcceptForm>
        form={form}
        layout="vertical"
        initialValues={{ reasons: [""] }}
        onFinish={(v) => notAccept.mutate(v.reasons.map((r) => r.trim()).filter(Boolean))}
      >
        <Form.List
          name="reasons"
          rules={[
            {
              validator: async (_, reasons?: string[]) => {
                if (!reasons || reasons.filter((r) => r && r.trim()).length < 1) throw new Error(t("wb.notAccept.atLeastOne"));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Form.Item key={field.key} label={t("wb.notAccept.reasonN", { n: index + 1 })} required={index === 0} style={{ marginBottom: 12 }}>
                  <Space.Compact style={{ width: "100%" }}>
                    <Form.Item name={field.name} noStyle rules={[{ required: index === 0, whitespace: true, message: t("wb.notAccept.reasonRequired") }]}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} aria-label={t("wb.notAccept.reasonN", { n: index + 1 })} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t("wb.notAccept.removeReason", { n: index + 1 })} />
                    )}
                  </Space.Compact>
                </Form.Item>
              ))}
              <Button type="dashed" onClick={() => add("")} icon={<PlusOutlined />} block>
                {t("wb.notAccept.addReason")}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
      {notAccept.error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={notAccept.error.message} />}
    </Modal>
  );
}
