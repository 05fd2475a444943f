import { ClockCircleOutlined, PauseCircleOutlined } from "@ant-design/icons";
import { Alert, Col, Row, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Section } from "../../../common/components/Misc.tsx";
import { LightTag } from "../../../common/components/StatusTag.tsx";
import { formatDate, formatDateTime } from "../../../common/format.ts";
import { clockEnded, clockEvents, clockHistory } from "../../../common/clock.ts";
import { type CaseDetail } from "../../../common/data/cases.ts";

/** A count of working days: the number large, the unit small beneath, so it fits a phone. */
function DayCount({ label, value, color }: { label: string; value: number | undefined; color?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div>
      <div className="muted">{label}</div>
      <div style={{ fontSize: "1.6em", fontWeight: 600, lineHeight: 1.2, color }}>{value ?? "—"}</div>
      <div className="muted" style={{ fontSize: "0.9em" }}>{t("guide.workingDaysUnit")}</div>
    </div>
  );
}

/** The legal clock of the case: due date, working days used and left, light, stops and extensions. */
export function ClockCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const ended = clockEnded(detail.status);
  const d = ended ? undefined : detail.deadline;
  const events = clockEvents(detail);
  const history = clockHistory(events);
  const limits = t("wb.limits", { promised: detail.item.promisedDays, statutory: detail.item.statutoryDays });
  return (
    <Section title={<><ClockCircleOutlined aria-hidden="true" /> {t("cw.clock.title")}</>}>
      {!d ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {ended ? t("cw.clock.closed") : t("cw.clock.notStarted")}
          {ended && detail.deadline && (
            <span style={{ display: "block" }}>
              {t("cw.clock.dueWas", { date: formatDate(detail.deadline.dueDate) })}
              {detail.deadline.usedWorkingDays !== undefined && <> · {t("cw.clock.usedDays", { count: detail.deadline.usedWorkingDays })}</>}
            </span>
          )}
        </Typography.Paragraph>
      ) : (
        <>
          <div style={{ marginBottom: 12 }}>
            <div className="muted">{t("case.dueDate")}</div>
            <Space wrap align="center">
              <span style={{ fontSize: "1.6em", fontWeight: 700 }}>{formatDate(d.dueDate)}</span>
              <LightTag light={d.light ?? undefined} suspended={d.suspended} />
            </Space>
            <div>{d.suspended ? t("cw.light.words.suspended") : d.light ? t(`cw.light.words.${d.light}`) : null}</div>
          </div>
          <Row gutter={12}>
            <Col span={12}>
              <DayCount label={t("cw.clock.used")} value={d.usedWorkingDays} />
            </Col>
            <Col span={12}>
              <DayCount
                label={d.remainingWorkingDays < 0 ? t("cw.clock.overdue") : t("cw.clock.left")}
                value={Math.abs(d.remainingWorkingDays)}
                color={d.remainingWorkingDays < 0 ? "#a8071a" : d.light === "yellow" ? "#ad4e00" : undefined}
              />
            </Col>
          </Row>
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: "12px 0 0" }}>{limits}</Typography.Paragraph>
      {events.running && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          icon={<PauseCircleOutlined aria-hidden="true" />}
          title={t("cw.clock.suspendedSince", { date: formatDate(events.running.at) })}
          description={events.running.note}
        />
      )}
      {history.length > 0 && (
        <ul style={{ margin: "12px 0 0", paddingInlineStart: 20 }} aria-label={t("cw.clock.events")}>
          {history.map((e, i) => (
            <li key={i}>
              {formatDateTime(e.at)} · {e.title}
              {e.note && <span className="muted"> · {e.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
