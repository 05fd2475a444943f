import { Alert, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../common/api/errors.ts";
import {
  useCreateDepartment, useCreateHall, useCreateRegion, useUpdateDepartment, useUpdateHall, type AdminDepartment, type AdminHall, type AdminRegion,
} from "../../common/data/organization.ts";

/** Refusals that concern one field are shown under it; any other above the form. */
const fieldOfCode: Record<string, string> = {
  REGION_EXISTS: "code",
  REGION_PARENT_INVALID: "code",
  DEPARTMENT_EXISTS: "name",
  HALL_EXISTS: "name",
  COUNTERPART_INVALID: "counterpartId",
};

type Values = Record<string, string | undefined>;

/** A create or edit dialog: an antd form, sent on OK; the server's refusal stays in the dialog. */
function FormDialog({
  title, initial, onClose, save, children,
}: {
  title: string;
  initial?: Values;
  onClose: () => void;
  save: (v: Values) => Promise<unknown>;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      await save(values);
      onClose();
    } catch (e) {
      const field = isApiError(e) ? fieldOfCode[e.code] : undefined;
      const text = e instanceof Error ? e.message : String(e);
      if (field && form.getFieldInstance(field) !== undefined) form.setFields([{ name: field, errors: [text] }]);
      else setError(text);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => void submit()} okText={t("org.actions.save")} cancelText={t("org.actions.cancel")} confirmLoading={busy} destroyOnHidden>
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={() => void submit()} requiredMark>
        {children}
      </Form>
    </Modal>
  );
}

const trimmed = (v: string | undefined) => (v ?? "").trim();
const optional = (v: string | undefined) => (trimmed(v) ? trimmed(v) : undefined);

const childLevel = { city: "district", district: "township" } as const;

/** 新增区域: a city (no parent), a district under the city, a township or street under a district. */
export function RegionDialog({ parent, onClose }: { parent: AdminRegion | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateRegion();
  const level = parent ? childLevel[parent.level as keyof typeof childLevel] : "city";
  const digits = level === "township" ? 9 : 6;
  return (
    <FormDialog
      title={parent ? t("org.dialog.region", { parent: parent.name }) : t("org.dialog.city")}
      onClose={onClose}
      save={(v) => create.mutateAsync({ code: trimmed(v.code), name: trimmed(v.name), level, ...(parent ? { parentCode: parent.code } : {}) })}
    >
      <Form.Item label={t("org.field.level")}>
        <Input value={t(`org.level.${level}`)} disabled />
      </Form.Item>
      <Form.Item
        name="code"
        label={t("org.field.code")}
        extra={level === "township" ? t("org.field.codeHelpTownship") : t("org.field.codeHelp")}
        rules={[{ required: true, pattern: new RegExp(`^\\d{${digits}}$`), message: t(digits === 9 ? "org.rule.code9" : "org.rule.code6") }]}
      >
        <Input inputMode="numeric" maxLength={digits} autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label={t("org.field.name")} rules={[{ required: true, whitespace: true, min: 2, max: 40, message: t("org.rule.name") }]}>
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
    </FormDialog>
  );
}

const nameRule = (t: (k: string) => string) => [{ required: true, whitespace: true, min: 2, max: 60, message: t("org.rule.name") }];

/** 新增部门 / 编辑部门. A department admin edits the contact details only (its `abilities.manage` is false). */
export function DepartmentDialog({
  region, department, counterparts, onClose,
}: {
  region: AdminRegion;
  department: AdminDepartment | null;
  counterparts: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const manage = department ? department.abilities.manage : true;
  const save = (v: Values) => {
    const contact = { shortName: optional(v.shortName), phone: trimmed(v.phone), address: trimmed(v.address) };
    if (!department) return create.mutateAsync({ name: trimmed(v.name), regionCode: region.code, ...contact, phone: optional(v.phone), address: optional(v.address) });
    return update.mutateAsync({
      id: department.id,
      ...contact,
      ...(manage ? { name: trimmed(v.name), counterpartId: v.counterpartId ? v.counterpartId : null } : {}),
    });
  };
  const options = [{ value: "", label: t("org.field.noCounterpart") }, ...counterparts.map((c) => ({ value: c.id, label: c.name }))];
  return (
    <FormDialog
      title={department ? t("org.dialog.editDepartment") : t("org.dialog.newDepartment", { region: region.name })}
      initial={department ? { name: department.name, shortName: department.shortName, phone: department.phone, address: department.address, counterpartId: department.counterpart?.id ?? "" } : { counterpartId: "" }}
      onClose={onClose}
      save={save}
    >
      {manage ? null : <Alert type="info" showIcon title={t("org.contactOnly")} style={{ marginBottom: 12 }} />}
      <Form.Item name="name" label={t("org.field.name")} rules={nameRule(t)}>
        <Input maxLength={60} disabled={!manage} autoComplete="off" />
      </Form.Item>
      <Form.Item name="shortName" label={t("org.field.shortName")} rules={[{ max: 20 }]}>
        <Input maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t("org.field.phone")} rules={[{ max: 30 }]}>
        <Input maxLength={30} inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="address" label={t("org.field.address")} rules={[{ max: 120 }]}>
        <Input maxLength={120} autoComplete="off" />
      </Form.Item>
      {department && manage ? (
        <Form.Item name="counterpartId" label={t("org.field.counterpart")}>
          <Select options={options} showSearch={{ optionFilterProp: "label" }} />
        </Form.Item>
      ) : null}
    </FormDialog>
  );
}

/** 新增 / 编辑政务服务大厅. */
export function HallDialog({ region, hall, onClose }: { region: AdminRegion; hall: AdminHall | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateHall();
  const update = useUpdateHall();
  const save = (v: Values) => {
    const fields = { name: trimmed(v.name), address: trimmed(v.address) };
    if (!hall) return create.mutateAsync({ ...fields, regionCode: region.code, phone: optional(v.phone), openingHours: optional(v.openingHours) });
    return update.mutateAsync({ id: hall.id, ...fields, phone: trimmed(v.phone), openingHours: trimmed(v.openingHours) });
  };
  return (
    <FormDialog
      title={hall ? t("org.dialog.editHall") : t("org.dialog.newHall", { region: region.name })}
      initial={hall ? { name: hall.name, address: hall.address, phone: hall.phone, openingHours: hall.openingHours } : undefined}
      onClose={onClose}
      save={save}
    >
      <Form.Item name="name" label={t("org.field.name")} rules={nameRule(t)}>
        <Input maxLength={60} autoComplete="off" />
      </Form.Item>
      <Form.Item name="address" label={t("org.field.address")} rules={[{ required: true, whitespace: true, min: 2, max: 120, message: t("org.rule.address") }]}>
        <Input maxLength={120} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t("org.field.phone")} rules={[{ max: 30 }]}>
        <Input maxLength={30} inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="openingHours" label={t("org.field.openingHours")} rules={[{ max: 120 }]}>
        <Input maxLength={120} autoComplete="off" />
      </Form.Item>
    </FormDialog>
  );
}
