import { App, Button } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isValidPhone } from "../../common/validators.ts";
import { requestSmsCode } from "../../common/data/me.ts";

const COOLDOWN_SECONDS = 60;

export type SmsPurpose = "register" | "login" | "reset";

/**
 * "获取验证码" with a 60-second countdown after each send. A failed send is shown as a toast, or
 * handed to `onError` (to show it in the form) when given; `onSent` follows a successful send.
 */
export function SmsCodeButton({
  getPhone,
  purpose,
  onSent,
  onError,
  before,
}: {
  getPhone: () => string | undefined;
  /** Checks what must be right before a code is sent (registration: the ID number); its value goes along. */
  before?: () => Promise<{ idNumber?: string } | null>;
  purpose: SmsPurpose;
  onSent?: () => void;
  onError?: (error: Error) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [left, setLeft] = useState(0);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (left <= 0) return;
    const timer = window.setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [left]);

  const send = async () => {
    const phone = (getPhone() ?? "").trim();
    if (!isValidPhone(phone)) {
      void message.warning(t("auth.phoneFirst"));
      return;
    }
    const checked = before ? await before() : {};
    if (!checked) return;
    setSending(true);
    try {
      await requestSmsCode(phone, purpose, checked.idNumber);
      setLeft(COOLDOWN_SECONDS);
      void message.success(t("auth.smsSent"));
      onSent?.();
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(t("error.unknown"));
      if (onError) onError(failure);
      else void message.error(failure.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <Button onClick={() => void send()} loading={sending} disabled={left > 0} aria-live="polite" style={{ minWidth: 120 }}>
      {left > 0 ? t("auth.resendIn", { seconds: left }) : t("auth.getSmsCode")}
    </Button>
  );
}
