import { Alert, App, Checkbox, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRevokeCertificate } from "../../common/data/certificates.ts";

/**
 * 注销: the issuing department revokes a certificate. The form asks for the reason and the legal
 * basis and a confirmation, and says what will happen and who is told.
 */
export function RevokeModal({ certificateNo, onClose }: { certificateNo: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState("");
  const [legalBasis, setLegalBasis] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [touched, setTouched] = useState(false);
  const revoke = useRevokeCertificate(certificateNo, () => {
    void message.success(t("cert.revoke.done", { no: certificateNo }));
    onClose();
  });
  const missing = { reason: touched && !reason.trim(), legalBasis: touched && !legalBasis.trim(), confirm: touched && !confirmed };
  return (
    <Modal
      open
      title={t("cert.revoke.title", { no: certificateNo })}
      okText={t("cert.revoke.submit")}
      okButtonProps={{ danger: true }}
      cancelText={t("common.cancel")}
      confirmLoading={revoke.isPending}
      onCancel={onClose}
      onOk={() => {
        setTouched(true);
        if (!reason.trim()) document.getElementById("revoke-reason")?.focus();
        else if (!legalBasis.trim()) document.getElementById("revoke-basis")?.focus();
        else if (!confirmed) document.getElementById("revoke-confirm")?.focus();
        else revoke.mutate({ reason: reason.trim(), legalBasis: legalBasis.trim() });
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t("cert.revoke.what")}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t("cert.revoke.reason")} htmlFor="revoke-reason" required validateStatus={missing.reason ? "error" : undefined} help={missing.reason ? t("cert.revoke.reasonRequired") : undefined}>
          <Input.TextArea id="revoke-reason" rows={3} maxLength={1000} showCount value={reason} placeholder={t("cert.revoke.reasonPlaceholder")} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
        <Form.Item label={t("cert.revoke.legalBasis")} htmlFor="revoke-basis" required validateStatus={missing.legalBasis ? "error" : undefined} help={missing.legalBasis ? t("cert.revoke.legalBasisRequired") : undefined}>
          <Input id="revoke-basis" maxLength={500} value={legalBasis} placeholder={t("cert.revoke.legalBasisPlaceholder")} onChange={(e) => setLegalBasis(e.target.value)} />
        </Form.Item>
        <Form.Item validateStatus={missing.confirm ? "error" : undefined} help={missing.confirm ? t("cert.revoke.confirmRequired") : undefined}>
          <Checkbox id="revoke-confirm" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
            {t("cert.revoke.confirm")}
          </Checkbox>
        </Form.Item>
      </Form>
      {revoke.isError && <Alert type="error" showIcon role="alert" title={revoke.error.message} />}
    </Modal>
  );
}
