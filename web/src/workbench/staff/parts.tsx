import { Alert, Form, Input, Tag } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../common/api/errors.ts";
import { errorKind } from "../../common/components/ErrorResult.tsx";
import { formatDate } from "../../common/format.ts";
import { useDepartmentOptions } from "../../common/data/catalog.ts";
import type { StaffChangeStatus, ScopeDepartment, StaffMember } from "../../common/data/staff.ts";
import type { Names, Translate } from "./model.ts";

/** Server codes with a staff-specific "what to do next". */
export const hintedCodes = [
  "UNTRAINED_STAFF",
  "STAFF_CHANGE_PENDING",
  "STAFF_CHANGE_DECIDED",
  "SAME_PERSON_APPROVAL",
  "ROLE_ALREADY_HELD",
  "ROLE_SCOPE_INVALID",
  "USERNAME_TAKEN",
  "PHONE_TAKEN",
  "ID_NUMBER_TAKEN",
  "INVALID_ID_NUMBER",
] as const;

/** The server's refusal, inline: its own message (localized by Accept-Language) and what to do next. */
export function ServerError({ error, id }: { error: Error | null; id?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = isApiError(error) ? error.code : undefined;
  const hint = code && (hintedCodes as readonly string[]).includes(code) ? t(`sa.errorHint.${code}`) : t(`error.next.${errorKind(error)}`);
  return (
    <Alert
      id={id}
      type="error"
      showIcon
      role="alert"
      style={{ marginTop: 12, marginBottom: 12 }}
      title={error.message || t("error.unknown")}
      description={
        <>
          <div>{hint}</div>
        </>
      }
    />
  );
}

/** `t` as the pure helpers take it. */
export function useTranslate(): Translate {
  const { t } = useTranslation();
  return (key, options) => (options ? t(key, options) : t(key)) as string;
}

/** Department and district names: the departments in scope first, the public catalog for districts. */
export function useNames(departments: ScopeDepartment[]): Names {
  const catalog = useDepartmentOptions();
  return useMemo(() => {
    const byId = new Map(departments.map((d) => [d.id, d.name]));
    const regions = new Map((catalog.data ?? []).map((d) => [d.regionCode, d.regionName]));
    for (const d of catalog.data ?? []) if (!byId.has(d.id)) byId.set(d.id, d.name);
    return { department: (id) => byId.get(id), region: (code) => regions.get(code) };
  }, [departments, catalog.data]);
}

export function TrainingTag({ staff }: { staff: Pick<StaffMember, "trained" | "trainedAt"> }) {
  const { t } = useTranslation();
  return staff.trained ? (
    <Tag color="success">{staff.trainedAt ? t("sa.trainedOn", { date: formatDate(staff.trainedAt) }) : t("sa.trained")}</Tag>
  ) : (
    <Tag color="warning">{t("sa.untrained")}</Tag>
  );
}

export function AccountTag({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return disabled ? <Tag color="error">{t("sa.disabled")}</Tag> : <Tag color="default">{t("sa.active")}</Tag>;
}

const statusColor: Record<StaffChangeStatus, string> = { pending: "processing", approved: "success", rejected: "error", withdrawn: "default" };

export function ChangeStatusTag({ status }: { status: StaffChangeStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status] ?? "default"}>{t(`sa.status.${status}`, { defaultValue: status })}</Tag>;
}

export function PendingTag() {
  const { t } = useTranslation();
  return <Tag color="warning">{t("sa.pendingBadge")}</Tag>;
}

/** The reason every request carries (2 to 500 characters). */
export function ReasonField({ name = "reason", label, hint, requiredMessage }: { name?: string; label?: string; hint?: string | null; requiredMessage?: string }) {
  const { t } = useTranslation();
  const message = requiredMessage ?? t("sa.request.reasonRequired");
  return (
    <Form.Item
      name={name}
      label={label ?? t("sa.request.reason")}
      extra={hint === null ? undefined : (hint ?? t("sa.request.reasonHint"))}
      rules={[
        { required: true, whitespace: true, message },
        { min: 2, max: 500, message, transform: (v: string | undefined) => v?.trim() },
      ]}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
    </Form.Item>
  );
}

/**
 * A dialog's target that outlives its closing: `hide()` starts the close animation, `afterClose()`
 * (from the dialog's afterClose / afterOpenChange) forgets the target. Keeping the dialog mounted
 * until then lets antd put the focus back on the button that opened it.
 */
export function useDialog<T>() {
  const [state, setState] = useState<{ value: T; open: boolean } | null>(null);
  return {
    value: state?.value ?? null,
    open: state?.open ?? false,
    show: (value: T) => setState({ value, open: true }),
    hide: () => setState((s) => (s ? { ...s, open: false } : s)),
    afterClose: () => setState((s) => (s && !s.open ? null : s)),
  };
}
