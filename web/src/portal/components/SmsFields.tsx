import { Alert, Form, Input, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useDemoAccounts } from "../../common/data/dev.ts";
import { isValidPhone } from "../../common/validators.ts";
import { SmsCodeButton, type SmsPurpose } from "./SmsCodeButton.tsx";

/**
 * 手机号码 and 短信验证码 with its "获取验证码" button (60-second countdown), for 实名注册 and 找回密码.
 * The form's values are `phone` and `smsCode`.
 */
export function PhoneSmsFields({ purpose, onSent, onSmsError, idField }: {
  purpose: SmsPurpose;
  onSent?: () => void;
  onSmsError?: (error: Error) => void;
  /** Registration: the ID number field checked (format and check character) before the code is sent. */
  idField?: string;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  return (
    <>
      <Form.Item
        name="phone"
        label={t("auth.phone")}
        validateFirst
        rules={[
          { required: true, message: t("auth.phoneRequired") },
          { validator: (_: unknown, v?: string) => (!v || isValidPhone(v) ? Promise.resolve() : Promise.reject(new Error(t("auth.phoneInvalid")))) },
        ]}
      >
        <Input type="tel" inputMode="numeric" maxLength={11} autoComplete="tel" />
      </Form.Item>
      <Form.Item label={t("auth.smsCode")} required>
        <Space.Compact style={{ width: "100%" }}>
          <Form.Item name="smsCode" noStyle rules={[{ required: true, whitespace: true, message: t("auth.smsCodeRequired") }]}>
            <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" aria-label={t("auth.smsCode")} />
          </Form.Item>
          <SmsCodeButton
            purpose={purpose}
            getPhone={() => form.getFieldValue("phone") as string | undefined}
            onSent={onSent}
            onError={onSmsError}
            before={
              idField
                ? async () => {
                    try {
                      await form.validateFields([idField]);
                    } catch {
                      form.scrollToField(idField);
                      return null;
                    }
                    return { idNumber: String(form.getFieldValue(idField) ?? "").trim().toUpperCase() };
                  }
                : undefined
            }
          />
        </Space.Compact>
      </Form.Item>
    </>
  );
}

/** In demo mode no SMS leaves the server: point to the demo outbox (filtered to the phone typed). */
export function DemoSmsHint({ phone }: { phone: string | undefined }) {
  const { t } = useTranslation();
  const demo = useDemoAccounts();
  if (!demo.data) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={
        <span>
          {t("auth.demoSmsHint")}{" "}
          <a href={`/api/dev/outbox${phone ? `?to=${encodeURIComponent(phone)}` : ""}`} target="_blank" rel="noreferrer">/api/dev/outbox</a>
        </span>
      }
    />
  );
}
