import { Descriptions, Empty, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { LightTag } from "../../../common/components/StatusTag.tsx";
import { formatDate, formatDateTime } from "../../../common/format.ts";
import { AttachmentList } from "./TaskAttachments.tsx";
import { DeliveryRecordView, OfflineRecordView, OutcomeTag, TaskStatusTag } from "./TaskParts.tsx";
import { tasksInOrder, type CaseTask, type CaseDetail } from "../../../common/data/cases.ts";

function TaskCard({ task }: { task: CaseTask }) {
  const { t } = useTranslation();
  const open = task.status !== "done";
  const headingId = `task-${task.id}`;
  return (
    <article aria-labelledby={headingId} className="cw-task" data-testid={`task-${task.stepId}`}>
      <Space size={[8, 4]} wrap style={{ marginBottom: 8 }}>
        <h3 id={headingId} style={{ margin: 0, fontSize: "1.05em" }}>{task.name}</h3>
        <Tag>{t(`stepKind.${task.kind}`, { defaultValue: task.kind })}</Tag>
        <span>{task.department.name}</span>
        <TaskStatusTag status={task.status} />
        <OutcomeTag outcome={task.outcome} />
        {task.round > 1 && <Tag color="purple">{t("cw.task.round", { n: task.round })}</Tag>}
        {open && <LightTag light={task.light ?? undefined} />}
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: "role", label: t("cw.task.role"), children: t(`role.${task.role}`, { defaultValue: task.role }) },
          { key: "opened", label: t("cw.task.openedAt"), children: formatDateTime(task.openedAt) },
          ...(task.dueDate ? [{ key: "due", label: t("cw.task.dueDate"), children: formatDate(task.dueDate) }] : []),
          ...(task.assignee ? [{ key: "assignee", label: t("cw.task.assignee"), children: task.assignee }] : []),
          ...(task.completedAt ? [{ key: "done", label: t("cw.task.completedAt"), children: formatDateTime(task.completedAt) }] : []),
          ...(task.completedBy ? [{ key: "by", label: t("cw.task.completedBy"), children: task.completedBy }] : []),
        ]}
      />
      {task.opinion && (
        <div style={{ marginTop: 8 }}>
          <div className="cw-label">{t("cw.task.opinion")}</div>
          <div className="prose cw-opinion">{task.opinion}</div>
        </div>
      )}
      {(task.attachments?.length ?? 0) > 0 && (
        <div style={{ marginTop: 8 }}>
          <div className="cw-label">{t("cw.task.attachments")}</div>
          <AttachmentList taskId={task.id} attachments={task.attachments} />
        </div>
      )}
      {task.record && task.kind === "deliver" ? (
        <div style={{ marginTop: 8 }}>
          <div className="cw-label">{t("cw.task.delivery")}</div>
          <DeliveryRecordView record={task.record} />
        </div>
      ) : task.record ? (
        <div style={{ marginTop: 8 }}>
          <div className="cw-label">{t("cw.task.record")}</div>
          <OfflineRecordView record={task.record} />
        </div>
      ) : null}
    </article>
  );
}

/** 办理环节与意见: every task of every department, in the order they opened, with who, when and what they said. */
export function TasksPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const tasks = tasksInOrder(detail);
  if (tasks.length === 0) return <Empty description={t("cw.task.none")} />;
  return (
    <div className="cw-tasks">
      {tasks.map((task) => <TaskCard key={task.id} task={task} />)}
    </div>
  );
}
