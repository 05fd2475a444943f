import { Descriptions, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../common/format.ts";
import { type OfflineRecord } from "../../../common/data/cases.ts";

const statusColors: Record<string, string> = { open: "processing", claimed: "blue", done: "success" };
const outcomeColors: Record<string, string> = { pass: "success", fail: "error", return: "warning" };

/** A task's status in words: 待签收 / 已签收 / 已完成. */
export function TaskStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status] ?? "default"}>{t(`cw.task.status.${status}`, { defaultValue: status })}</Tag>;
}

export function OutcomeTag({ outcome }: { outcome: string | undefined }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  return <Tag color={outcomeColors[outcome] ?? "default"}>{t(`cw.task.outcome.${outcome}`, { defaultValue: outcome })}</Tag>;
}

/** What happened at an offline step, as entered (procedure, date, participants, course, result). */
export function OfflineRecordView({ record }: { record: Partial<OfflineRecord> }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: "procedure", label: t("cw.task.recordProcedure"), children: record.procedure ?? "—" },
        ...(record.date ? [{ key: "date", label: t("cw.task.recordDate"), children: formatDate(record.date) }] : []),
        ...(record.participants ? [{ key: "participants", label: t("cw.task.recordParticipants"), children: record.participants }] : []),
        { key: "course", label: t("cw.task.recordCourse"), children: <span className="prose">{record.course ?? "—"}</span> },
        { key: "result", label: t("cw.task.recordResult"), children: <span className="prose">{record.result ?? "—"}</span> },
      ]}
    />
  );
}

/** What the window recorded when handing the results over (the deliver step's record). */
export function DeliveryRecordView({ record }: { record: Record<string, unknown> }) {
  const { t } = useTranslation();
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const method = str(record.method);
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: "method", label: t("cw.deliver.method"), children: method ? t(`cw.deliver.methods.${method}`, { defaultValue: method }) : "—" },
        ...(str(record.recipientName) ? [{ key: "recipient", label: t("cw.deliver.recipientName"), children: str(record.recipientName) }] : []),
        ...(record.idChecked === true ? [{ key: "id", label: t("cw.deliver.idChecked"), children: t("cw.task.idCheckedYes") }] : []),
        ...(str(record.address) ? [{ key: "address", label: t("cw.deliver.address"), children: str(record.address) }] : []),
        ...(str(record.trackingNo) ? [{ key: "tracking", label: t("cw.deliver.trackingNo"), children: <span className="mono">{str(record.trackingNo)}</span> }] : []),
      ]}
    />
  );
}
