import { Alert, Button, Space } from "antd";
import { useTranslation } from "react-i18next";
import { MaterialUploader } from "../../../common/components/MaterialUploader.tsx";
import { type CaseDetail } from "../../../common/data/cases.ts";
import { type Material } from "../../../common/data/catalog.ts";

export function MaterialsStep({
  detail,
  guideMaterials,
  highlight,
  onChanged,
  onBack,
  onNext,
}: {
  detail: CaseDetail;
  guideMaterials: Material[];
  highlight: Set<string>;
  onChanged: () => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const missing = detail.missingMaterials;
  const isMissing = new Set(missing.map((m) => m.materialId));
  return (
    <>
      <h2 className="sr-only">{t("apply.stepMaterials")}</h2>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t("apply.materialsIntro")} description={t("apply.materialsRules")} />
      {detail.materials.map((m) => (
        <MaterialUploader
          key={m.materialId}
          caseId={detail.id}
          material={m}
          guide={guideMaterials.find((g) => g.id === m.materialId)}
          editable={detail.abilities.uploadMaterial}
          highlighted={highlight.has(m.materialId) && isMissing.has(m.materialId)}
          onChanged={onChanged}
        />
      ))}
      {missing.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t("apply.stillMissing", { count: missing.length })} description={missing.map((m) => m.name).join("、")} />
      )}
      <Space wrap>
        <Button size="large" onClick={onBack}>{t("apply.back")}</Button>
        <Button type="primary" size="large" onClick={onNext}>{t("apply.nextReview")}</Button>
      </Space>
    </>
  );
}
