import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, Form, Input, Modal, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { caseCommands, useCaseCommand, type SupplementNoticeResult, type CaseDetail } from "../../common/data/cases.ts";

interface SupplementForm {
  materials: Record<string, { checked?: boolean; reason?: string }>;
  others: string[];
}

/** The items of a supplement notice from the form: checked materials with their reasons, then free items. */
export function supplementItems(values: SupplementForm): { materialId?: string; reason: string }[] {
  const fromMaterials = Object.entries(values.materials ?? {})
    .filter(([, v]) => v?.checked && v.reason?.trim())
    .map(([materialId, v]) => ({ materialId, reason: (v.reason ?? "").trim() }));
  const others = (values.others ?? []).map((r) => r?.trim()).filter((r): r is string => Boolean(r)).map((reason) => ({ reason }));
  return [...fromMaterials, ...others];
}

/** 补齐补正一次性告知: everything missing or wrong, listed at once (one notice per submission round). */
export function SupplementModal({ detail, open, onClose, onDone }: { detail: CaseDetail; open: boolean; onClose: () => void; onDone: (r: SupplementNoticeResult) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SupplementForm>();
  const notice = useCaseCommand(detail.id, (items: { materialId?: string; reason: string }[]) => caseCommands.requestSupplement(detail.id, items), { onSuccess: onDone });
  const missing = new Set(detail.missingMaterials.map((m) => m.materialId));
  const initialMaterials = Object.fromEntries(
    detail.materials.map((m) => [m.materialId, missing.has(m.materialId) ? { checked: true, reason: t("wb.supplement.missingReason") } : { checked: false, reason: "" }]),
  );

  return (
    <Modal
      open={open}
      title={t("wb.supplement.title")}
      okText={t("wb.supplement.ok")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={() => {
        notice.reset();
        onClose();
      }}
      confirmLoading={notice.isPending}
      destroyOnHidden
      width={720}
    >
      <Typography.Paragraph>{t("wb.supplement.what")}</Typography.Paragraph>
      <Form<SupplementForm>
        form={form}
        layout="vertical"
        initialValues={{ materials: initialMaterials, others: [] }}
        onFinish={(values) => {
          const items = supplementItems(values);
          if (items.length === 0) {
            form.setFields([{ name: "others", errors: [t("wb.supplement.atLeastOne")] }]);
            return;
          }
          notice.mutate(items);
        }}
      >
        {detail.materials.map((m) => (
          <div key={m.materialId} style={{ borderBottom: "1px solid #f0f0f0", padding: "8px 0" }}>
            <Form.Item name={["materials", m.materialId, "checked"]} valuePropName="checked" style={{ marginBottom: 4 }}>
              <Checkbox>
                {m.name}
                {m.uploads.length === 0 ? <Typography.Text type="warning">（{t("materials.notYet")}）</Typography.Text> : null}
              </Checkbox>
            </Form.Item>
            <Form.Item noStyle shouldUpdate>
              {({ getFieldValue }) =>
                getFieldValue(["materials", m.materialId, "checked"]) ? (
                  <Form.Item
                    name={["materials", m.materialId, "reason"]}
                    rules={[{ required: true, whitespace: true, message: t("wb.supplement.reasonRequired") }]}
                    style={{ marginBottom: 4, marginInlineStart: 24 }}
                  >
                    <Input placeholder={t("wb.supplement.reasonPlaceholder")} aria-label={t("wb.supplement.reasonFor", { name: m.name })} maxLength={1000} />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          </div>
        ))}
        <Typography.Paragraph strong style={{ margin: "12px 0 6px" }}>{t("wb.supplement.others")}</Typography.Paragraph>
        <Form.List name="others">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Space.Compact key={field.key} style={{ width: "100%", marginBottom: 8 }}>
                  <Form.Item name={field.name} noStyle>
                    <Input aria-label={t("wb.supplement.otherN", { n: index + 1 })} maxLength={1000} />
                  </Form.Item>
                  <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t("wb.notAccept.removeReason", { n: index + 1 })} />
                </Space.Compact>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add("")}>{t("wb.supplement.addOther")}</Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
      {notice.error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={notice.error.message} />}
    </Modal>
  );
}
