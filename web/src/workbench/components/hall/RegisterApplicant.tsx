import { Alert, Button, Card, Form, Input, Radio } from "antd";
import { useTranslation } from "react-i18next";
import { useRegisterApplicant } from "../../../common/data/hall.ts";
import { isValidCreditCode, isValidIdNumber, isValidPhone } from "../../../common/validators.ts";
import type { HallApplicant, LookupKey } from "../../../common/data/hall.ts";
import { type ApplicantType } from "../../../common/data/catalog.ts";

interface Values {
  type: ApplicantType;
  name: string;
  idNumber?: string;
  creditCode?: string;
  repName?: string;
  repIdNumber?: string;
  phone: string;
}

interface Body {
  type: ApplicantType;
  name: string;
  phone: string;
  idNumber?: string;
  creditCode?: string;
  legalRepresentative?: { name: string; idNumber: string };
}

function bodyOf(v: Values): Body {
  const base = { type: v.type, name: v.name.trim(), phone: v.phone.trim() };
  if (v.type === "person") return { ...base, idNumber: (v.idNumber ?? "").trim().toUpperCase() };
  return {
    ...base,
    creditCode: (v.creditCode ?? "").trim().toUpperCase(),
    ...(v.repName?.trim() && v.repIdNumber?.trim() ? { legalRepresentative: { name: v.repName.trim(), idNumber: v.repIdNumber.trim().toUpperCase() } } : {}),
  };
}

/** Records an applicant who came in person, after checking the ID card or business licence on the spot (R20). */
export function RegisterApplicant({ prefill, onRegistered }: { prefill: { by: LookupKey; value: string }; onRegistered: (a: HallApplicant) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch("type", form) ?? (prefill.by === "creditCode" ? "organization" : "person");
  const register = useRegisterApplicant<Body>(onRegistered);
  const check = (ok: (v: string) => boolean, msg: string) => ({
    validator: async (_: unknown, v?: string) => {
      if (v && !ok(v.trim().toUpperCase())) throw new Error(msg);
    },
  });
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: "1.05em" }}>{t("cw.hall.registerTitle")}</h3>} style={{ marginTop: 16, maxWidth: 640 }}>
      <Alert type="info" showIcon title={t("cw.hall.registerHint")} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          type: prefill.by === "creditCode" ? "organization" : "person",
          ...(prefill.by === "idNumber" ? { idNumber: prefill.value } : {}),
          ...(prefill.by === "creditCode" ? { creditCode: prefill.value } : {}),
          ...(prefill.by === "phone" ? { phone: prefill.value } : {}),
        }}
        onFinish={(v) => register.mutate(bodyOf(v))}
      >
        <Form.Item name="type" label={t("apply.applicantType")}>
          <Radio.Group optionType="button" options={(["person", "organization"] as const).map((x) => ({ value: x, label: t(`applicantType.${x}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={type === "organization" ? t("auth.orgName") : t("auth.realName")} rules={[{ required: true, whitespace: true, message: t("cw.fieldRequired") }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        {type === "person" ? (
          <Form.Item name="idNumber" label={t("auth.idNumber")} rules={[{ required: true, message: t("auth.idNumberRequired") }, check(isValidIdNumber, t("auth.idNumberHint"))]}>
            <Input maxLength={18} className="mono" autoComplete="off" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="creditCode" label={t("auth.creditCode")} rules={[{ required: true, message: t("auth.creditCodeRequired") }, check(isValidCreditCode, t("auth.creditCodeHint"))]}>
              <Input maxLength={18} className="mono" autoComplete="off" />
            </Form.Item>
            <Form.Item name="repName" label={t("auth.legalName")}>
              <Input maxLength={40} autoComplete="off" />
            </Form.Item>
            <Form.Item name="repIdNumber" label={t("auth.legalIdNumber")} rules={[check(isValidIdNumber, t("auth.idNumberHint"))]}>
              <Input maxLength={18} className="mono" autoComplete="off" />
            </Form.Item>
          </>
        )}
        <Form.Item name="phone" label={t("auth.phone")} rules={[{ required: true, message: t("auth.phoneRequired") }, check(isValidPhone, t("auth.phoneInvalid"))]}>
          <Input maxLength={11} className="mono" inputMode="numeric" autoComplete="off" />
        </Form.Item>
        {register.error && <Alert type="error" showIcon title={register.error.message} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={register.isPending}>{t("cw.hall.registerOk")}</Button>
      </Form>
    </Card>
  );
}
