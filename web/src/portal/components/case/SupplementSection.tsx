import { FilePdfOutlined } from "@ant-design/icons";
import { Alert, App, Button, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { missingMaterialsOf } from "../../../common/api/errors.ts";
import { Section } from "../../../common/components/Misc.tsx";
import { formatDate } from "../../../common/format.ts";
import { MaterialUploader } from "../../../common/components/MaterialUploader.tsx";
import { caseCommands, useCaseCommand, documentUrl, openSupplementNotice, type CaseDetail } from "../../../common/data/cases.ts";

/**
 * 补正材料: the latest unanswered one-time notice, item by item, with an upload for each material
 * it names (listed first), then 提交补正.
 */
export function SupplementSection({ detail, editable, onChanged }: { detail: CaseDetail; editable: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notice = openSupplementNotice(detail);
  const send = useCaseCommand(detail.id, () => caseCommands.supplement(detail.id), {
    onSuccess: () => {
      void message.success(t("case.supplementSent"));
      onChanged();
    },
  });
  const requested = notice?.items ?? [];
  const missingIds = new Set([...detail.missingMaterials.map((m) => m.materialId), ...requested.flatMap((i) => (i.materialId ? [i.materialId] : []))]);
  const nameOf = (materialId?: string) => detail.materials.find((m) => m.materialId === materialId)?.name;
  const ordered = [...detail.materials].sort((a, b) => Number(missingIds.has(b.materialId)) - Number(missingIds.has(a.materialId)));
  const stillMissing = missingMaterialsOf(send.error);
  return (
    <Section id="supplement" title={t("case.supplementTitle")}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t("case.supplementIntro")}
        description={
          <>
            {notice && <div className="muted">{t("cw.supplement.noticeOf", { date: formatDate(notice.createdAt), round: notice.round })}</div>}
            {requested.length > 0 && (
              <ol style={{ margin: "4px 0 0", paddingInlineStart: 20 }} aria-label={t("cw.supplement.items")}>
                {requested.map((item, i) => (
                  <li key={i}>
                    {(item.name ?? nameOf(item.materialId)) && <strong>{item.name ?? nameOf(item.materialId)}：</strong>}
                    {item.reason}
                  </li>
                ))}
              </ol>
            )}
            {notice?.documentId && (
              <div style={{ marginTop: 6 }}>
                <FilePdfOutlined aria-hidden="true" /> <a href={documentUrl(notice.documentId)} target="_blank" rel="noreferrer">{t("cw.supplement.noticePdf")}</a>
              </div>
            )}
          </>
        }
      />
      {ordered.map((m) => (
        <MaterialUploader
          key={m.materialId}
          caseId={detail.id}
          material={m}
          editable={editable}
          highlighted={missingIds.has(m.materialId)}
          highlightText={requested.filter((i) => i.materialId === m.materialId).map((i) => i.reason).join("；") || undefined}
          onChanged={onChanged}
        />
      ))}
      {editable && (
        <>
          <Button type="primary" size="large" loading={send.isPending} onClick={() => send.mutate()}>
            {t("case.sendSupplement")}
          </Button>
          <div aria-live="assertive">
            {send.error && (
              <Alert
                style={{ marginTop: 12 }}
                type="error"
                showIcon
                title={send.error.message}
                description={stillMissing.length ? stillMissing.map((m) => m.name).join("、") : undefined}
              />
            )}
          </div>
        </>
      )}
      {!editable && <Typography.Text type="secondary">{t("cw.supplement.hallOnly")}</Typography.Text>}
    </Section>
  );
}
