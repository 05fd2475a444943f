import { CopyOutlined } from "@ant-design/icons";
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Typography } from "antd";
import { integrationScopes, type IntegrationScope } from "@cq/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../common/format.ts";
import { scopeLabelKey } from "./parts.tsx";
import { type IntegrationClient, useCreateIntegration, useRevokeIntegration, useRotateIntegration } from "../../common/data/integrations.ts";

/** A token minted just now: shown this once, with a copy button and a plain warning. */
export interface ShownToken {
  token: string;
  previousValidUntil?: string | null;
  rotated: boolean;
}

export function TokenModal({ shown, onClose }: { shown: ShownToken; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown.token);
      void message.success(t("intg.token.copied"));
    } catch {
      document.getElementById("integration-token")?.focus();
    }
  };
  return (
    <Modal
      open
      title={t("intg.token.title")}
      onCancel={onClose}
      maskClosable={false}
      footer={<Button type="primary" onClick={onClose}>{t("intg.token.close")}</Button>}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t("intg.token.warning")} style={{ marginBottom: 16 }} />
      <Form layout="vertical" component="div">
        <Form.Item label={t("intg.token.label")} htmlFor="integration-token">
          <Space.Compact style={{ width: "100%" }}>
            <Input id="integration-token" readOnly value={shown.token} className="mono" data-testid="integration-token" onFocus={(e) => e.target.select()} />
            <Button icon={<CopyOutlined aria-hidden="true" />} onClick={() => void copy()}>{t("intg.token.copy")}</Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      {shown.rotated && (
        <Typography.Paragraph>
          {shown.previousValidUntil ? t("intg.token.graceUntil", { time: formatDateTime(shown.previousValidUntil) }) : t("intg.token.noGrace")}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}

export function CreateModal({
  departments,
  onClose,
  onCreated,
}: {
  departments: { id: string; name: string }[];
  onClose: () => void;
  onCreated: (token: string) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [departmentId, setDepartmentId] = useState<string | undefined>(departments.length === 1 ? departments[0]!.id : undefined);
  const [scopes, setScopes] = useState<IntegrationScope[]>(["cases:read"]);
  const [touched, setTouched] = useState(false);
  const create = useCreateIntegration((r) => onCreated(r.token));
  const nameBad = !name.trim() || name.trim().length > 60;
  const missing = { name: touched && nameBad, department: touched && !departmentId, scopes: touched && scopes.length === 0 };
  return (
    <Modal
      open
      title={t("intg.form.title")}
      okText={t("intg.form.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => {
        setTouched(true);
        if (nameBad) document.getElementById("integration-name")?.focus();
        else if (!departmentId) document.getElementById("integration-department")?.focus();
        else if (scopes.length === 0) document.getElementById("integration-scope-0")?.focus();
        else create.mutate({ name: name.trim(), departmentId, scopes });
      }}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t("intg.form.name")} htmlFor="integration-name" required validateStatus={missing.name ? "error" : undefined} help={missing.name ? t("intg.form.nameRequired") : undefined}>
          <Input id="integration-name" maxLength={60} value={name} placeholder={t("intg.form.namePlaceholder")} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        {departments.length > 1 && (
          <Form.Item label={t("intg.form.department")} htmlFor="integration-department" required validateStatus={missing.department ? "error" : undefined} help={missing.department ? t("intg.form.departmentRequired") : undefined}>
            <Select
              id="integration-department"
              showSearch
              optionFilterProp="label"
              value={departmentId}
              onChange={setDepartmentId}
              options={departments.map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t("intg.form.scopes")} required validateStatus={missing.scopes ? "error" : undefined} help={missing.scopes ? t("intg.form.scopesRequired") : undefined}>
          <Space direction="vertical">
            {integrationScopes.map((s, i) => (
              <Checkbox
                key={s}
                id={`integration-scope-${i}`}
                checked={scopes.includes(s)}
                onChange={(e) => setScopes((now) => (e.target.checked ? [...now, s] : now.filter((x) => x !== s)))}
              >
                {t(scopeLabelKey(s))}
              </Checkbox>
            ))}
          </Space>
        </Form.Item>
      </Form>
      {create.isError && <Alert type="error" showIcon role="alert" title={create.error.message} />}
    </Modal>
  );
}

export function RotateModal({ client, onClose, onRotated }: { client: IntegrationClient; onClose: () => void; onRotated: (shown: ShownToken) => void }) {
  const { t } = useTranslation();
  const [grace, setGrace] = useState<number | null>(24);
  const rotate = useRotateIntegration(client.id, (r) => onRotated({ token: r.token, previousValidUntil: r.previousValidUntil, rotated: true }));
  return (
    <Modal
      open
      title={t("intg.rotateDialog.title", { name: client.name })}
      okText={t("intg.rotateDialog.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={rotate.isPending}
      onCancel={onClose}
      onOk={() => rotate.mutate(Math.min(168, Math.max(0, grace ?? 24)))}
      destroyOnHidden
    >
      <Typography.Paragraph>{t("intg.rotateDialog.what")}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t("intg.rotateDialog.grace")} htmlFor="integration-grace">
          <InputNumber id="integration-grace" min={0} max={168} precision={0} value={grace} onChange={(v) => setGrace(v)} />
        </Form.Item>
      </Form>
      {rotate.isError && <Alert type="error" showIcon role="alert" title={rotate.error.message} />}
    </Modal>
  );
}

export function RevokeModal({ client, onClose }: { client: IntegrationClient; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const revoke = useRevokeIntegration(client.id, () => {
    void message.success(t("intg.revokeDialog.done"));
    onClose();
  });
  return (
    <Modal
      open
      title={t("intg.revokeDialog.title", { name: client.name })}
      okText={t("intg.revokeDialog.submit")}
      okButtonProps={{ danger: true }}
      cancelText={t("common.cancel")}
      confirmLoading={revoke.isPending}
      onCancel={onClose}
      onOk={() => revoke.mutate()}
      destroyOnHidden
    >
      <Typography.Paragraph>{t("intg.revokeDialog.what")}</Typography.Paragraph>
      {revoke.isError && <Alert type="error" showIcon role="alert" title={revoke.error.message} />}
    </Modal>
  );
}
