import { Alert, Button, Checkbox, Descriptions, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CaseDetail } from "../../../common/data/cases.ts";
import { type ItemGuide } from "../../../common/data/catalog.ts";
import { DeliveryChoiceSection } from "../../components/case/DeliveryChoiceSection.tsx";

export function ReviewStep({
  detail,
  item,
  submitting,
  missingFromServer,
  onBack,
  onGoToMaterials,
  onSubmit,
}: {
  detail: CaseDetail;
  item: ItemGuide;
  submitting: boolean;
  missingFromServer: { materialId: string; name: string }[];
  onBack: () => void;
  onGoToMaterials: () => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const [promise, setPromise] = useState(false);
  const fields = detail.formFields.length ? detail.formFields : item.formFields;
  const missingLocal = detail.materials.filter((m) => m.required && m.uploads.length === 0);
  const missing = missingFromServer.length ? missingFromServer : missingLocal.map((m) => ({ materialId: m.materialId, name: m.name }));

  return (
    <>
      {missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("apply.missingTitle")}
          description={
            <>
              <ul style={{ margin: "4px 0 8px", paddingInlineStart: 20 }}>
                {missing.map((m) => <li key={m.materialId}>{m.name}</li>)}
              </ul>
              <Button onClick={onGoToMaterials}>{t("apply.goUpload")}</Button>
            </>
          }
        />
      )}
      <Descriptions
        title={t("apply.reviewItem")}
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 24 }}
        items={[
          { key: "item", label: t("apply.itemName"), children: item.name },
          { key: "dept", label: t("guide.department"), children: item.department?.name },
          { key: "promised", label: t("guide.promisedLimit"), children: t("guide.workingDays", { count: item.promisedDays }) },
          { key: "applicant", label: t("apply.applicantName"), children: detail.applicant?.name },
        ]}
      />
      <Descriptions
        title={t("apply.reviewForm")}
        bordered
        size="small"
        column={1}
        style={{ marginBottom: 24 }}
        items={fields.map((f) => {
          const v = detail.formData[f.key];
          return { key: f.key, label: f.label, children: v === null || v === undefined || v === "" ? <Typography.Text type="secondary">{t("apply.notFilled")}</Typography.Text> : <span className="prose">{String(v)}</span> };
        })}
      />
      <Descriptions
        title={t("apply.reviewMaterials")}
        bordered
        size="small"
        column={1}
        style={{ marginBottom: 24 }}
        items={detail.materials.map((m) => ({
          key: m.materialId,
          label: m.name,
          children: m.uploads.length ? (
            <Space size={[4, 4]} wrap>{m.uploads.map((u) =>
              u.certificate ? (
                <Tag key={u.id} color="green">{t("materials.fromLibrary", { no: `${u.certificate.name} ${u.certificate.certificateNo}` })}</Tag>
              ) : (
                <Tag key={u.id}>{u.fileName || u.certificateNo || t("materials.offline")}</Tag>
              ),
            )}</Space>
          ) : m.required ? (
            <Typography.Text type="danger">{t("materials.notYet")}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t("materials.none")}</Typography.Text>
          ),
        }))}
      />
      {/* Optional here: the choice can be made or changed on the case page until the decision. */}
      <DeliveryChoiceSection detail={detail} />
      <Checkbox checked={promise} onChange={(e) => setPromise(e.target.checked)} style={{ marginBottom: 16 }}>
        {t("apply.promise")}
      </Checkbox>
      <div>
        <Space wrap>
          <Button size="large" onClick={onBack}>{t("apply.back")}</Button>
          <Button type="primary" size="large" disabled={!promise} loading={submitting} onClick={onSubmit}>
            {t("apply.submit")}
          </Button>
        </Space>
        {!promise && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t("apply.promiseFirst")}</Typography.Paragraph>}
      </div>
    </>
  );
}
