import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Space, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ACCEPT_ATTR } from "../../../common/files.ts";
import { useFileCheck } from "../../../common/hooks/useFileCheck.ts";
import { formatBytes, shortHash } from "../../../common/format.ts";
import { useRefreshCase, type TaskAttachment } from "../../../common/data/cases.ts";
import { taskCommands } from "../../../common/data/tasks.ts";

/** Where staff open a task's attachment (internal working papers, never shown to the applicant). */
export const attachmentUrl = (taskId: string, attachmentId: string): string =>
  `/api/tasks/${encodeURIComponent(taskId)}/attachments/${encodeURIComponent(attachmentId)}/file`;

/** The files attached to a task, each opening in a new tab. */
export function AttachmentList({ taskId, attachments }: { taskId: string; attachments: TaskAttachment[] | undefined }) {
  if (!attachments?.length) return null;
  return (
    <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {attachments.map((a) => (
        <li key={a.id}>
          <Space size={6} wrap>
            <PaperClipOutlined aria-hidden="true" />
            <a href={attachmentUrl(taskId, a.id)} target="_blank" rel="noopener noreferrer">
              {a.fileName}
            </a>
            <span className="muted">{formatBytes(a.size)}</span>
            <span className="hash mono" title={`SHA-256 ${a.sha256}`}>SHA-256 {shortHash(a.sha256)}</span>
          </Space>
        </li>
      ))}
    </ul>
  );
}

/** Attach files to an open task before completing it; each lands on the task at once. */
export function TaskAttachmentUpload({ caseId, taskId, attachments }: { caseId: string; taskId: string; attachments: TaskAttachment[] | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const checkFile = useFileCheck();
  const refreshCase = useRefreshCase();
  const [busy, setBusy] = useState(0);
  return (
    <div>
      <AttachmentList taskId={taskId} attachments={attachments} />
      <Upload
        accept={ACCEPT_ATTR}
        multiple
        showUploadList={false}
        beforeUpload={checkFile}
        customRequest={({ file }) => {
          const f = file as File;
          setBusy((n) => n + 1);
          taskCommands.uploadAttachment(taskId, f)
            .then(async () => {
              void message.success(t("cw.complete.attached", { name: f.name }));
              await refreshCase(caseId);
            })
            .catch((error: unknown) => void message.error(`${f.name}：${error instanceof Error ? error.message : t("error.unknown")}`))
            .finally(() => setBusy((n) => n - 1));
        }}
      >
        <Button icon={<UploadOutlined aria-hidden="true" />} loading={busy > 0} style={{ marginTop: 8 }}>{t("cw.complete.attach")}</Button>
      </Upload>
    </div>
  );
}
