import { DatePicker, Form, Input, Radio, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { caseCommands, type CaseDetail } from "../../../common/data/cases.ts";
import { useMe } from "../../../common/data/me.ts";
import { ActionModal } from "./ActionModal.tsx";
import { worksIn } from "../../abilities.ts";
import { involvedDepartments } from "./access.ts";
import { useCaseAction } from "./useCaseAction.ts";

interface ModalProps {
  detail: CaseDetail;
  open: boolean;
  onClose: () => void;
}


interface VerifyValues {
  method: "phone" | "sms";
  result: "confirmed" | "not-reached" | "discrepancy";
  note?: string;
}

/** 核实申请人 (R25): by phone or SMS; an SMS check also sends the message. */
export function VerifyModal({ detail, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<VerifyValues>();
  const method = Form.useWatch("method", form) ?? "phone";
  const verify = useCaseAction(
    detail.id,
    (body: VerifyValues) => caseCommands.recordVerification(detail.id, body),
    () => t("cw.verify.done"),
  );
  const close = () => {
    form.resetFields();
    verify.reset();
    onClose();
  };
  return (
    <ActionModal
      open={open}
      title={t("cw.verify.title")}
      okText={t("cw.verify.ok")}
      effects={[t("cw.verify.effect1"), ...(method === "sms" ? [t("cw.verify.effectSms")] : [])]}
      notify={method === "sms" ? t("cw.verify.notifySms", { phone: detail.applicant?.phone ?? "" }) : t("cw.verify.notifyPhone")}
      loading={verify.isPending}
      error={verify.error}
      onOk={() => form.submit()}
      onCancel={close}
    >
      <Form<VerifyValues>
        form={form}
        layout="vertical"
        initialValues={{ method: "phone", result: "confirmed" }}
        onFinish={(v) => verify.mutate({ method: v.method, result: v.result, ...(v.note?.trim() ? { note: v.note.trim() } : {}) }, { onSuccess: close })}
      >
        <Form.Item name="method" label={t("cw.verify.method")}>
          <Radio.Group options={(["phone", "sms"] as const).map((m) => ({ value: m, label: t(`cw.verify.methods.${m}`) }))} />
        </Form.Item>
        <Form.Item name="result" label={t("cw.verify.result")}>
          <Radio.Group options={(["confirmed", "not-reached", "discrepancy"] as const).map((r) => ({ value: r, label: t(`cw.verify.results.${r}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t("cw.verify.note")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

interface ThirdPartyValues {
  taskId?: string;
  agency: string;
  reportNo: string;
  conclusion: string;
  receivedOn: Dayjs;
  text: string;
}

/** 登记第三方审查结果 (R26): recorded exactly as it came back; append-only. */
export function ThirdPartyModal({ detail, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ThirdPartyValues>();
  const record = useCaseAction(
    detail.id,
    (body: { taskId?: string; agency: string; reportNo: string; conclusion: string; receivedOn: string; text: string }) => caseCommands.recordThirdPartyResult(detail.id, body),
    () => t("cw.thirdParty.done"),
  );
  const close = () => {
    form.resetFields();
    record.reset();
    onClose();
  };
  const tasks = (detail.tasks ?? []).filter((x) => x.kind === "third-party");
  return (
    <ActionModal
      open={open}
      title={t("cw.thirdParty.title")}
      okText={t("cw.thirdParty.ok")}
      effects={[t("cw.thirdParty.effect1"), t("cw.thirdParty.effect2")]}
      notify={t("cw.thirdParty.notify")}
      loading={record.isPending}
      error={record.error}
      width={720}
      onOk={() => form.submit()}
      onCancel={close}
    >
      <Form<ThirdPartyValues>
        form={form}
        layout="vertical"
        initialValues={{ taskId: tasks.find((x) => x.status !== "done")?.id }}
        onFinish={(v) =>
          record.mutate(
            {
              ...(v.taskId ? { taskId: v.taskId } : {}),
              agency: v.agency.trim(),
              reportNo: v.reportNo.trim(),
              conclusion: v.conclusion.trim(),
              receivedOn: v.receivedOn.format("YYYY-MM-DD"),
              // Exactly as received: no trimming inside, only the outer whitespace a paste brings.
              text: v.text.replace(/^\s+|\s+$/g, ""),
            },
            { onSuccess: close },
          )
        }
      >
        {tasks.length > 0 && (
          <Form.Item name="taskId" label={t("cw.thirdParty.task")}>
            <Select allowClear options={tasks.map((x) => ({ value: x.id, label: `${x.name} · ${x.department.name}` }))} />
          </Form.Item>
        )}
        <Form.Item name="agency" label={t("cw.thirdParty.agency")} rules={[{ required: true, whitespace: true, message: t("cw.fieldRequired") }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="reportNo" label={t("cw.thirdParty.reportNo")} rules={[{ required: true, whitespace: true, message: t("cw.fieldRequired") }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="conclusion" label={t("cw.thirdParty.conclusion")} rules={[{ required: true, whitespace: true, message: t("cw.fieldRequired") }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="receivedOn" label={t("cw.thirdParty.receivedOn")} rules={[{ required: true, message: t("cw.fieldRequired") }]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="text" label={t("cw.thirdParty.text")} rules={[{ required: true, whitespace: true, message: t("cw.fieldRequired") }]} extra={t("cw.thirdParty.textHint")}>
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} maxLength={20000} showCount />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

interface HandoverValues {
  items: string[];
  fromDepartmentId: string;
  toDepartmentId: string;
  note?: string;
}

/** 纸质材料移交 (R28): paper originals travel labelled with the supervision code; the receiver signs. */
export function HandoverModal({ detail, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const { me } = useMe();
  const [form] = Form.useForm<HandoverValues>();
  const from = Form.useWatch("fromDepartmentId", form);
  const register = useCaseAction(
    detail.id,
    (body: HandoverValues) => caseCommands.registerHandover(detail.id, body),
    (r) => t("cw.handover.done", { label: r.label }),
  );
  const close = () => {
    form.resetFields();
    register.reset();
    onClose();
  };
  const involved = involvedDepartments(detail);
  const mine = involved.filter((d) => worksIn(me, d.id));
  const targets = involved.filter((d) => d.id !== from);
  const to = Form.useWatch("toDepartmentId", form);
  const toName = involved.find((d) => d.id === to)?.name ?? t("cw.handover.receiver");
  const suggestions = detail.materials.map((m) => ({ value: t("cw.handover.original", { name: m.name }) }));
  return (
    <ActionModal
      open={open}
      title={t("cw.handover.title")}
      okText={t("cw.handover.ok")}
      effects={[t("cw.handover.effect1", { code: detail.supervisionCode ?? "" }), t("cw.handover.effect2", { to: toName })]}
      notify={t("cw.handover.notify", { to: toName })}
      loading={register.isPending}
      error={register.error}
      width={680}
      onOk={() => form.submit()}
      onCancel={close}
    >
      <Form<HandoverValues>
        form={form}
        layout="vertical"
        initialValues={{ fromDepartmentId: mine[0]?.id, toDepartmentId: involved.find((d) => d.id !== mine[0]?.id)?.id }}
        onFinish={(v) =>
          register.mutate(
            { items: v.items.map((x) => x.trim()).filter(Boolean), fromDepartmentId: v.fromDepartmentId, toDepartmentId: v.toDepartmentId, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
            { onSuccess: close },
          )
        }
      >
        <Form.Item name="items" label={t("cw.handover.items")} rules={[{ required: true, type: "array", min: 1, message: t("cw.handover.itemsRequired") }]} extra={t("cw.handover.itemsHint")}>
          <Select mode="tags" options={suggestions} tokenSeparators={["\n"]} />
        </Form.Item>
        <Form.Item name="fromDepartmentId" label={t("cw.handover.from")} rules={[{ required: true, message: t("cw.fieldRequired") }]}>
          <Select options={mine.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="toDepartmentId" label={t("cw.handover.to")} rules={[{ required: true, message: t("cw.fieldRequired") }]}>
          <Select options={targets.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item name="note" label={t("cw.handover.note")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}
