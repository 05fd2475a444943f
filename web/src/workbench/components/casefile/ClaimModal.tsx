import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import { taskCommands } from "../../../common/data/tasks.ts";
import { LightTag } from "../../../common/components/StatusTag.tsx";
import { formatDate } from "../../../common/format.ts";
import { ActionModal } from "./ActionModal.tsx";
import { useCaseAction } from "./useCaseAction.ts";
import { type CaseTask, type CaseDetail } from "../../../common/data/cases.ts";

/** 签收: the task becomes the signer's; nobody else in the role can sign for it any more. */
export function ClaimModal({ detail, task, onClose }: { detail: CaseDetail; task: CaseTask | null; onClose: () => void }) {
  const { t } = useTranslation();
  const claim = useCaseAction(
    detail.id,
    taskCommands.claim,
    () => t("cw.claim.done", { step: task?.name ?? "" }),
  );
  return (
    <ActionModal
      open={task !== null}
      title={t("cw.claim.title")}
      okText={t("cw.claim.ok")}
      effects={[t("cw.claim.effect1"), t("cw.claim.effect2"), ...(task?.dueDate ? [t("cw.claim.effect3", { date: formatDate(task.dueDate) })] : [])]}
      notify={t("cw.claim.notify")}
      loading={claim.isPending}
      error={claim.error}
      onOk={() => task && claim.mutate(task.id, { onSuccess: onClose })}
      onCancel={() => {
        claim.reset();
        onClose();
      }}
    >
      {task && (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: "step", label: t("cw.task.step"), children: task.name },
            { key: "dept", label: t("guide.department"), children: task.department.name },
            { key: "due", label: t("cw.task.dueDate"), children: <>{formatDate(task.dueDate)} <LightTag light={task.light ?? undefined} /></> },
          ]}
        />
      )}
    </ActionModal>
  );
}
