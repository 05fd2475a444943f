import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../common/components/LinkButton.tsx";
import { useMe } from "../../common/data/me.ts";
import { canEditCalendar } from "../abilities.ts";
import { useCalendarStatus } from "../../common/data/calendar.ts";

/**
 * The banner when next year's working-day calendar is not maintained yet: every deadline that
 * reaches into next year would be counted on weekends alone (Art. 82 follows the State Council's
 * yearly holiday notice).
 */
export function CalendarWarning({ showLink = true }: { showLink?: boolean }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const status = useCalendarStatus();
  if (!status.data || status.data.nextYearMaintained) return null;
  const year = status.data.nextYear;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t("cfg.cal.warningTitle", { year })}
      description={
        <>
          <div>{canEditCalendar(me) ? t("cfg.cal.warningAdmin", { year }) : t("cfg.cal.warningOthers", { year })}</div>
          {showLink && (
            <LinkButton size="small" style={{ marginTop: 8 }} to={`/workbench/calendar?year=${year}`}>
              {t("cfg.cal.openYear", { year })}
            </LinkButton>
          )}
        </>
      }
    />
  );
}
