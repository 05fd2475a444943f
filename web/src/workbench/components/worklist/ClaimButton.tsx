import { SignatureOutlined } from "@ant-design/icons";
import { App, Button, Popconfirm } from "antd";
import { useTranslation } from "react-i18next";
import { useCaseCommand } from "../../../common/data/cases.ts";
import { taskCommands } from "../../../common/data/tasks.ts";

/** 签收 straight from the worklist, after a one-line confirmation of what signing means. */
export function ClaimButton({ taskId, caseId, stepName, onClaimed }: { taskId: string; caseId: string; stepName: string; onClaimed: (text: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const claim = useCaseCommand(caseId, () => taskCommands.claim(taskId), {
    onSuccess: () => {
      const text = t("cw.claim.done", { step: stepName });
      void message.success(text);
      onClaimed(text);
    },
    onError: (error) => {
      void message.error(error.message);
      onClaimed(error.message);
    },
  });
  return (
    <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()} role="presentation">
      <Popconfirm
        title={t("cw.claim.title")}
        description={<div style={{ maxWidth: 280 }}>{t("cw.claim.effect1")}</div>}
        okText={t("cw.claim.ok")}
        cancelText={t("common.cancel")}
        onConfirm={() => claim.mutateAsync().catch(() => undefined)}
      >
        <Button size="small" icon={<SignatureOutlined aria-hidden="true" />} loading={claim.isPending}>
          {t("cw.claim.button")}
          <span className="sr-only">：{stepName}</span>
        </Button>
      </Popconfirm>
    </span>
  );
}
