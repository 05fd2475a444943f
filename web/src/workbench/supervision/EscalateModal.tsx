import { Alert, App, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useEscalate } from "../../common/data/supervision.ts";

export interface EscalateTarget {
  caseId: string;
  itemName: string;
  supervisionCode: string | null;
  departmentName: string;
}

/** 挂号督办: a supervisor escalates a case; the department must answer within the set working days (R36). */
export function EscalateModal({ target, onClose }: { target: EscalateTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [note, setNote] = useState("");
  const [touched, setTouched] = useState(false);
  const escalate = useEscalate((out) => {
    void message.success(out?.responseDueDate ? t("sv.escalate.doneDue", { date: out.responseDueDate }) : t("sv.escalate.done"));
    onClose();
  });
  const missing = touched && !note.trim();
  return (
    <Modal
      open
      title={t("sv.escalate.title")}
      okText={t("sv.escalate.ok")}
      cancelText={t("common.cancel")}
      confirmLoading={escalate.isPending}
      onCancel={onClose}
      onOk={() => {
        setTouched(true);
        if (note.trim()) escalate.mutate({ caseId: target.caseId, note: note.trim() });
        else document.getElementById("escalate-note")?.focus();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t("sv.escalate.what", { item: target.itemName, code: target.supervisionCode ?? "—", department: target.departmentName })}
      </Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t("sv.escalate.note")} htmlFor="escalate-note" required validateStatus={missing ? "error" : undefined} help={missing ? t("sv.escalate.noteRequired") : t("sv.escalate.noteHint")}>
          <Input.TextArea id="escalate-note" rows={4} maxLength={2000} showCount value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
      {escalate.isError && <Alert type="error" showIcon role="alert" title={escalate.error.message} />}
    </Modal>
  );
}
