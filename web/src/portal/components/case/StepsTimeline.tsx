import type { StepProgress } from "@cq/contracts";
import { CheckCircleOutlined, ClockCircleOutlined, MinusCircleOutlined } from "@ant-design/icons";
import { Empty, Tag, Timeline } from "antd";
import type { TimelineProps } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../common/format.ts";
import { useItem, type GuideStep } from "../../../common/data/catalog.ts";
import { tasksInOrder, type CaseTask, type CaseDetail } from "../../../common/data/cases.ts";

type State = StepProgress;
type TimelineItemType = NonNullable<TimelineProps["items"]>[number];

const stateOf = (task: CaseTask): State => (task.status === "done" ? "done" : "current");
const colors: Record<State, string> = { done: "green", current: "blue", pending: "gray" };
const icons: Record<State, ReactNode> = {
  done: <CheckCircleOutlined aria-hidden="true" />,
  current: <ClockCircleOutlined aria-hidden="true" />,
  pending: <MinusCircleOutlined aria-hidden="true" />,
};

function stepDepartment(step: GuideStep & { assistingDepartments?: { name: string }[] }): string {
  if (step.department) return step.department.name;
  return (step.assistingDepartments ?? []).map((d) => d.name).join("、");
}

/**
 * 办理进度: every public step with its department and dates, as a vertical timeline: what is done,
 * what is being handled now, and (from the item's process) what is still to come.
 */
export function StepsTimeline({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const guide = useItem(detail.item.id);
  const tasks = tasksInOrder(detail);
  const label = (s: State) => <Tag color={s === "done" ? "success" : s === "current" ? "processing" : "default"}>{t(`cw.steps.${s}`)}</Tag>;

  const items: TimelineItemType[] = [];
  if (detail.submittedAt) {
    items.push({
      key: "submitted",
      color: "green",
      icon: icons.done,
      content: (
        <div>
          <div className="cw-step-title">{t("journey.apply")} {label("done")}</div>
          <div className="muted">{formatDateTime(detail.submittedAt)}</div>
        </div>
      ),
    });
  }
  for (const task of tasks) {
    const s = stateOf(task);
    items.push({
      key: task.id,
      color: colors[s],
      icon: icons[s],
      content: (
        <div>
          <div className="cw-step-title">
            {task.name} {label(s)}
            {task.round > 1 && <Tag>{t("cw.task.round", { n: task.round })}</Tag>}
          </div>
          <div>{task.department.name}</div>
          <div className="muted">
            {task.completedAt ? t("cw.steps.doneAt", { at: formatDateTime(task.completedAt) }) : t("cw.steps.since", { at: formatDateTime(task.openedAt) })}
          </div>
        </div>
      ),
    });
  }
  const open = !["closed", "not_accepted", "withdrawn"].includes(detail.status);
  const steps = guide.data?.process.steps ?? [];
  const seen = new Set(tasks.map((x) => x.stepId));
  const lastIndex = Math.max(-1, ...steps.map((s, i) => (seen.has(s.id) ? i : -1)));
  if (open && tasks.length > 0) {
    steps.forEach((step, i) => {
      if (i <= lastIndex || seen.has(step.id)) return;
      items.push({
        key: `pending-${step.id}`,
        color: colors.pending,
        icon: icons.pending,
        content: (
          <div>
            <div className="cw-step-title">{step.name} {label("pending")}</div>
            <div className="muted">{stepDepartment(step)}</div>
          </div>
        ),
      });
    });
  }
  if (items.length === 0) return <Empty description={t("progress.noSteps")} />;
  return <Timeline className="cw-steps" items={items} />;
}
