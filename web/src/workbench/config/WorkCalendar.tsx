import { CheckCircleOutlined, EditOutlined, LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Alert, App, Button, Calendar, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading, Section } from "../../common/components/Misc.tsx";
import { formatDateTime } from "../../common/format.ts";
import { useIsMobile } from "../../common/hooks/useIsMobile.ts";
import { useMe } from "../../common/data/me.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { canEditCalendar } from "../abilities.ts";
import { WorkbenchPage } from "../supervision/Page.tsx";
import { useCalendarStatus, type CalendarDay, type DayKind, useCalendarDays, useMarkMaintained, useSetCalendarDay } from "../../common/data/calendar.ts";
import { CalendarWarning } from "./CalendarWarning.tsx";

const DAY = "YYYY-MM-DD";

/** The days fetched for a year: its own, plus the edges a month grid shows of the years around it (≤ 400 days). */
function yearFromParams(params: URLSearchParams): number | null {
  const y = Number(params.get("year"));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null;
}

/** 工作日历: the platform's working days; the platform admin maintains holidays and make-up workdays. */
export default function WorkCalendar() {
  const { t } = useTranslation();
  useTitle(t("cfg.cal.title"));
  const { me } = useMe();
  const editable = canEditCalendar(me);
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const [value, setValue] = useState<Dayjs>(() => {
    const y = yearFromParams(params);
    return y && y !== dayjs().year() ? dayjs(`${y}-01-01`) : dayjs();
  });
  const year = value.year();
  const [editing, setEditing] = useState<string | null>(null);
  const [lastChange, setLastChange] = useState<{ date: string; recomputed: number } | null>(null);
  const [pickDay, setPickDay] = useState<Dayjs | null>(null);

  const days = useCalendarDays(year);
  const status = useCalendarStatus();
  const byDate = useMemo(() => new Map((days.data?.items ?? []).map((d) => [d.date, d])), [days.data]);
  const special = useMemo(
    () => (days.data?.items ?? []).filter((d) => d.date.startsWith(`${year}-`) && (d.kind === "holiday" || d.kind === "makeup-workday")),
    [days.data, year],
  );
  const maintained = status.data?.maintainedYears.find((m) => m.year === year);

  const goTo = (next: Dayjs) => {
    setValue(next);
    if (next.year() !== year) {
      const p = new URLSearchParams(params);
      p.set("year", String(next.year()));
      setParams(p, { replace: true });
    }
  };

  const kindLabel = (kind: DayKind) => t(`cfg.cal.kind.${kind}`);

  const cell = (date: Dayjs) => {
    const d = byDate.get(date.format(DAY));
    if (!d || d.kind === "workday") return null;
    if (d.kind === "weekend") return isMobile ? null : <div className="cal-cell"><span className="cal-kind cal-kind-weekend">{t("cfg.cal.short.weekend")}</span></div>;
    return (
      <div className="cal-cell">
        <span className={`cal-kind cal-kind-${d.kind}`}>{t(`cfg.cal.short.${d.kind}`)}</span>
        {!isMobile && d.note && <span className="cal-note" title={d.note}>{d.note}</span>}
      </div>
    );
  };

  const columns: TableColumnsType<CalendarDay> = [
    { title: t("cfg.cal.date"), dataIndex: "date", render: (v: string) => <span className="mono">{v}</span> },
    { title: t("cfg.cal.weekday"), dataIndex: "date", key: "weekday", render: (v: string) => dayjs(v).format("dddd"), responsive: ["sm"] },
    { title: t("cfg.cal.kindCol"), dataIndex: "kind", render: (k: DayKind) => <Tag className={`cal-kind-${k}`}>{kindLabel(k)}</Tag> },
    { title: t("cfg.cal.note"), dataIndex: "note", render: (v: string | undefined) => v ?? "—" },
    ...(editable
      ? [
          {
            title: t("cfg.cal.actions"),
            key: "actions",
            render: (_: unknown, d: CalendarDay) => (
              <Button size="small" icon={<EditOutlined aria-hidden />} aria-label={t("cfg.cal.editDay", { date: d.date })} onClick={() => setEditing(d.date)}>
                {t("cfg.cal.edit")}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const years = Array.from({ length: 7 }, (_, i) => dayjs().year() - 3 + i);
  if (!years.includes(year)) years.push(year);

  return (
    <WorkbenchPage wide>
      <PageHeading title={t("cfg.cal.title")} subtitle={t(editable ? "cfg.cal.subtitleAdmin" : "cfg.cal.subtitle")} />
      <CalendarWarning showLink={year !== status.data?.nextYear} />
      {lastChange && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setLastChange(null) }}
          style={{ marginBottom: 16 }}
          title={t("cfg.cal.savedTitle", { date: lastChange.date })}
          description={t("cfg.cal.recomputed", { count: lastChange.recomputed })}
        />
      )}
      <Card className="section-card">
        <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
          <Space wrap>
            <span className="muted">{t("cfg.cal.yearStatus", { year })}</span>
            {maintained ? (
              <Tag color="success" icon={<CheckCircleOutlined aria-hidden />}>
                {t("cfg.cal.maintained", { at: formatDateTime(maintained.maintainedAt) })}
              </Tag>
            ) : (
              <Tag color="warning">{t("cfg.cal.notMaintained")}</Tag>
            )}
            {editable && !maintained && <MarkMaintained year={year} />}
          </Space>
          <div className="cal-legend" aria-label={t("cfg.cal.legend")}>
            <span><span className="cal-kind cal-kind-holiday" style={{ padding: "0 4px", borderRadius: 4 }}>{t("cfg.cal.short.holiday")}</span> {kindLabel("holiday")}</span>
            <span><span className="cal-kind cal-kind-makeup-workday" style={{ padding: "0 4px", borderRadius: 4 }}>{t("cfg.cal.short.makeup-workday")}</span> {kindLabel("makeup-workday")}</span>
          </div>
        </Space>
        {editable && (
          <Form layout="inline" component="div" style={{ marginTop: 12, rowGap: 8 }}>
            <Form.Item label={t("cfg.cal.pickDay")} htmlFor="cal-pick-day">
              <DatePicker id="cal-pick-day" value={pickDay} onChange={setPickDay} />
            </Form.Item>
            <Button icon={<EditOutlined aria-hidden />} disabled={!pickDay} onClick={() => pickDay && setEditing(pickDay.format(DAY))}>
              {t("cfg.cal.editPicked")}
            </Button>
          </Form>
        )}
      </Card>

      <Card className="section-card">
        {days.isError ? (
          <ErrorResult error={days.error} onRetry={() => void days.refetch()} homePath="/workbench" loginPath="/workbench/login" />
        ) : (
          <Calendar
            value={value}
            fullscreen={!isMobile}
            onPanelChange={(d) => goTo(d)}
            onSelect={(d, info) => {
              if (info.source === "date" && editable) setEditing(d.format(DAY));
              goTo(d);
            }}
            cellRender={(d, info) => (info.type === "date" ? cell(d) : null)}
            headerRender={({ value: v, onChange }) => (
              <Space wrap style={{ padding: "8px 0 12px" }}>
                <Button icon={<LeftOutlined aria-hidden />} aria-label={t("cfg.cal.prevMonth")} onClick={() => onChange(v.subtract(1, "month"))} />
                <Select<number>
                  aria-label={t("cfg.cal.year")}
                  value={v.year()}
                  style={{ width: 110 }}
                  options={years.sort((a, b) => a - b).map((y) => ({ value: y, label: t("cfg.cal.yearN", { year: y }) }))}
                  onChange={(y) => onChange(v.year(y))}
                />
                <Select<number>
                  aria-label={t("cfg.cal.month")}
                  value={v.month()}
                  style={{ width: 110 }}
                  options={Array.from({ length: 12 }, (_, m) => ({ value: m, label: dayjs().month(m).format("MMMM") }))}
                  onChange={(m) => onChange(v.month(m))}
                />
                <Button icon={<RightOutlined aria-hidden />} aria-label={t("cfg.cal.nextMonth")} onClick={() => onChange(v.add(1, "month"))} />
                <Button onClick={() => onChange(dayjs())}>{t("cfg.cal.today")}</Button>
                {days.isFetching && <span className="muted" role="status">{t("common.loading")}</span>}
              </Space>
            )}
          />
        )}
      </Card>

      <Section title={t("cfg.cal.listTitle", { year })}>
        <Typography.Paragraph type="secondary">{t("cfg.cal.listHint")}</Typography.Paragraph>
        <Table<CalendarDay>
          rowKey="date"
          size="small"
          columns={columns}
          dataSource={special}
          loading={days.isLoading}
          pagination={false}
          scroll={{ x: "max-content" }}
          locale={{ emptyText: t("cfg.cal.listEmpty", { year }) }}
        />
      </Section>

      {editing && (
        <EditDay
          key={editing}
          date={editing}
          day={byDate.get(editing)}
          onClose={() => setEditing(null)}
          onSaved={(recomputed) => {
            setLastChange({ date: editing, recomputed });
            setEditing(null);
          }}
        />
      )}
    </WorkbenchPage>
  );
}

function MarkMaintained({ year }: { year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mark = useMarkMaintained(year, {
    onSuccess: () => void message.success(t("cfg.cal.markedDone", { year })),
    onError: (e) => void message.error(e.message),
  });
  return (
    <Button size="small" type="primary" ghost loading={mark.isPending} onClick={() => mark.mutate()}>
      {t("cfg.cal.markMaintained", { year })}
    </Button>
  );
}

function EditDay({ date, day, onClose, onSaved }: { date: string; day: CalendarDay | undefined; onClose: () => void; onSaved: (recomputed: number) => void }) {
  const { t } = useTranslation();
  const weekend = [0, 6].includes(dayjs(date).day());
  const [workday, setWorkday] = useState<boolean>(day ? day.workday : !weekend);
  const [note, setNote] = useState(day?.note ?? "");
  const save = useSetCalendarDay(date, onSaved);
  const resulting: DayKind = workday ? (weekend ? "makeup-workday" : "workday") : weekend ? "weekend" : "holiday";
  return (
    <Modal
      open
      title={t("cfg.cal.editTitle", { date, weekday: dayjs(date).format("dddd") })}
      okText={t("cfg.cal.save")}
      cancelText={t("common.cancel")}
      onOk={() => save.mutate({ workday, ...(note.trim() ? { note: note.trim() } : {}) })}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t("cfg.cal.now", { kind: t(`cfg.cal.kind.${day?.kind ?? (weekend ? "weekend" : "workday")}`) })}
      </Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t("cfg.cal.dayIs")}>
          <Radio.Group value={workday} onChange={(e) => setWorkday(e.target.value as boolean)} aria-label={t("cfg.cal.dayIs")}>
            <Radio value={true}>{t("cfg.cal.workday")}</Radio>
            <Radio value={false}>{t("cfg.cal.restday")}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t("cfg.cal.note")} htmlFor="cal-note" extra={t("cfg.cal.noteHint")}>
          <Input id="cal-note" maxLength={100} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t("cfg.cal.willBe", { kind: t(`cfg.cal.kind.${resulting}`) })} description={t("cfg.cal.recomputeHint")} />
      {save.isError && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={save.error.message} />}
    </Modal>
  );
}
