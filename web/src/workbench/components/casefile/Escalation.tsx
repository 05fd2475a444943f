import { AlertOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { escalationCommands, useMyEscalations, type MyEscalation } from "../../../common/data/supervision.ts";
import { LightTag } from "../../../common/components/StatusTag.tsx";
import { formatDate } from "../../../common/format.ts";
import { ActionModal } from "./ActionModal.tsx";
import { useCaseAction } from "./useCaseAction.ts";
import { type CaseDetail } from "../../../common/data/cases.ts";

function AnswerModal({ detail, escalation, open, onClose }: { detail: CaseDetail; escalation: MyEscalation; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  const answer = useCaseAction(
    detail.id,
    (text: string) => escalationCommands.respond(escalation.id, text),
    () => t("cw.escalation.done"),
  );
  const close = () => {
    form.resetFields();
    answer.reset();
    onClose();
  };
  return (
    <ActionModal
      open={open}
      title={t("cw.escalation.title")}
      okText={t("cw.escalation.ok")}
      effects={[t("cw.escalation.effect1"), t("cw.escalation.effect2")]}
      notify={t("cw.escalation.notify")}
      loading={answer.isPending}
      error={answer.error}
      onOk={() => form.submit()}
      onCancel={close}
    >
      {escalation.note && <Alert type="warning" title={t("cw.escalation.note", { note: escalation.note })} style={{ marginBottom: 12 }} />}
      <Form<{ text: string }> form={form} layout="vertical" onFinish={(v) => answer.mutate(v.text.trim(), { onSuccess: close })}>
        <Form.Item name="text" label={t("cw.escalation.text")} rules={[{ required: true, whitespace: true, message: t("cw.reasonRequired") }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}

/** A banner for an open escalation of this case, with 回复督办 for those who may answer. */
export function EscalationBanner({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const query = useMyEscalations({ staleTime: 30_000, retry: false });
  const [open, setOpen] = useState(false);
  const escalation = query.data?.items.find((e) => e.caseId === detail.id);
  if (!escalation) return null;
  const canAnswer = !!escalation.canAnswer;
  return (
    <>
      <Alert
        className="section-card"
        type="error"
        showIcon
        icon={<AlertOutlined aria-hidden="true" />}
        title={escalation.automatic ? t("cw.escalation.bannerAuto") : t("cw.escalation.banner")}
        description={
          <>
            {escalation.note && <div>{t("cw.escalation.note", { note: escalation.note })}</div>}
            <div>
              {t("cw.escalation.due", { date: formatDate(escalation.responseDueDate) })} <span className="muted">{t("cw.escalation.answerLight")}</span>{" "}
              <LightTag light={escalation.light ?? undefined} />
            </div>
          </>
        }
        action={canAnswer ? <Button danger onClick={() => setOpen(true)}>{t("cw.escalation.button")}</Button> : undefined}
      />
      <AnswerModal detail={detail} escalation={escalation} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
