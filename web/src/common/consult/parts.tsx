import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Consultation } from "@cq/contracts";
import { LightTag } from "../components/StatusTag.tsx";
import { formatDate } from "../format.ts";
import "../engagement/engagement.css";

/** 咨询 or 建议. */
export function ConsultationKindTag({ kind }: { kind: Consultation["kind"] }) {
  const { t } = useTranslation();
  return <Tag color={kind === "suggestion" ? "purple" : "blue"}>{t(`cst.kind.${kind}`)}</Tag>;
}

/** 待答复 / 已答复, with the light while open (green, yellow near the date, red past it). */
export function ConsultationStatus({ c }: { c: Pick<Consultation, "status" | "light"> }) {
  const { t } = useTranslation();
  if (c.status === "answered") return <Tag color="success">{t("cst.status.answered")}</Tag>;
  return (
    <>
      <Tag color="processing">{t("cst.status.open")}</Tag>
      <LightTag light={c.light} />
    </>
  );
}

/** The answer with the answerer's name and the day (实名答复). */
export function ConsultationAnswer({ reply }: { reply: NonNullable<Consultation["reply"]> }) {
  const { t } = useTranslation();
  return (
    <div className="eng-reply">
      <div className="prose">{reply.text}</div>
      <div className="muted eng-reply-by">
        <span>{t("cst.repliedBy", { name: reply.by })}</span>
        <span>{t("cst.repliedAt", { date: formatDate(reply.at) })}</span>
      </div>
    </div>
  );
}

/** What the question is about: the item, the case (its code), or the department alone. */
export function aboutOf(c: Pick<Consultation, "item" | "caseId" | "supervisionCode" | "department">, t: (k: string) => string): string {
  if (c.caseId) return `${t("cst.case")} ${c.supervisionCode ?? t("cst.noCode")}`;
  if (c.item) return c.item.name;
  return c.department.name;
}
