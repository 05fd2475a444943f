import { AuditOutlined, CheckOutlined, CloseOutlined, EditOutlined, FileTextOutlined, SafetyCertificateOutlined, SendOutlined, SignatureOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Section } from "../../../common/components/Misc.tsx";
import { LightTag } from "../../../common/components/StatusTag.tsx";
import { formatDate } from "../../../common/format.ts";
import { actionableTasks } from "./access.ts";
import { TaskStatusTag } from "./TaskParts.tsx";
import { type CaseTask, type CaseDetail } from "../../../common/data/cases.ts";

export type CaseModal =
  | "accept"
  | "notAccept"
  | "supplement"
  | "decide"
  | "result"
  | "deliver"
  | "suspend"
  | "resume"
  | "extend"
  | "explain"
  | "verify"
  | "thirdParty"
  | "handover";

function TaskRow({ task, suspended, onClaim, onComplete }: { task: CaseTask; suspended: boolean; onClaim: (t: CaseTask) => void; onComplete: (t: CaseTask) => void }) {
  const { t } = useTranslation();
  // The task's ability does not look at the case: while the clock is stopped the server refuses (409).
  const canComplete = task.abilities?.complete && !["decide", "deliver", "accept"].includes(task.kind) && !suspended;
  return (
    <div className="cw-work-row">
      <div style={{ minWidth: 0 }}>
        <Space size={[8, 4]} wrap>
          <strong>{task.name}</strong>
          <span className="muted">{task.department.name}</span>
          <TaskStatusTag status={task.status} />
        </Space>
        {task.dueDate && (
          <div className="muted" style={{ fontSize: "0.92em" }}>
            {t("cw.task.dueLine", { date: formatDate(task.dueDate) })} <LightTag light={task.light ?? undefined} />
          </div>
        )}
      </div>
      <Space wrap>
        {task.abilities?.claim && (
          <Button icon={<SignatureOutlined aria-hidden="true" />} onClick={() => onClaim(task)} data-testid={`claim-${task.stepId}`}>
            {t("cw.claim.button")}
          </Button>
        )}
        {canComplete && (
          <Button type="primary" icon={<CheckOutlined aria-hidden="true" />} onClick={() => onComplete(task)} data-testid={`complete-${task.stepId}`}>
            {t("cw.complete.button")}
          </Button>
        )}
        {task.abilities?.complete && suspended && <Typography.Text type="secondary">{t("cw.work.suspendedHint")}</Typography.Text>}
        {task.kind === "decide" && task.status === "claimed" && !task.abilities?.claim && (
          <Typography.Text type="secondary">{t("cw.work.decideBelow")}</Typography.Text>
        )}
      </Space>
    </div>
  );
}

/**
 * 待我办理: what the signed-in person can do on this case now, from the case's and the tasks'
 * abilities only. Nothing here is decided by the browser.
 */
export function WorkCard({
  detail,
  resultDepartments,
  onOpen,
  onClaim,
  onComplete,
}: {
  detail: CaseDetail;
  resultDepartments: { id: string; name: string }[];
  onOpen: (m: CaseModal) => void;
  onClaim: (t: CaseTask) => void;
  onComplete: (t: CaseTask) => void;
}) {
  const { t } = useTranslation();
  const a = detail.abilities;
  const tasks = actionableTasks(detail);
  const buttons: ReactNode[] = [];
  if (a.accept) buttons.push(<Button key="accept" type="primary" size="large" icon={<CheckOutlined aria-hidden="true" />} onClick={() => onOpen("accept")}>{t("wb.accept.button")}</Button>);
  if (a.notAccept) buttons.push(<Button key="notAccept" danger size="large" icon={<CloseOutlined aria-hidden="true" />} onClick={() => onOpen("notAccept")}>{t("wb.notAccept.button")}</Button>);
  if (a.requestSupplement) buttons.push(<Button key="supplement" size="large" icon={<FileTextOutlined aria-hidden="true" />} onClick={() => onOpen("supplement")}>{t("wb.supplement.button")}</Button>);
  if (a.decide) buttons.push(<Button key="decide" type="primary" size="large" icon={<AuditOutlined aria-hidden="true" />} onClick={() => onOpen("decide")}>{t("cw.decide.button")}</Button>);
  if (resultDepartments.length) buttons.push(<Button key="result" type="primary" size="large" icon={<SafetyCertificateOutlined aria-hidden="true" />} onClick={() => onOpen("result")}>{t("cw.result.button")}</Button>);
  if (a.deliver) buttons.push(<Button key="deliver" type="primary" size="large" icon={<SendOutlined aria-hidden="true" />} onClick={() => onOpen("deliver")}>{t("cw.deliver.button")}</Button>);
  if (tasks.length === 0 && buttons.length === 0) return null;
  return (
    <Section title={<><EditOutlined aria-hidden="true" /> {t("cw.work.title")}</>} className="section-card cw-work">
      {a.accept && <Alert type="info" showIcon title={t("wb.reviewHint")} description={t("wb.reviewHintText")} style={{ marginBottom: 12 }} />}
      {tasks.map((task) => <TaskRow key={task.id} task={task} suspended={detail.status === "suspended"} onClaim={onClaim} onComplete={onComplete} />)}
      {buttons.length > 0 && <Space wrap style={{ marginTop: tasks.length ? 12 : 0 }}>{buttons}</Space>}
    </Section>
  );
}
