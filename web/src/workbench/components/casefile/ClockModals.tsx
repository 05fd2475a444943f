import { Alert, Form, Input, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import { caseCommands, type CaseDetail } from "../../../common/data/cases.ts";
import { isApiError } from "../../../common/api/errors.ts";
import { ActionModal } from "./ActionModal.tsx";
import { suspensionKinds, type SuspensionKind } from "@cq/contracts";
import { runningSuspensionId } from "./suspensions.ts";
import { useCaseAction } from "./useCaseAction.ts";

interface ModalProps {
  detail: CaseDetail;
  open: boolean;
  onClose: () => void;
}


interface SuspendValues {
  kind: SuspensionKind;
  reason: string;
  expectedWorkingDays: number;
}

/** 中止计时 (Art. 45): the clock stops; the applicant gets a written notice of what and how long. */
export function SuspendModal({ detail, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SuspendValues>();
  const suspend = useCaseAction(
    detail.id,
    (body: SuspendValues) => caseCommands.suspend(detail.id, body),
    () => t("cw.suspend.done"),
  );
  const close = () => {
    form.resetFields();
    suspend.reset();
    onClose();
  };
  return (
    <ActionModal
      open={open}
      title={t("cw.suspend.title")}
      okText={t("cw.suspend.ok")}
      effects={[t("cw.suspend.effect1"), t("cw.suspend.effect2"), t("cw.suspend.effect3")]}
      notify={t("cw.suspend.notify")}
      loading={suspend.isPending}
      error={suspend.error}
      onOk={() => form.submit()}
      onCancel={close}
    >
      <Form<SuspendValues>
        form={form}
        layout="vertical"
        initialValues={{ expectedWorkingDays: 5 }}
        onFinish={(v) =>
          suspend.mutate(
            { kind: v.kind, reason: v.reason.trim(), expectedWorkingDays: v.expectedWorkingDays },
            { onSuccess: close },
          )
        }
      >
        <Form.Item name="kind" label={t("cw.suspend.kind")} rules={[{ required: true, message: t("cw.suspend.kindRequired") }]} extra={t("cw.suspend.kindHint")}>
          <Select options={suspensionKinds.map((k) => ({ value: k, label: t(`cw.suspensionKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t("cw.suspend.reason")} rules={[{ required: true, whitespace: true, message: t("cw.reasonRequired") }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="expectedWorkingDays" label={t("cw.suspend.days")} rules={[{ required: true, message: t("cw.daysRequired") }]}>
          <InputNumber min={1} max={250} suffix={t("guide.workingDaysUnit")} style={{ width: 220 }} />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

/** 恢复计时: the resume day counts like a new start day; the due date moves by the stopped days. */
export function ResumeModal({ detail, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const sid = runningSuspensionId(detail);
  const resume = useCaseAction(
    detail.id,
    (id: string) => caseCommands.endSuspension(detail.id, id),
    () => t("cw.resume.done"),
  );
  const close = () => {
    resume.reset();
    onClose();
  };
  return (
    <ActionModal
      open={open}
      title={t("cw.resume.title")}
      okText={t("cw.resume.ok")}
      okDisabled={!sid}
      effects={[t("cw.resume.effect1"), t("cw.resume.effect2")]}
      notify={t("cw.resume.notify")}
      loading={resume.isPending}
      error={resume.error}
      onOk={() =>
        sid &&
        resume.mutate(sid, { onSuccess: close })
      }
      onCancel={close}
    >
      {!sid && <Alert type="warning" showIcon title={t("cw.resume.unknown")} />}
    </ActionModal>
  );
}

interface ExtendValues {
  workingDays: number;
  reason: string;
}

/** 延期 (Art. 42): the department head adds working days, within the statutory cap. */
export function ExtendModal({ detail, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ExtendValues>();
  const extend = useCaseAction(
    detail.id,
    (body: ExtendValues) => caseCommands.extend(detail.id, body),
    (r, body) => t("cw.extend.done", { days: body.workingDays, limit: r.limitDays }),
  );
  const close = () => {
    form.resetFields();
    extend.reset();
    onClose();
  };
  const describeError = (error: Error) => {
    if (!isApiError(error) || error.code !== "EXTENSION_BEYOND_CAP") return null;
    const allowed = error.details?.allowed;
    return typeof allowed === "number" ? <div>{t("cw.extend.allowed", { count: allowed })}</div> : null;
  };
  return (
    <ActionModal
      open={open}
      title={t("cw.extend.title")}
      okText={t("cw.extend.ok")}
      effects={[t("cw.extend.effect1"), t("cw.extend.effect2", { promised: detail.item.promisedDays, statutory: detail.item.statutoryDays })]}
      notify={t("cw.extend.notify")}
      loading={extend.isPending}
      error={extend.error}
      describeError={describeError}
      onOk={() => form.submit()}
      onCancel={close}
    >
      <Form<ExtendValues> form={form} layout="vertical" onFinish={(v) => extend.mutate({ workingDays: v.workingDays, reason: v.reason.trim() }, { onSuccess: close })}>
        <Form.Item name="workingDays" label={t("cw.extend.days")} rules={[{ required: true, message: t("cw.daysRequired") }]}>
          <InputNumber min={1} max={60} suffix={t("guide.workingDaysUnit")} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="reason" label={t("cw.extend.reason")} rules={[{ required: true, whitespace: true, message: t("cw.reasonRequired") }]} extra={t("cw.extend.reasonHint")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

/** 说明超期原因: recorded by the end of the first red working day, it prevents automatic escalation. */
export function ExplainModal({ detail, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  const explain = useCaseAction(
    detail.id,
    (text: string) => caseCommands.explain(detail.id, text),
    () => t("cw.explain.done"),
  );
  const close = () => {
    form.resetFields();
    explain.reset();
    onClose();
  };
  return (
    <ActionModal
      open={open}
      title={t("cw.explain.title")}
      okText={t("cw.explain.ok")}
      effects={[t("cw.explain.effect1"), t("cw.explain.effect2")]}
      notify={t("cw.explain.notify")}
      loading={explain.isPending}
      error={explain.error}
      onOk={() => form.submit()}
      onCancel={close}
    >
      <Form<{ text: string }> form={form} layout="vertical" onFinish={(v) => explain.mutate(v.text.trim(), { onSuccess: close })}>
        <Form.Item name="text" label={t("cw.explain.text")} rules={[{ required: true, whitespace: true, message: t("cw.reasonRequired") }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}
