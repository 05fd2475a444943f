import { InfoCircleOutlined } from "@ant-design/icons";
import { Alert, Modal, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../common/api/errors.ts";

/** What the server's refusal means for the person at the desk, and what to do next. */
export function ActionError({ error, describe }: { error: Error | null; describe?: (error: Error) => ReactNode }) {
  const { t } = useTranslation();
  if (!error) return null;
  const status = isApiError(error) ? error.status : 0;
  const hint =
    status === 403
      ? t("cw.error.forbidden")
      : status === 409
        ? t("cw.error.conflict")
        : status === 404
          ? t("cw.error.notFound")
          : status === 0
            ? t("error.next.network")
            : status >= 500
              ? t("error.next.server")
              : t("error.next.invalid");
  return (
    <Alert
      style={{ marginTop: 16 }}
      type="error"
      showIcon
      role="alert"
      title={error.message}
      description={
        <>
          {describe?.(error)}
          <div>{hint}</div>
        </>
      }
    />
  );
}

export interface ActionModalProps {
  open: boolean;
  title: ReactNode;
  okText: ReactNode;
  /** What will happen, one line each ("确认后将："). */
  effects: ReactNode[];
  /** Who is told, in words ("将短信通知申请人"). */
  notify: ReactNode;
  onOk: () => void;
  onCancel: () => void;
  loading: boolean;
  error: Error | null;
  describeError?: (error: Error) => ReactNode;
  danger?: boolean;
  okDisabled?: boolean;
  width?: number;
  children?: ReactNode;
}

/**
 * Every action on a case goes through this dialog: it says what will happen and who is told
 * before anything happens, keeps the confirm button busy while the server works, and shows the
 * server's answer when it refuses.
 */
export function ActionModal({ open, title, okText, effects, notify, onOk, onCancel, loading, error, describeError, danger, okDisabled, width, children }: ActionModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger: danger ?? false, disabled: okDisabled ?? false }}
      onOk={onOk}
      onCancel={() => {
        if (!loading) onCancel();
      }}
      confirmLoading={loading}
      maskClosable={!loading}
      destroyOnHidden
      width={width ?? 600}
    >
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>{t("wb.accept.what")}</Typography.Paragraph>
      <ul style={{ paddingInlineStart: 20, marginTop: 0 }}>
        {effects.map((e, i) => <li key={i}>{e}</li>)}
      </ul>
      <Alert type="info" showIcon icon={<InfoCircleOutlined aria-hidden="true" />} title={<><strong>{t("cw.notifyLabel")}</strong>{notify}</>} style={{ marginBottom: 16 }} />
      {children}
      <ActionError error={error} describe={describeError} />
    </Modal>
  );
}
