import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { guideFieldLabels, type AdminItem, type GuideFieldName, type VersionStatus } from "../../common/data/catalogAdmin.ts";
import { formatDate } from "../../common/format.ts";
import "./catalog.css";

const statusColor: Record<VersionStatus, string> = {
  draft: "default", pending: "processing", scheduled: "cyan", published: "green", superseded: "default", rejected: "error",
};

/** A version's state in words. */
export function VersionStatusTag({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`cat.status.${status}`)}</Tag>;
}

/** What a guide field is called, in the UI's language (the contracts own the names). */
export function useFieldLabel(): (field: GuideFieldName) => string {
  const { i18n } = useTranslation();
  return (field) => (i18n.language === "en" ? guideFieldLabels[field].en : guideFieldLabels[field].zh);
}

/** The fields a version changed, named. */
export function ChangedFields({ changes }: { changes: readonly GuideFieldName[] }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  if (!changes.length) return <span className="muted">{t("cat.noChanges")}</span>;
  return <span className="changed-fields">{changes.map(label).join("、")}</span>;
}

/** An item's state: the version in effect, and the newest one after it. */
export function ItemState({ item }: { item: Pick<AdminItem, "current" | "latest" | "status"> }) {
  const { t } = useTranslation();
  const latest = item.latest;
  return (
    <div className="item-state">
      {item.status === "cancelled" && <Tag>{t("cat.cancelled")}</Tag>}
      <div>
        {item.current
          ? t("cat.inEffect", { version: item.current.number, date: item.current.effectiveFrom ? formatDate(item.current.effectiveFrom) : "—" })
          : <span className="muted">{t("cat.notPublic")}</span>}
      </div>
      {latest && (
        <div>
          {t("cat.latest", { version: latest.number })} <VersionStatusTag status={latest.status} />
          {latest.status === "scheduled" && latest.effectiveFrom && <span>{t("cat.scheduledFor", { date: formatDate(latest.effectiveFrom) })}</span>}
        </div>
      )}
    </div>
  );
}
