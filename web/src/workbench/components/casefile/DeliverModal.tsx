import { deliveryMethods, type DeliveryMethod } from "@cq/contracts";
import { Alert, Checkbox, Form, Input, Radio, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { caseCommands, type CaseDetail } from "../../../common/data/cases.ts";
import { isApiError } from "../../../common/api/errors.ts";
import { ActionModal } from "./ActionModal.tsx";
import { involvedDepartments } from "./access.ts";
import { useCaseAction } from "./useCaseAction.ts";

interface Values {
  method: DeliveryMethod;
  recipientName?: string;
  idChecked?: boolean;
  address?: string;
  trackingNo?: string;
}

interface DeliverBody {
  method: DeliveryMethod;
  idChecked?: boolean;
  recipientName?: string;
  address?: string;
  trackingNo?: string;
}

function bodyOf(v: Values): DeliverBody {
  const body: DeliverBody = { method: v.method };
  const name = v.recipientName?.trim();
  if (v.method === "pickup") {
    body.idChecked = !!v.idChecked;
    if (name) body.recipientName = name;
  }
  if (v.method === "mail") {
    body.address = v.address?.trim() ?? "";
    body.trackingNo = v.trackingNo?.trim() ?? "";
    if (name) body.recipientName = name;
  }
  return body;
}

/** 送达: hands every department's result over at once and closes the case (R31). */
export function DeliverModal({ detail, open, onClose }: { detail: CaseDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch("method", form) ?? "pickup";
  const deliver = useCaseAction(
    detail.id,
    (body: DeliverBody) => caseCommands.deliver(detail.id, body),
    () => t("cw.deliver.done"),
  );
  const close = () => {
    form.resetFields();
    deliver.reset();
    onClose();
  };
  const names = new Map(involvedDepartments(detail).map((d) => [d.id, d.name]));
  const describeError = (error: Error) => {
    if (!isApiError(error) || error.code !== "RESULTS_PENDING") return null;
    const ids = Array.isArray(error.details?.departments) ? (error.details.departments as unknown[]).filter((d): d is string => typeof d === "string") : [];
    return ids.length ? <div>{t("cw.deliver.pending", { departments: ids.map((id) => names.get(id) ?? id).join("、") })}</div> : null;
  };
  const results = detail.results ?? [];
  // Pre-filled with the applicant's choice (送达方式); the window may still deliver otherwise.
  const choice = detail.deliveryChoice;
  const initial: Values = {
    method: choice?.method ?? "pickup",
    recipientName: choice?.recipientName ?? detail.applicant?.name ?? "",
    ...(choice?.address ? { address: choice.address } : {}),
  };
  return (
    <ActionModal
      open={open}
      title={t("cw.deliver.title")}
      okText={t("cw.deliver.ok")}
      effects={[t("cw.deliver.effect1", { count: results.length }), t(`cw.deliver.effect.${method}`), t("cw.deliver.effect2")]}
      notify={t("cw.deliver.notify")}
      loading={deliver.isPending}
      error={deliver.error}
      describeError={describeError}
      onOk={() => form.submit()}
      onCancel={close}
    >
      {results.length > 0 && (
        <ul style={{ paddingInlineStart: 20 }} aria-label={t("cw.results.title")}>
          {results.map((r) => (
            <li key={r.department.id}>
              {r.department.name} · {t(`result.${r.result}`)}
              {r.certificateNo && <span className="mono"> · {r.certificateNo}</span>}
            </li>
          ))}
        </ul>
      )}
      {choice && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("dc.staff.prefilled", { method: t(`dc.methods.${choice.method}`) })}
          description={choice.phone ? t("dc.staff.phoneNote", { phone: choice.phone }) : undefined}
        />
      )}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => deliver.mutate(bodyOf(v), { onSuccess: close })}>
        <Form.Item name="method" label={t("cw.deliver.method")} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={deliveryMethods.map((m) => ({ value: m, label: t(`cw.deliver.methods.${m}`) }))}
          />
        </Form.Item>
        {method !== "electronic" && (
          <Form.Item name="recipientName" label={t("cw.deliver.recipientName")}>
            <Input maxLength={60} autoComplete="off" />
          </Form.Item>
        )}
        {method === "pickup" && (
          <Form.Item
            name="idChecked"
            valuePropName="checked"
            rules={[{ validator: async (_, v?: boolean) => { if (!v) throw new Error(t("cw.deliver.idCheckRequired")); } }]}
          >
            <Checkbox>{t("cw.deliver.idChecked")}</Checkbox>
          </Form.Item>
        )}
        {method === "mail" && (
          <>
            <Form.Item name="address" label={t("cw.deliver.address")} rules={[{ required: true, whitespace: true, message: t("cw.deliver.addressRequired") }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} />
            </Form.Item>
            <Form.Item name="trackingNo" label={t("cw.deliver.trackingNo")} rules={[{ required: true, whitespace: true, message: t("cw.deliver.trackingNoRequired") }]}>
              <Input maxLength={64} className="mono" />
            </Form.Item>
          </>
        )}
        {method === "electronic" && <Typography.Paragraph type="secondary">{t("cw.deliver.electronicHint")}</Typography.Paragraph>}
      </Form>
    </ActionModal>
  );
}
