import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { formatDate } from "../format.ts";
import type { Complaint } from "@cq/contracts";
import { replyTiming } from "./model.ts";
import "./engagement.css";

/** 投诉 or 差评整改 (a work order from a dissatisfied rating). */
export function ComplaintKindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <Tag color={kind === "evaluation" ? "purple" : "blue"}>{t(`eng.cmp.kind.${kind === "evaluation" ? "evaluation" : "complaint"}`)}</Tag>;
}

/** 待答复 / 已答复. */
export function ComplaintStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return status === "replied" ? <Tag color="success">{t("eng.cmp.status.replied")}</Tag> : <Tag color="processing">{t("eng.cmp.status.open")}</Tag>;
}

/** The applicant's overdue mark (逾期), with a text label (never colour alone). */
export function OverdueTag() {
  const { t } = useTranslation();
  return (
    <Tag color="#a8071a" variant="solid">
      <span aria-hidden="true">● </span>
      {t("eng.cmp.overdue")}
    </Tag>
  );
}

/** Dark enough for white text (≥ 4.5:1), the same as the case lights. */
const solid = { green: "#237804", red: "#a8071a" } as const;

/** The reply date as a light: ● 未逾期 / ● 逾期, and once answered ● 按期答复 / ● 逾期答复. */
export function ReplyTimingTag({ complaint }: { complaint: Pick<Complaint, "status" | "overdue"> }) {
  const { t } = useTranslation();
  const timing = replyTiming(complaint);
  const label = { "on-time": t("eng.wb.onTime"), overdue: t("eng.wb.overdue"), "replied-on-time": t("eng.wb.repliedOnTime"), "replied-late": t("eng.wb.repliedLate") }[timing];
  return (
    <Tag color={timing === "overdue" || timing === "replied-late" ? solid.red : solid.green} variant="solid">
      <span aria-hidden="true">● </span>
      {label}
    </Tag>
  );
}

/** The department's reply with the replier's name and the day (实名答复). */
export function ComplaintReply({ reply }: { reply: NonNullable<Complaint["reply"]> }) {
  const { t } = useTranslation();
  return (
    <div className="eng-reply">
      <div className="prose">{reply.text}</div>
      <div className="muted eng-reply-by">
        <span>{t("eng.cmp.repliedBy", { name: reply.by ?? "—" })}</span>
        <span>{t("eng.cmp.repliedAt", { date: formatDate(reply.at) })}</span>
      </div>
    </div>
  );
}
