import { Alert, App, Button, Card, Checkbox, Form, Input, Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { isApiError } from "../../common/api/errors.ts";
import { useRegister } from "../../common/data/me.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { safeNext } from "../../common/safeNext.ts";
import { confirmMatches } from "../../common/account/passwordRules.ts";
import { isStrongPassword, isValidCreditCode, isValidIdNumber } from "../../common/validators.ts";
import { DemoSmsHint, PhoneSmsFields } from "../components/SmsFields.tsx";
import { type ApplicantType } from "../../common/data/catalog.ts";

interface RegisterForm {
  name: string;
  idNumber?: string;
  creditCode?: string;
  legalName?: string;
  legalIdNumber?: string;
  phone: string;
  smsCode: string;
  password: string;
  confirm: string;
  agree: boolean;
}

/** Server error codes that belong to one field: shown under that field. */
const fieldOfError: Record<string, keyof RegisterForm> = {
  INVALID_ID_NUMBER: "idNumber",
  ID_NUMBER_TAKEN: "idNumber",
  INVALID_CREDIT_CODE: "creditCode",
  INVALID_PHONE: "phone",
  PHONE_TAKEN: "phone",
  INVALID_SMS_CODE: "smsCode",
  WEAK_PASSWORD: "password",
};

function toBody(type: ApplicantType, v: RegisterForm) {
  const common = { phone: v.phone.trim(), smsCode: v.smsCode.trim(), password: v.password, name: v.name.trim() };
  return type === "person"
    ? { type, ...common, idNumber: (v.idNumber ?? "").trim().toUpperCase() }
    : {
        type,
        ...common,
        creditCode: (v.creditCode ?? "").trim().toUpperCase(),
        legalRepresentative: { name: (v.legalName ?? "").trim(), idNumber: (v.legalIdNumber ?? "").trim().toUpperCase() },
      };
}

function RegisterFields({ type, onSmsError }: { type: ApplicantType; onSmsError: (error: Error) => void }) {
  const { t } = useTranslation();
  // The ID number must be right before the SMS code is sent (the server refuses a wrong one too).
  const idHint = { validator: (_: unknown, v?: string) => (!v || isValidIdNumber(v) ? Promise.resolve() : Promise.reject(new Error(t("auth.idNumberHint")))) };
  return (
    <>
      {type === "person" ? (
        <>
          <Form.Item name="name" label={t("auth.realName")} rules={[{ required: true, whitespace: true, message: t("auth.realNameRequired") }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="idNumber" label={t("auth.idNumber")} extra={t("auth.idNumberExtra")} validateFirst rules={[{ required: true, whitespace: true, message: t("auth.idNumberRequired") }, idHint]}>
            <Input maxLength={18} autoComplete="off" className="mono" />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="name" label={t("auth.orgName")} rules={[{ required: true, whitespace: true, message: t("auth.orgNameRequired") }]}>
            <Input autoComplete="organization" />
          </Form.Item>
          <Form.Item
            name="creditCode"
            label={t("auth.creditCode")}
            extra={t("auth.creditCodeExtra")}
            validateFirst
            rules={[
              { required: true, whitespace: true, message: t("auth.creditCodeRequired") },
              { warningOnly: true, validator: (_: unknown, v?: string) => (!v || isValidCreditCode(v) ? Promise.resolve() : Promise.reject(new Error(t("auth.creditCodeHint")))) },
            ]}
          >
            <Input maxLength={18} autoComplete="off" className="mono" />
          </Form.Item>
          <Form.Item name="legalName" label={t("auth.legalName")} rules={[{ required: true, whitespace: true, message: t("auth.legalNameRequired") }]}>
            <Input />
          </Form.Item>
          <Form.Item name="legalIdNumber" label={t("auth.legalIdNumber")} validateFirst rules={[{ required: true, whitespace: true, message: t("auth.idNumberRequired") }, idHint]}>
            <Input maxLength={18} autoComplete="off" className="mono" />
          </Form.Item>
        </>
      )}
      <PhoneSmsFields purpose="register" idField={type === "person" ? "idNumber" : "legalIdNumber"} onSmsError={onSmsError} />
      <Form.Item
        name="password"
        label={t("auth.password")}
        extra={t("auth.passwordRule")}
        rules={[
          { required: true, message: t("auth.passwordRequired") },
          { validator: (_: unknown, v?: string) => (!v || isStrongPassword(v) ? Promise.resolve() : Promise.reject(new Error(t("auth.passwordRule")))) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t("auth.confirmPassword")}
        dependencies={["password"]}
        rules={[
          { required: true, message: t("auth.confirmRequired") },
          ({ getFieldValue }) => ({
            validator: (_: unknown, v?: string) => (confirmMatches(getFieldValue("password") as string | undefined, v) ? Promise.resolve() : Promise.reject(new Error(t("auth.confirmMismatch")))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="agree"
        valuePropName="checked"
        rules={[{ validator: (_: unknown, v?: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(t("auth.agreeRequired")))) }]}
      >
        <Checkbox>{t("auth.agree")}</Checkbox>
      </Form.Item>
    </>
  );
}

export default function Register() {
  const { t } = useTranslation();
  useTitle(t("auth.registerTitle"));
  const [type, setType] = useState<ApplicantType>("person");
  const [form] = Form.useForm<RegisterForm>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const phone = Form.useWatch("phone", form);

  const register = useRegister<ReturnType<typeof toBody>>({
    onSuccess: (user) => {
      void message.success(t("auth.registered", { name: user.name }));
      navigate(safeNext(params.get("next"), "/my/cases"), { replace: true });
    },
    onError: (error) => {
      const field = isApiError(error) ? fieldOfError[error.code] : undefined;
      if (field) form.setFields([{ name: field, errors: [error.message] }]);
    },
  });

  return (
    <div className="login-shell">
      <Card className="login-card" style={{ maxWidth: 520 }}>
        <Typography.Title level={1} style={{ fontSize: "1.5em", marginTop: 0 }}>{t("auth.registerTitle")}</Typography.Title>
        <Typography.Paragraph type="secondary">{t("auth.registerSubtitle")}</Typography.Paragraph>
        <Tabs
          activeKey={type}
          onChange={(key) => {
            setType(key as ApplicantType);
            register.reset();
          }}
          items={[
            { key: "person", label: t("auth.tabPerson") },
            { key: "organization", label: t("auth.tabOrganization") },
          ]}
        />
        <DemoSmsHint phone={phone} />
        {register.error && <Alert type="error" showIcon title={register.error.message} style={{ marginBottom: 16 }} />}
        <Form<RegisterForm> form={form} layout="vertical" onFinish={(values) => register.mutate(toBody(type, values))} scrollToFirstError>
          <RegisterFields
            key={type}
            type={type}
            onSmsError={(error) => {
              const field = isApiError(error) ? fieldOfError[error.code] : undefined;
              if (field) form.setFields([{ name: field === "idNumber" && type === "organization" ? "legalIdNumber" : field, errors: [error.message] }]);
              else void message.error(error.message);
            }}
          />
          <Button type="primary" htmlType="submit" block size="large" loading={register.isPending}>
            {t("auth.register")}
          </Button>
        </Form>
        <div style={{ marginTop: 16 }}>
          {t("auth.haveAccount")} <Link className="inline-link" to={`/login${params.get("next") ? `?next=${encodeURIComponent(params.get("next") ?? "")}` : ""}`}>{t("auth.loginNow")}</Link>
        </div>
      </Card>
    </div>
  );
}
