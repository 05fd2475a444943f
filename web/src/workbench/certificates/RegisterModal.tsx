import { Alert, App, Form, Input, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRegisterCertificate } from "../../common/data/certificates.ts";
import { isApiError } from "../../common/api/errors.ts";

interface Fields {
  departmentId: string;
  holderCode: string;
  type: string;
  name: string;
  supervisionCode: string;
  validUntil: string;
}

/** Registers a certificate the department issued off the platform; without a supervision code it is counted as such (R37). */
export function RegisterModal({ departments, onClose, onRegistered }: { departments: { id: string; name: string }[]; onClose: () => void; onRegistered: (no: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [f, setF] = useState<Fields>({ departmentId: departments[0]?.id ?? "", holderCode: "", type: "", name: "", supervisionCode: "", validUntil: "" });
  const [touched, setTouched] = useState(false);
  const register = useRegisterCertificate((r) => {
    void message.success(t(r.flagged ? "cert.register.flagged" : "cert.register.done", { no: r.certificateNo }));
    onRegistered(r.certificateNo);
    onClose();
  });
  const set = (k: keyof Fields) => (v: string) => setF((old) => ({ ...old, [k]: v }));
  const holderOk = /^[0-9A-Za-z]{18}$/.test(f.holderCode.trim());
  const missing = { holder: touched && !holderOk, type: touched && !f.type.trim(), name: touched && !f.name.trim() };
  const notFound = isApiError(register.error) && register.error.code === "APPLICANT_NOT_FOUND";
  return (
    <Modal
      open
      title={t("cert.register.title")}
      okText={t("cert.register.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={register.isPending}
      onCancel={onClose}
      onOk={() => {
        setTouched(true);
        if (!holderOk || !f.type.trim() || !f.name.trim()) return;
        register.mutate({
          departmentId: f.departmentId,
          holderCode: f.holderCode.trim().toUpperCase(),
          type: f.type.trim(),
          name: f.name.trim(),
          ...(f.supervisionCode.trim() ? { supervisionCode: f.supervisionCode.trim() } : {}),
          ...(f.validUntil ? { validUntil: f.validUntil } : {}),
        });
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>{t("cert.register.what")}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        {departments.length > 1 && (
          <Form.Item label={t("cert.register.department")} htmlFor="register-dept" required>
            <Select id="register-dept" value={f.departmentId} onChange={set("departmentId")} options={departments.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        )}
        <Form.Item label={t("cert.register.holderIdNumber")} htmlFor="register-holder" required validateStatus={missing.holder ? "error" : undefined} help={missing.holder ? t("cert.register.holderRequired") : undefined}>
          <Input id="register-holder" maxLength={18} autoComplete="off" value={f.holderCode} placeholder={t("cert.register.holderPlaceholder")} onChange={(e) => set("holderCode")(e.target.value)} />
        </Form.Item>
        <Form.Item label={t("cert.register.type")} htmlFor="register-type" required validateStatus={missing.type ? "error" : undefined} help={missing.type ? t("cert.register.required") : undefined}>
          <Input id="register-type" maxLength={100} value={f.type} placeholder={t("cert.register.typePlaceholder")} onChange={(e) => set("type")(e.target.value)} />
        </Form.Item>
        <Form.Item label={t("cert.register.name")} htmlFor="register-name" required validateStatus={missing.name ? "error" : undefined} help={missing.name ? t("cert.register.required") : undefined}>
          <Input id="register-name" maxLength={100} value={f.name} placeholder={t("cert.register.namePlaceholder")} onChange={(e) => set("name")(e.target.value)} />
        </Form.Item>
        <Form.Item label={t("cert.register.supervisionCode")} htmlFor="register-code" help={t("cert.register.supervisionCodeHelp")}>
          <Input id="register-code" maxLength={40} value={f.supervisionCode} onChange={(e) => set("supervisionCode")(e.target.value)} />
        </Form.Item>
        <Form.Item label={t("cert.register.validUntil")} htmlFor="register-valid">
          <Input id="register-valid" type="date" value={f.validUntil} onChange={(e) => set("validUntil")(e.target.value)} />
        </Form.Item>
      </Form>
      {register.isError && <Alert type="error" showIcon role="alert" title={notFound ? t("cert.register.holderNotFound") : register.error.message} />}
    </Modal>
  );
}
