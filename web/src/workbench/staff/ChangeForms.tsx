import { InfoCircleOutlined } from "@ant-design/icons";
import { Alert, App, Checkbox, Descriptions, Form, Input, Modal, Select, Switch, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../common/data/me.ts";
import { isValidIdNumber, isValidPhone } from "../../common/validators.ts";
import { approvingRoles, grantableRoles } from "../abilities.ts";
import type { departmentRoles, Role } from "@cq/contracts";
import { useFileChange, type ScopeDepartment, type StaffChangeRequest, type StaffRoleGrant, type StaffMember } from "../../common/data/staff.ts";
import { detailChanges, nonApprovingDepartmentRoles, regionCodesOf, regionLabel, roleName, roleScope, type DetailValues } from "./model.ts";
import { ReasonField, ServerError, useNames, useTranslate } from "./parts.tsx";

/** Every request dialog: open or closing, closed by `onClose`, forgotten after `afterClose`. */
export interface DialogProps {
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}

interface RequestModalProps {
  open: boolean;
  afterClose: () => void;
  title: string;
  /** What approval will do, above the form. */
  effect?: ReactNode;
  onOk: () => void;
  onCancel: () => void;
  loading: boolean;
  error: Error | null;
  children: ReactNode;
  width?: number;
}

/** Every change request: the two-person rule up front, the form, the server's refusal inline. */
function RequestModal({ open, afterClose, title, effect, onOk, onCancel, loading, error, children, width }: RequestModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      afterClose={afterClose}
      title={title}
      okText={t("sa.request.submit")}
      cancelText={t("common.cancel")}
      onOk={onOk}
      onCancel={() => {
        if (!loading) onCancel();
      }}
      confirmLoading={loading}
      maskClosable={!loading}
      destroyOnHidden
      width={width ?? 600}
    >
      <Alert
        type="info"
        showIcon
        icon={<InfoCircleOutlined aria-hidden="true" />}
        style={{ marginBottom: 16 }}
        title={t("sa.twoPerson")}
        description={effect ?? t("sa.request.effect")}
      />
      {children}
      <ServerError error={error} />
    </Modal>
  );
}

/** A filed request: tell the user, close the dialog. */
function useFiled(onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useFileChange(() => {
    void message.success(t("sa.request.done"));
    onClose();
  });
}

type DepartmentRole = (typeof departmentRoles)[number];

interface GrantValues {
  role?: Role;
  departmentId?: string;
  regionCode?: string;
  reason?: string;
}

/** 申请授予角色: approving roles need a training record (R17); platform roles only from a platform admin. */
export function GrantRoleModal({ staff, departments, open, onClose, afterClose }: { staff: StaffMember; departments: ScopeDepartment[] } & DialogProps) {
  const { t } = useTranslation();
  const tr = useTranslate();
  const { me } = useMe();
  const names = useNames(departments);
  const [form] = Form.useForm<GrantValues>();
  const role = Form.useWatch("role", form);
  const file = useFiled(onClose);
  const grantable = grantableRoles(me);
  const approving = approvingRoles(me);
  const scopeOf = (r: string | undefined) => grantable.find((g) => g.role === r)?.scope;
  // Without the platform and region roles on offer, the form says who grants them.
  const platformAdmin = grantable.some((g) => g.scope !== "department");
  const regionCodes = regionCodesOf(departments);
  const ownDepartment = staff.department && departments.some((d) => d.id === staff.department?.id) ? staff.department.id : undefined;

  const submit = (v: GrantValues) => {
    if (!v.role) return;
    const grant: { role: Role; departmentId?: string; regionCode?: string } = { role: v.role };
    if (scopeOf(v.role) === "department" && v.departmentId) grant.departmentId = v.departmentId;
    if (scopeOf(v.role) === "region" && v.regionCode) grant.regionCode = v.regionCode;
    file.mutate({ kind: "grant-role", reason: (v.reason ?? "").trim(), staffId: staff.id, grant });
  };

  return (
    <RequestModal
      open={open}
      afterClose={afterClose}
      title={t("sa.grant.title", { name: staff.name })}
      onOk={() => form.submit()}
      onCancel={onClose}
      loading={file.isPending}
      error={file.error}
    >
      <Typography.Paragraph>{t("sa.grant.trainingRule", { roles: approving.map((r) => roleName(tr, r)).join("、") })}</Typography.Paragraph>
      <Form<GrantValues>
        form={form}
        name="sa-grant"
        layout="vertical"
        initialValues={{ departmentId: ownDepartment }}
        onFinish={submit}
        onValuesChange={() => {
          if (file.isError) file.reset();
        }}
      >
        <Form.Item name="role" label={t("sa.grant.role")} rules={[{ required: true, message: t("sa.grant.roleRequired") }]} extra={platformAdmin ? undefined : t("sa.grant.platformOnly")}>
          <Select options={grantable.map((g) => ({ value: g.role, label: roleName(tr, g.role) }))} />
        </Form.Item>
        {role && approving.includes(role) && !staff.trained && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t("sa.grant.untrainedWarning", { name: staff.name })} />
        )}
        {scopeOf(role) === "department" && (
          <Form.Item name="departmentId" label={t("sa.grant.department")} extra={t("sa.grant.departmentHint")} rules={[{ required: true, message: t("sa.grant.departmentRequired") }]}>
            <Select showSearch={{ optionFilterProp: "label" }} options={departments.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        )}
        {scopeOf(role) === "region" && (
          <Form.Item name="regionCode" label={t("sa.grant.region")} rules={[{ required: true, message: t("sa.grant.regionRequired") }]}>
            <Select showSearch={{ optionFilterProp: "label" }} options={regionCodes.map((c) => ({ value: c, label: regionLabel(c, names) }))} />
          </Form.Item>
        )}
        <ReasonField />
      </Form>
    </RequestModal>
  );
}

/** A request that needs nothing but a reason: what it does is shown above the reason field. */
function ReasonOnlyModal({
  title,
  formName,
  intro,
  request,
  open,
  onClose,
  afterClose,
}: { title: string; formName: string; intro: ReactNode; request: (reason: string) => StaffChangeRequest } & DialogProps) {
  const [form] = Form.useForm<{ reason?: string }>();
  const file = useFiled(onClose);
  return (
    <RequestModal open={open} afterClose={afterClose} title={title} onOk={() => form.submit()} onCancel={onClose} loading={file.isPending} error={file.error}>
      {intro}
      <Form
        form={form}
        name={formName}
        layout="vertical"
        onFinish={(v) => file.mutate(request((v.reason ?? "").trim()))}
        onValuesChange={() => {
          if (file.isError) file.reset();
        }}
      >
        <ReasonField />
      </Form>
    </RequestModal>
  );
}

/** 申请撤销角色: one role assignment of the staff member. */
export function RevokeRoleModal({ staff, role, departments, ...dialog }: { staff: StaffMember; role: StaffRoleGrant; departments: ScopeDepartment[] } & DialogProps) {
  const { t } = useTranslation();
  const tr = useTranslate();
  const names = useNames(departments);
  return (
    <ReasonOnlyModal
      {...dialog}
      title={t("sa.revoke.title", { name: staff.name })}
      formName="sa-revoke"
      intro={
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: "role", label: t("sa.revoke.what"), children: roleName(tr, role.role) },
            { key: "scope", label: t("sa.roles.scope"), children: roleScope(tr, role, names) },
          ]}
        />
      }
      request={(reason) => ({ kind: "revoke-role", reason, staffId: staff.id, roleAssignmentId: role.id })}
    />
  );
}

/** 申请重置密码: on approval a new initial password goes to the member's phone, to be changed at login. */
export function ResetPasswordModal({ staff, ...dialog }: { staff: StaffMember } & DialogProps) {
  const { t } = useTranslation();
  return (
    <ReasonOnlyModal
      {...dialog}
      title={t("sa.reset.title", { name: staff.name })}
      formName="sa-reset"
      intro={<Typography.Paragraph>{t("sa.reset.effect", { phone: staff.phone })}</Typography.Paragraph>}
      request={(reason) => ({ kind: "reset-password", reason, staffId: staff.id })}
    />
  );
}

/** 申请修改信息: name, mobile number, account state; only what differs is requested. */
export function UpdateStaffModal({ staff, open, onClose, afterClose }: { staff: StaffMember } & DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DetailValues & { reason?: string }>();
  const disabling = Form.useWatch("disabled", form);
  const file = useFiled(onClose);
  const [nothing, setNothing] = useState(false);
  const submit = (v: DetailValues & { reason?: string }) => {
    const changes = detailChanges(staff, v);
    if (Object.keys(changes).length === 0) {
      setNothing(true);
      return;
    }
    file.mutate({ kind: "update", reason: (v.reason ?? "").trim(), staffId: staff.id, changes });
  };
  return (
    <RequestModal
      open={open}
      afterClose={afterClose}
      title={t("sa.update.title", { name: staff.name })}
      effect={disabling && !staff.disabled ? t("sa.update.disabledHint") : undefined}
      onOk={() => form.submit()}
      onCancel={onClose}
      loading={file.isPending}
      error={file.error}
    >
      <Form<DetailValues & { reason?: string }>
        form={form}
        name="sa-update"
        layout="vertical"
        initialValues={{ name: staff.name, phone: "", disabled: staff.disabled }}
        onFinish={submit}
        onValuesChange={() => {
          setNothing(false);
          if (file.isError) file.reset();
        }}
      >
        <Form.Item name="name" label={t("sa.update.name")} rules={[{ required: true, whitespace: true, min: 2, max: 40, message: t("sa.update.nameRequired") }]}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t("sa.update.phone")}
          extra={t("sa.update.phoneHint", { phone: staff.phone || "—" })}
          rules={[{ validator: (_, v: string | undefined) => (!v || !v.trim() || isValidPhone(v) ? Promise.resolve() : Promise.reject(new Error(t("sa.update.phoneInvalid")))) }]}
        >
          <Input inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item name="disabled" label={t("sa.update.disabled")} valuePropName="checked" extra={t("sa.update.disabledHint")}>
          <Switch />
        </Form.Item>
        <ReasonField />
      </Form>
      {nothing && <Alert type="warning" showIcon role="alert" title={t("sa.update.nothing")} />}
    </RequestModal>
  );
}

interface CreateValues {
  username?: string;
  name?: string;
  phone?: string;
  idNumber?: string;
  departmentId?: string;
  roles?: DepartmentRole[];
  reason?: string;
}

/** 新增工作人员: the account is created untrained on approval, so only non-approving roles. */
export function CreateStaffModal({ departments, defaultDepartmentId, open, onClose, afterClose }: { departments: ScopeDepartment[]; defaultDepartmentId?: string | undefined } & DialogProps) {
  const { t } = useTranslation();
  const tr = useTranslate();
  const { me } = useMe();
  const [form] = Form.useForm<CreateValues>();
  const file = useFiled(onClose);
  const initialDepartment = defaultDepartmentId ?? (departments.length === 1 ? departments[0]?.id : undefined);
  const submit = (v: CreateValues) => {
    const body: StaffChangeRequest = {
      kind: "create",
      reason: (v.reason ?? "").trim(),
      staff: {
        username: (v.username ?? "").trim(),
        name: (v.name ?? "").trim(),
        phone: (v.phone ?? "").trim(),
        idNumber: (v.idNumber ?? "").trim().toUpperCase(),
        departmentId: v.departmentId ?? "",
        roles: v.roles ?? [],
      },
    };
    file.mutate(body);
  };
  return (
    <RequestModal
      open={open}
      afterClose={afterClose}
      title={t("sa.create.title")}
      effect={t("sa.create.effect")}
      onOk={() => form.submit()}
      onCancel={onClose}
      loading={file.isPending}
      error={file.error}
      width={640}
    >
      <Form<CreateValues>
        form={form}
        name="sa-create"
        layout="vertical"
        initialValues={{ departmentId: initialDepartment, roles: [] }}
        onFinish={submit}
        onValuesChange={() => {
          if (file.isError) file.reset();
        }}
      >
        <Form.Item
          name="username"
          label={t("sa.create.username")}
          extra={t("sa.create.usernameHint")}
          rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{2,39}$/, message: t("sa.create.usernameInvalid") }]}
        >
          <Input maxLength={40} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="name" label={t("sa.create.name")} rules={[{ required: true, whitespace: true, min: 2, max: 40, message: t("sa.create.nameRequired") }]}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t("sa.create.phone")}
          extra={t("sa.create.phoneHint")}
          rules={[{ required: true, validator: (_, v: string | undefined) => (v && isValidPhone(v) ? Promise.resolve() : Promise.reject(new Error(t("sa.create.phoneInvalid")))) }]}
        >
          <Input inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t("sa.create.idNumber")}
          rules={[{ required: true, validator: (_, v: string | undefined) => (v && isValidIdNumber(v) ? Promise.resolve() : Promise.reject(new Error(t("sa.create.idNumberInvalid")))) }]}
        >
          <Input maxLength={18} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="departmentId" label={t("sa.create.department")} rules={[{ required: true, message: t("sa.create.departmentRequired") }]}>
          <Select showSearch={{ optionFilterProp: "label" }} options={departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="roles" label={t("sa.create.roles")} extra={t("sa.create.rolesHint")}>
          <Checkbox.Group
            role="group"
            aria-label={t("sa.create.roles")}
            options={nonApprovingDepartmentRoles(approvingRoles(me)).map((r) => ({ value: r, label: roleName(tr, r) }))}
          />
        </Form.Item>
        <ReasonField />
      </Form>
    </RequestModal>
  );
}
