import { deliveryMethods, isDeliveryAddress, isDeliveryPhone, type DeliveryMethod } from "@cq/contracts";
import { Alert, App, Button, Form, Input, Radio, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../common/api/errors.ts";
import { DeliveryChoiceView, PickupPlaceView } from "../../../common/components/DeliveryChoiceView.tsx";
import { Section } from "../../../common/components/Misc.tsx";
import { caseCommands, useCaseCommand, type CaseDetail, type DeliveryChoiceRequest } from "../../../common/data/cases.ts";

interface Values {
  method: DeliveryMethod;
  recipientName?: string;
  phone?: string;
  address?: string;
}

const bodyOf = (v: Values): DeliveryChoiceRequest =>
  v.method === "mail" ? { method: "mail", recipientName: v.recipientName?.trim() ?? "", phone: v.phone?.trim() ?? "", address: v.address?.trim() ?? "" } : { method: v.method };

const mailFields = ["recipientName", "phone", "address"] as const;

/**
 * 结果送达方式: the applicant chooses pick-up (with the hall's address and hours), mail (recipient,
 * phone, full address) or electronic delivery, and may change it until the decision — as far as
 * the server's `chooseDelivery` ability allows.
 */
export function DeliveryChoiceSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const choice = detail.deliveryChoice;
  const can = detail.abilities.chooseDelivery;
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch("method", form);
  const save = useCaseCommand(detail.id, (body: DeliveryChoiceRequest) => caseCommands.chooseDelivery(detail.id, body), {
    onSuccess: () => {
      setEditing(false);
      void message.success(t("dc.saved"));
    },
    onError: (error) => {
      const fields = isApiError(error) && Array.isArray(error.details?.fields) ? (error.details.fields as string[]) : [];
      const known = mailFields.filter((f) => fields.includes(f));
      if (known.length) form.setFields(known.map((f) => ({ name: f, errors: [t(`dc.invalid.${f}`)] })));
    },
  });
  if (detail.delivery || (!can && !choice)) return null;
  const showForm = can && (editing || !choice);

  return (
    <Section id="delivery-choice" title={t("dc.title")}>
      {showForm ? (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ method: choice?.method, recipientName: choice?.recipientName ?? detail.applicant?.name ?? "", phone: choice?.phone ?? "", address: choice?.address ?? "" }}
          onFinish={(v) => save.mutate(bodyOf(v))}
        >
          <Typography.Paragraph>{t("dc.intro")}</Typography.Paragraph>
          <Form.Item name="method" label={t("dc.method")} rules={[{ required: true, message: t("dc.methodRequired") }]}>
            <Radio.Group>
              <Space orientation="vertical">
                {deliveryMethods.map((m) => (
                  <Radio key={m} value={m}>
                    <strong>{t(`dc.methods.${m}`)}</strong>
                    <span className="muted" style={{ display: "block" }}>{t(`dc.hints.${m}`)}</span>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          {method === "pickup" && detail.pickupPlace && <PickupPlaceView place={detail.pickupPlace} />}
          {method === "mail" && (
            <>
              <Form.Item name="recipientName" label={t("dc.recipientName")} rules={[{ required: true, whitespace: true, message: t("dc.invalid.recipientName") }]}>
                <Input maxLength={60} autoComplete="name" />
              </Form.Item>
              <Form.Item
                name="phone"
                label={t("dc.recipientPhone")}
                rules={[{ validator: async (_, v?: string) => { if (!v || !isDeliveryPhone(v)) throw new Error(t("dc.invalid.phone")); } }]}
              >
                <Input maxLength={20} inputMode="tel" autoComplete="tel" />
              </Form.Item>
              <Form.Item
                name="address"
                label={t("dc.address")}
                rules={[{ validator: async (_, v?: string) => { if (!v || !isDeliveryAddress(v)) throw new Error(t("dc.invalid.address")); } }]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} placeholder={t("dc.addressPlaceholder")} autoComplete="street-address" />
              </Form.Item>
            </>
          )}
          {save.error && !(isApiError(save.error) && save.error.code === "DELIVERY_DETAILS_INVALID") && (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} title={save.error.message} />
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>{t("dc.save")}</Button>
            {choice && <Button onClick={() => setEditing(false)}>{t("dc.cancel")}</Button>}
          </Space>
        </Form>
      ) : choice ? (
        <>
          <DeliveryChoiceView choice={choice} place={detail.pickupPlace} />
          {can ? (
            <Button style={{ marginTop: 12 }} onClick={() => setEditing(true)}>{t("dc.change")}</Button>
          ) : (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t("dc.closed")}</Typography.Paragraph>
          )}
        </>
      ) : null}
    </Section>
  );
}
