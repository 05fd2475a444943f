import { FileProtectOutlined } from "@ant-design/icons";
import { Alert, App, Button, Input, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { caseCommands, useCaseCommand, useRefreshCase, type CaseDetail, type CaseMaterial } from "../../../common/data/cases.ts";
import { MaterialUploader } from "../../../common/components/MaterialUploader.tsx";
import { type ItemGuide } from "../../../common/data/catalog.ts";

/** Records a paper original that cannot be digitized (大幅面图纸, 原件留存…), with a note (R21). */
function PaperMaterial({ caseId, material }: { caseId: string; material: CaseMaterial }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const record = useCaseCommand(caseId, () => caseCommands.recordOfflineMaterial(caseId, material.materialId, note.trim()), {
    onSuccess: () => {
      void message.success(t("cw.hall.paperDone", { name: material.name }));
      setOpen(false);
      setNote("");
    },
  });
  const inputId = `paper-${material.materialId}`;
  if (!open)
    return (
      <Button icon={<FileProtectOutlined aria-hidden="true" />} onClick={() => setOpen(true)}>
        {t("cw.hall.paper")}
        <span className="sr-only">：{material.name}</span>
      </Button>
    );
  return (
    <div style={{ maxWidth: 640 }}>
      <label htmlFor={inputId} style={{ display: "block", marginBottom: 4 }}>{t("cw.hall.paperNote", { name: material.name })}</label>
      <Space.Compact style={{ width: "100%" }}>
        <Input id={inputId} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder={t("cw.hall.paperPlaceholder")} />
        <Button type="primary" autoInsertSpace={false} disabled={!note.trim()} loading={record.isPending} onClick={() => record.mutate()}>{t("cw.hall.paperOk")}</Button>
        <Button onClick={() => setOpen(false)}>{t("common.cancel")}</Button>
      </Space.Compact>
      {record.error && <Typography.Text type="danger" role="alert">{record.error.message}</Typography.Text>}
    </div>
  );
}

/** Step 3: scan or upload each material, or record the paper original. */
export function MaterialsStep({ detail, guide, onNext }: { detail: CaseDetail; guide: ItemGuide | undefined; onNext: () => void }) {
  const { t } = useTranslation();
  const refreshCase = useRefreshCase();
  const refresh = () => void refreshCase(detail.id);
  const editable = detail.abilities.uploadMaterial;
  const missing = detail.missingMaterials;
  return (
    <div>
      <Typography.Paragraph>{t("cw.hall.materialsIntro")}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t("apply.materialsRules")}</Typography.Paragraph>
      {detail.materials.map((m) => (
        <MaterialUploader
          key={m.materialId}
          caseId={detail.id}
          material={m}
          guide={guide?.materials.find((g) => g.id === m.materialId)}
          editable={editable}
          extra={editable ? <PaperMaterial caseId={detail.id} material={m} /> : null}
          onChanged={refresh}
        />
      ))}
      <div aria-live="polite">
        {missing.length > 0 ? (
          <Alert type="warning" showIcon title={t("apply.stillMissing", { count: missing.length })} description={missing.map((m) => m.name).join("、")} style={{ marginBottom: 16 }} />
        ) : (
          <Alert type="success" showIcon title={t("cw.hall.materialsComplete")} style={{ marginBottom: 16 }} />
        )}
      </div>
      <Button type="primary" size="large" onClick={onNext}>{t("cw.hall.toAccept")}</Button>
    </div>
  );
}
