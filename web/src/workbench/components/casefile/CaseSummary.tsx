import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import { StatusTag } from "../../../common/components/StatusTag.tsx";
import { formatDateTime } from "../../../common/format.ts";
import { useIsMobile } from "../../../common/hooks/useIsMobile.ts";
import { involvedDepartments } from "./access.ts";
import { type CaseDetail } from "../../../common/data/cases.ts";

/** Who applied: identity numbers come masked from the server for staff. */
export function ApplicantInfo({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const a = detail.applicant;
  const layout = useIsMobile() ? "vertical" : "horizontal";
  if (!a) return null;
  return (
    <Descriptions
      size="small"
      column={1}
      layout={layout}
      bordered
      items={[
        { key: "name", label: a.type === "organization" ? t("auth.orgName") : t("auth.realName"), children: a.name },
        { key: "type", label: t("apply.applicantType"), children: a.type ? t(`applicantType.${a.type}`) : "—" },
        ...(a.idNumber ? [{ key: "id", label: t("auth.idNumber"), children: <span className="mono">{a.idNumber}</span> }] : []),
        ...(a.creditCode ? [{ key: "cc", label: t("auth.creditCode"), children: <span className="mono">{a.creditCode}</span> }] : []),
        ...(a.legalRepresentative ? [{ key: "rep", label: t("auth.legalName"), children: a.legalRepresentative }] : []),
        ...(a.phone ? [{ key: "phone", label: t("auth.phone"), children: <span className="mono">{a.phone}</span> }] : []),
        { key: "channel", label: t("wb.channel"), children: t(`channel.${detail.channel}`, { defaultValue: detail.channel }) },
      ]}
    />
  );
}

/** The item, the departments and the dates of the case. */
export function CaseInfo({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lead = detail.item.department?.id;
  const assisting = involvedDepartments(detail).filter((d) => d.id !== lead);
  const layout = useIsMobile() ? "vertical" : "horizontal";
  return (
    <Descriptions
      size="small"
      column={1}
      layout={layout}
      bordered
      items={[
        { key: "status", label: t("progress.status"), children: <StatusTag status={detail.status} result={detail.result} /> },
        ...(detail.supervisionCode ? [{ key: "code", label: t("case.supervisionCode"), children: <span className="supervision-code">{detail.supervisionCode}</span> }] : []),
        ...(detail.referenceNo ? [{ key: "ref", label: t("refNo.label"), children: <span className="supervision-code">{detail.referenceNo}</span> }] : []),
        { key: "item", label: t("apply.itemName"), children: detail.item.name },
        { key: "itemVersion", label: t("guide.version"), children: detail.item.version },
        { key: "dept", label: t("guide.leadDepartment"), children: detail.item.department?.name ?? "—" },
        ...(assisting.length ? [{ key: "assist", label: t("cw.summary.otherDepartments"), children: assisting.map((d) => d.name).join("、") }] : []),
        { key: "created", label: t("case.createdAt"), children: formatDateTime(detail.createdAt) },
        ...(detail.receivedAt ? [{ key: "received", label: t("case.receivedAt"), children: formatDateTime(detail.receivedAt) }] : []),
        ...(detail.acceptedAt
          ? [{ key: "accepted", label: t("case.acceptedAt"), children: <>{formatDateTime(detail.acceptedAt)}{detail.deemedAccepted && <> · {t("case.deemedAccepted")}</>}</> }]
          : []),
      ]}
    />
  );
}
