import { FilePdfOutlined, PauseCircleOutlined } from "@ant-design/icons";
import { Alert, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { LightTag } from "../../../common/components/StatusTag.tsx";
import { formatDate, formatDateTime } from "../../../common/format.ts";
import { clockEnded, clockEvents, clockHistory, clockNoticeKinds } from "../../../common/clock.ts";
import { type CaseDetail, type Deadline } from "../../../common/data/cases.ts";

/** The running clock: due date, the light in words, working days left and used. */
function Running({ d, promisedDays }: { d: Deadline; promisedDays: number }) {
  const { t } = useTranslation();
  const left = d.remainingWorkingDays;
  return (
    <>
      <div className="muted">{t("case.dueDate")}</div>
      <div className="cw-big-due">{formatDate(d.dueDate)}</div>
      <Space wrap style={{ margin: "4px 0 8px" }}>
        <LightTag light={d.light ?? undefined} suspended={d.suspended} />
        <span>{d.suspended ? t("cw.light.words.suspended") : d.light ? t(`cw.light.words.${d.light}`) : null}</span>
      </Space>
      <div>{left < 0 ? t("cw.clock.overdueBy", { count: -left }) : t("cw.clock.leftDays", { count: left })}</div>
      {d.usedWorkingDays !== undefined && <div className="muted">{t("cw.clock.usedDays", { count: d.usedWorkingDays })}</div>}
      <div className="muted">{t("cw.clock.promised", { count: promisedDays })}</div>
    </>
  );
}

/**
 * 办理时限 for the applicant: the due date, working days left, the light in words, and every
 * suspension or extension with its reason (from the timeline, and the written notices).
 */
export function DeadlineCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const ended = clockEnded(detail.status);
  const d = ended ? undefined : detail.deadline;
  const events = clockEvents(detail);
  const history = clockHistory(events);
  const notices = detail.documents.filter((doc) => clockNoticeKinds.includes(doc.kind));
  const waiting = ["draft", "submitted", "supplement_requested"].includes(detail.status);
  return (
    <div>
      {d ? (
        <Running d={d} promisedDays={detail.item.promisedDays} />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {ended ? t("cw.clock.closed") : waiting ? t("cw.clock.notStartedApplicant") : t("cw.clock.none")}
          {ended && detail.deadline?.usedWorkingDays !== undefined && (
            <span style={{ display: "block" }}>{t("cw.clock.usedDays", { count: detail.deadline.usedWorkingDays })}</span>
          )}
        </Typography.Paragraph>
      )}
      {!ended && events.running && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          icon={<PauseCircleOutlined aria-hidden="true" />}
          title={t("cw.clock.suspendedSince", { date: formatDate(events.running.at) })}
          description={events.running.note ?? t("cw.clock.suspendedWhy")}
        />
      )}
      {history.length > 0 && (
        <ul style={{ margin: "12px 0 0", paddingInlineStart: 20 }} aria-label={t("cw.clock.events")}>
          {history.map((e, i) => (
            <li key={i}>
              {formatDateTime(e.at)} · {e.title}
              {e.note && <div className="muted">{t("cw.clock.reason", { reason: e.note })}</div>}
            </li>
          ))}
        </ul>
      )}
      {notices.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <div className="muted">{t("cw.clock.notices")}</div>
          {notices.map((doc) => (
            <div key={doc.id}>
              <FilePdfOutlined aria-hidden="true" style={{ color: "#cf1322" }} />{" "}
              <a href={doc.url} target="_blank" rel="noreferrer">{doc.title}</a> <span className="muted">{formatDate(doc.createdAt)}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
