import { CheckOutlined, PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Result, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { missingMaterialsOf } from "../../../common/api/errors.ts";
import { LinkButton } from "../../../common/components/LinkButton.tsx";
import { caseCommands, useCaseCommand, type AcceptResult, type CaseDetail, documentUrl } from "../../../common/data/cases.ts";
import { ActionModal } from "../casefile/ActionModal.tsx";

/** The acceptance notice with the supervision code, ready to print for the person at the window. */
export function Accepted({ caseId, result, onNext }: { caseId: string; result: AcceptResult; onNext: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      className="cw-hall-result"
      status="success"
      title={t("cw.hall.acceptedTitle")}
      subTitle={
        <div role="status" aria-live="polite">
          <div>{t("wb.accepted.code")}</div>
          <span className="supervision-code supervision-code-big" data-testid="supervision-code">{result.supervisionCode}</span>
          <div>{t("cw.hall.acceptedText")}</div>
        </div>
      }
      extra={
        <Space wrap>
          <Button type="primary" size="large" icon={<PrinterOutlined aria-hidden="true" />} href={documentUrl(result.documentId)} target="_blank">{t("cw.hall.printNotice")}</Button>
          <LinkButton to={`/workbench/cases/${encodeURIComponent(caseId)}`} size="large">{t("cw.hall.viewCase")}</LinkButton>
          <Button size="large" onClick={onNext}>{t("cw.hall.next")}</Button>
        </Space>
      }
    />
  );
}

/** Step 4: submit for the applicant and accept at once; the case gets its supervision code. */
export function AcceptStep({ detail, applicantName, onAccepted }: { detail: CaseDetail; applicantName: string; onAccepted: (r: AcceptResult) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const go = useCaseCommand(
    detail.id,
    async () => {
      // A retry after a failed acceptance must not submit twice.
      if (detail.status === "draft") await caseCommands.submit(detail.id);
      return caseCommands.accept(detail.id);
    },
    {
      onSuccess: (r) => {
        setOpen(false);
        onAccepted(r);
      },
    },
  );
  const uploaded = detail.materials.filter((m) => m.uploads.length > 0).length;
  const missing = detail.missingMaterials;
  return (
    <div>
      <Descriptions
        bordered
        size="small"
        column={1}
        style={{ marginBottom: 16, maxWidth: 720 }}
        items={[
          { key: "applicant", label: t("apply.applicantName"), children: applicantName },
          { key: "item", label: t("apply.itemName"), children: detail.item.name },
          { key: "materials", label: t("apply.reviewMaterials"), children: t("cw.hall.materialsCount", { done: uploaded, total: detail.materials.length }) },
        ]}
      />
      {missing.length > 0 && (
        <Alert type="warning" showIcon title={t("apply.missingTitle")} description={missing.map((m) => m.name).join("、")} style={{ marginBottom: 16, maxWidth: 720 }} />
      )}
      <Button type="primary" size="large" icon={<CheckOutlined aria-hidden="true" />} onClick={() => setOpen(true)}>{t("cw.hall.submitAccept")}</Button>
      <ActionModal
        open={open}
        title={t("cw.hall.submitAcceptTitle")}
        okText={t("cw.hall.submitAcceptOk")}
        effects={[t("cw.hall.effect1"), t("wb.accept.effect1"), t("wb.accept.effect2", { days: detail.item.promisedDays })]}
        notify={t("cw.hall.notify")}
        loading={go.isPending}
        error={go.error}
        describeError={(e) => {
          const list = missingMaterialsOf(e);
          return list.length ? <div>{list.map((m) => m.name).join("、")}</div> : null;
        }}
        onOk={() => go.mutate()}
        onCancel={() => {
          go.reset();
          setOpen(false);
        }}
      />
    </div>
  );
}
