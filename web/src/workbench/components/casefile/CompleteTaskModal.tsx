import { DatePicker, Form, Input, Radio, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { taskCommands } from "../../../common/data/tasks.ts";
import { ActionModal } from "./ActionModal.tsx";
import { returnTargets } from "./access.ts";
import { TaskAttachmentUpload } from "./TaskAttachments.tsx";
import { useCaseAction } from "./useCaseAction.ts";
import { type CaseTask, type OfflineRecord, type TaskOutcome, type CaseDetail } from "../../../common/data/cases.ts";

interface Values {
  outcome: TaskOutcome;
  returnToStepId?: string;
  opinion: string;
  procedure?: string;
  date?: Dayjs | null;
  participants?: string;
  course?: string;
  result?: string;
}

interface CompleteBody {
  outcome: TaskOutcome;
  opinion: string;
  returnToStepId?: string;
  record?: OfflineRecord;
}

function bodyOf(task: CaseTask, v: Values): CompleteBody {
  const body: CompleteBody = { outcome: v.outcome, opinion: v.opinion.trim() };
  if (v.outcome === "return" && v.returnToStepId) body.returnToStepId = v.returnToStepId;
  if (task.kind === "offline") {
    body.record = {
      procedure: (v.procedure ?? task.name).trim(),
      course: (v.course ?? "").trim(),
      result: (v.result ?? "").trim(),
      ...(v.date ? { date: v.date.format("YYYY-MM-DD") } : {}),
      ...(v.participants?.trim() ? { participants: v.participants.trim() } : {}),
    };
  }
  return body;
}

/** The assisting and counterpart departments give an opinion; they cannot send the case back. */
const canReturn = (kind: string) => kind !== "co-handle" && kind !== "push";

/** 办理完成: outcome, opinion, offline record, attachments; then the case moves on (or back). */
export function CompleteTaskModal({ detail, task, onClose }: { detail: CaseDetail; task: CaseTask | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch("outcome", form) ?? "pass";
  const returnTo = Form.useWatch("returnToStepId", form);
  const complete = useCaseAction(
    detail.id,
    ({ taskId, body }: { taskId: string; body: CompleteBody }) => taskCommands.complete(taskId, body),
    (_r, { body }) => t(`cw.complete.done.${body.outcome}`, { step: task?.name ?? "" }),
  );
  // The task as it is now (attachments change while the dialog is open).
  const live = task ? (detail.tasks ?? []).find((x) => x.id === task.id) ?? task : null;
  const targets = live ? returnTargets(detail, live) : [];
  const lead = detail.item.department?.name ?? "";
  const toAssisting = live ? !canReturn(live.kind) : false;
  const targetName = targets.find((x) => x.stepId === returnTo)?.name;

  const close = () => {
    form.resetFields();
    onClose();
  };

  const effects = [
    outcome === "return"
      ? targetName
        ? t("cw.complete.effect.returnTo", { step: targetName })
        : t("cw.complete.effect.returnNearest")
      : toAssisting
        ? t("cw.complete.effect.backToLead", { lead })
        : t(`cw.complete.effect.${outcome}`),
    ...(live?.kind === "offline" ? [t("cw.complete.effect.offline")] : []),
    t("cw.complete.effect.private"),
  ];
  const notify = outcome === "return" ? t("cw.complete.notify.return") : toAssisting ? t("cw.complete.notify.lead", { lead }) : t("cw.complete.notify.next");

  return (
    <ActionModal
      open={live !== null}
      title={t("cw.complete.title", { step: live?.name ?? "" })}
      okText={t("cw.complete.ok")}
      effects={effects}
      notify={notify}
      loading={complete.isPending}
      error={complete.error}
      width={720}
      onOk={() => form.submit()}
      onCancel={() => {
        complete.reset();
        close();
      }}
    >
      {live && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ outcome: "pass", procedure: live.name }}
          onFinish={(v) => complete.mutate({ taskId: live.id, body: bodyOf(live, v) }, { onSuccess: close })}
        >
          <Form.Item name="outcome" label={t("cw.task.outcomeLabel")} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={(["pass", "fail", "return"] as const)
                .filter((o) => o !== "return" || canReturn(live.kind))
                .map((o) => ({ value: o, label: t(`cw.task.outcome.${o}`) }))}
            />
          </Form.Item>
          {outcome === "return" && (
            <Form.Item name="returnToStepId" label={t("cw.complete.returnTo")} extra={t("cw.complete.returnToHint")}>
              <Select
                allowClear
                placeholder={t("cw.complete.returnNearestOption")}
                options={targets.map((x) => ({ value: x.stepId, label: `${x.name} · ${x.department}` }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="opinion"
            label={t("cw.task.opinion")}
            rules={[{ required: true, whitespace: true, message: t("cw.complete.opinionRequired") }]}
            extra={t("cw.complete.opinionHint")}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
          </Form.Item>
          {live.kind === "offline" && (
            <fieldset style={{ border: "1px solid #e7eaf0", borderRadius: 6, padding: "8px 16px 0", marginBottom: 16 }}>
              <legend style={{ width: "auto", padding: "0 6px", fontSize: "1em", margin: 0, border: 0 }}>{t("cw.task.record")}</legend>
              <Typography.Paragraph type="secondary">{t("cw.complete.recordHint")}</Typography.Paragraph>
              <Form.Item name="procedure" label={t("cw.task.recordProcedure")} rules={[{ required: true, whitespace: true, message: t("cw.complete.fieldRequired") }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="date" label={t("cw.task.recordDate")}>
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
              <Form.Item name="participants" label={t("cw.task.recordParticipants")}>
                <Input maxLength={1000} />
              </Form.Item>
              <Form.Item name="course" label={t("cw.task.recordCourse")} rules={[{ required: true, whitespace: true, message: t("cw.complete.fieldRequired") }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
              </Form.Item>
              <Form.Item name="result" label={t("cw.task.recordResult")} rules={[{ required: true, whitespace: true, message: t("cw.complete.fieldRequired") }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
              </Form.Item>
            </fieldset>
          )}
          <div role="group" aria-labelledby={`attach-${live.id}`}>
            <div id={`attach-${live.id}`} style={{ fontWeight: 500 }}>{t("cw.task.attachments")}</div>
            <Typography.Text type="secondary">{t("cw.complete.attachHint")}</Typography.Text>
            <TaskAttachmentUpload caseId={detail.id} taskId={live.id} attachments={live.attachments} />
          </div>
        </Form>
      )}
    </ActionModal>
  );
}
