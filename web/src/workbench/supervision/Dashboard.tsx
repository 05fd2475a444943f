import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Col, DatePicker, Empty, Form, Row as GridRow, Segmented, Select, Skeleton, Space, Statistic, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import type { SupervisionStats } from "@cq/contracts";
import { useMe } from "../../common/data/me.ts";
import { canOpen } from "../abilities.ts";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading, Section } from "../../common/components/Misc.tsx";
import { formatDate } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { useDepartmentOptions } from "../../common/data/catalog.ts";
import { CalendarWarning } from "../config/CalendarWarning.tsx";
import { CasesDrawer, LightCases } from "./CasesDrawer.tsx";
import { OnTimeChart, TrendChart, VolumeChart } from "./charts.tsx";
import { WorkbenchPage } from "./Page.tsx";
import { ReportDownloads } from "./ReportDownloads.tsx";
import { departmentRows, percent, regionRows, regionsOf, sumFigures, type Figures, type Row } from "./statsModel.ts";
import { wholePercent } from "../../common/engagement/model.ts";
import { useSupervisionStats } from "../../common/data/supervision.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A Shanghai calendar day as the instant it starts (the API takes ISO times with offset). */

/** 效能监察: figures by department and region, the trend, the on-time rate, the yellow and red cases (R37). */
/** Questions and suggestions waiting for an answer, due soon and overdue (R33), with the way to the overdue ones. */
function ConsultationFigures({ figures }: { figures: SupervisionStats["consultations"] }) {
  const { t } = useTranslation();
  const { me } = useMe();
  return (
    <Card className="section-card" size="small" title={<h2 className="section-title">{t("cst.dash.title")}</h2>}
      extra={canOpen(me, "consultations") ? <Link to="/workbench/consultations?view=all&filter=red">{t("cst.dash.list")}</Link> : undefined}
      style={{ marginBottom: 16 }}
    >
      <GridRow gutter={[12, 12]}>
        <Col xs={8}><Statistic title={t("cst.dash.open")} value={figures.open} /></Col>
        <Col xs={8}><Statistic title={<span><span aria-hidden="true" style={{ color: "#d48806" }}>● </span>{t("cst.dash.yellow")}</span>} value={figures.yellow} styles={{ content: { color: "#ad6800" } }} /></Col>
        <Col xs={8}><Statistic title={<span><span aria-hidden="true" style={{ color: "#cf1322" }}>● </span>{t("cst.dash.red")}</span>} value={figures.red} styles={{ content: { color: "#a8071a" } }} /></Col>
      </GridRow>
    </Card>
  );
}

export default function Dashboard() {
  const { t } = useTranslation();
  useTitle(t("sv.dash.title"));
  const [params, setParams] = useSearchParams();
  const fromDay = DAY.test(params.get("from") ?? "") ? params.get("from")! : "";
  const toDay = DAY.test(params.get("to") ?? "") ? params.get("to")! : "";
  const region = params.get("region") ?? "";
  const groupBy = params.get("by") === "region" ? "region" : "department";
  const [drill, setDrill] = useState<{ row: Row; tab?: "staff" } | null>(null);

  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  // The picker's last day is included: the data layer asks up to the start of the day after.
  const query = useSupervisionStats(fromDay, toDay);

  const items = useMemo(() => query.data?.items ?? [], [query.data]);
  const regions = useMemo(() => regionsOf(items), [items]);
  const inRegion = useMemo(() => (region ? items.filter((d) => d.regionCode === region) : items), [items, region]);
  const departments = useDepartmentOptions();
  const rows = useMemo(() => {
    if (groupBy === "region") return regionRows(inRegion);
    const short = new Map((departments.data ?? []).map((d) => [d.id, d.shortName]));
    return departmentRows(inRegion).map((r) => ({ ...r, short: (r.departmentId && short.get(r.departmentId)) || r.name }));
  }, [groupBy, inRegion, departments.data]);
  const total = useMemo(() => sumFigures(departmentRows(inRegion)), [inRegion]);
  const trend = query.data?.trend ?? [];

  // The period shown: what was asked, else what the server used (its default is the last 12 months).
  // The server's bounds are instants: read them as Beijing days whatever the browser's time zone.
  const shownFrom = fromDay ? dayjs(fromDay) : query.data?.from ? dayjs(formatDate(query.data.from)) : null;
  const shownTo = toDay ? dayjs(toDay) : query.data?.to ? dayjs(formatDate(query.data.to)).subtract(1, "day") : null;

  const pick = (row: Row) => {
    if (row.departmentId) setDrill({ row });
    else set({ region: row.regionCode, by: null });
  };

  const num = (v: number) => v.toLocaleString();
  /** 满意度 as "86%（14）": the share of 满意/非常满意 and the number of evaluations; — without any. */
  const satisfaction = (f: Pick<Figures, "satisfactionRate" | "evaluationCount">) => {
    const rate = wholePercent(f.satisfactionRate);
    return rate ? t("eng.sat.value", { rate, count: f.evaluationCount }) : "—";
  };
  const columns: TableColumnsType<Row> = [
    {
      title: groupBy === "region" ? t("sv.col.region") : t("sv.col.department"),
      dataIndex: "name",
      fixed: "left",
      render: (_: unknown, r) => (
        <div>
          <Button type="link" style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "left" }} onClick={() => pick(r)}>
            {r.name}
          </Button>
          {r.departmentId && !region && <div className="muted" style={{ fontSize: "0.85em" }}>{r.regionName}</div>}
        </div>
      ),
      sorter: (a, b) => a.name.localeCompare(b.name),
    },
    { title: t("sv.fig.received"), dataIndex: "received", align: "right", render: num, sorter: (a, b) => a.received - b.received },
    { title: t("sv.fig.accepted"), dataIndex: "accepted", align: "right", render: num, sorter: (a, b) => a.accepted - b.accepted },
    { title: t("sv.fig.closed"), dataIndex: "closed", align: "right", render: num, sorter: (a, b) => a.closed - b.closed },
    {
      title: t("sv.fig.onTimeRate"),
      dataIndex: "onTimeRate",
      align: "right",
      render: (v: number | null) => percent(v) ?? <span className="muted">{t("sv.noClosed")}</span>,
      sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1),
    },
    {
      title: t("sv.fig.averageWorkingDays"),
      dataIndex: "averageWorkingDays",
      align: "right",
      render: (v: number | null) => (v === null ? "—" : t("sv.daysValue", { value: v })),
      sorter: (a, b) => (a.averageWorkingDays ?? -1) - (b.averageWorkingDays ?? -1),
    },
    {
      title: t("eng.sat.column"),
      key: "satisfaction",
      align: "right",
      render: (_: unknown, r) => satisfaction(r),
      sorter: (a, b) => (a.satisfactionRate ?? -1) - (b.satisfactionRate ?? -1) || a.evaluationCount - b.evaluationCount,
    },
    { title: t("sv.fig.overdue"), dataIndex: "overdue", align: "right", render: num, sorter: (a, b) => a.overdue - b.overdue },
    { title: t("sv.fig.yellow"), dataIndex: "yellow", align: "right", render: num, sorter: (a, b) => a.yellow - b.yellow },
    { title: t("sv.fig.suspended"), dataIndex: "suspended", align: "right", render: num },
    { title: t("sv.fig.extended"), dataIndex: "extended", align: "right", render: num },
    { title: t("sv.fig.deemedAccepted"), dataIndex: "deemedAccepted", align: "right", render: num },
    { title: t("sv.fig.escalationsOpen"), dataIndex: "escalationsOpen", align: "right", render: num, sorter: (a, b) => a.escalationsOpen - b.escalationsOpen },
    {
      title: t("sv.fig.offPlatformCertificates"),
      dataIndex: "offPlatformCertificates",
      align: "right",
      render: num,
      sorter: (a, b) => a.offPlatformCertificates - b.offPlatformCertificates,
    },
    ...(groupBy === "department"
      ? [
          {
            title: t("sv.col.drill"),
            key: "drill",
            render: (_: unknown, r: Row) => (
              <Space size={4}>
                <Button size="small" onClick={() => setDrill({ row: r })} aria-label={t("sv.drill.open", { name: r.name })}>
                  {t("sv.drill.button")}
                </Button>
                <Button size="small" onClick={() => setDrill({ row: r, tab: "staff" })} aria-label={t("sv.staff.open", { name: r.name })}>
                  {t("sv.staff.tab")}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const cards: { key: string; title: string; value: string | number; tone?: "red" | "yellow" }[] = [
    { key: "received", title: t("sv.fig.received"), value: total.received },
    { key: "accepted", title: t("sv.fig.accepted"), value: total.accepted },
    { key: "closed", title: t("sv.fig.closed"), value: total.closed },
    { key: "onTimeRate", title: t("sv.fig.onTimeRate"), value: percent(total.onTimeRate) ?? "—" },
    { key: "avg", title: t("sv.fig.averageWorkingDays"), value: total.averageWorkingDays === null ? "—" : t("sv.daysValue", { value: total.averageWorkingDays }) },
    { key: "satisfaction", title: t("eng.sat.column"), value: satisfaction(total) },
    { key: "overdue", title: t("sv.fig.overdueLight"), value: total.overdue, tone: "red" },
    { key: "yellow", title: t("sv.fig.yellowLight"), value: total.yellow, tone: "yellow" },
    { key: "escalations", title: t("sv.fig.escalationsOpen"), value: total.escalationsOpen },
    { key: "offPlatformCertificates", title: t("sv.fig.offPlatformCertificates"), value: total.offPlatformCertificates },
  ];

  return (
    <WorkbenchPage wide>
      <PageHeading
        title={t("sv.dash.title")}
        subtitle={t("sv.dash.subtitle")}
        actions={<Button icon={<ReloadOutlined aria-hidden />} onClick={() => void query.refetch()} loading={query.isFetching}>{t("common.refresh")}</Button>}
      />
      <CalendarWarning />

      <Card className="section-card">
        <Form layout="vertical" component="div" className="filter-bar" role="search" aria-label={t("sv.dash.filters")}>
          <Form.Item label={t("sv.dash.period")} htmlFor="sv-period">
            <DatePicker.RangePicker
              id={{ start: "sv-period", end: "sv-period-end" }}
              value={shownFrom && shownTo ? [shownFrom, shownTo] : null}
              allowClear
              onChange={(v: [Dayjs | null, Dayjs | null] | null) =>
                set({ from: v?.[0]?.format("YYYY-MM-DD") ?? null, to: v?.[1]?.format("YYYY-MM-DD") ?? null })
              }
            />
          </Form.Item>
          <Form.Item label={t("sv.dash.region")} htmlFor="sv-region">
            <Select<string>
              id="sv-region"
              style={{ minWidth: 180 }}
              value={region}
              onChange={(v) => set({ region: v || null })}
              options={[{ value: "", label: t("sv.dash.allRegions") }, ...regions.map((r) => ({ value: r.code, label: r.name }))]}
            />
          </Form.Item>
          <Form.Item label={t("sv.dash.groupBy")}>
            <Segmented<string>
              value={groupBy}
              onChange={(v) => set({ by: v === "region" ? "region" : null })}
              options={[
                { value: "department", label: t("sv.dash.byDepartment") },
                { value: "region", label: t("sv.dash.byRegion") },
              ]}
              aria-label={t("sv.dash.groupBy")}
            />
          </Form.Item>
          <Form.Item label={t("sv.report.title")}>
            <ReportDownloads />
          </Form.Item>
        </Form>
      </Card>

      {query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />
      ) : (
        <>
          <section aria-label={t("sv.dash.totals")}>
            <GridRow gutter={[12, 12]} style={{ marginBottom: 16 }}>
              {cards.map((c) => (
                <Col key={c.key} xs={12} sm={8} xxl={{ flex: "1 1 0" }}>
                  <Card className="stat-card" size="small">
                    <Statistic
                      title={
                        <span>
                          {c.tone && <span aria-hidden="true" style={{ color: c.tone === "red" ? "#cf1322" : "#d48806" }}>● </span>}
                          {c.title}
                        </span>
                      }
                      value={c.value}
                      loading={query.isLoading}
                      styles={c.tone ? { content: { color: c.tone === "red" ? "#a8071a" : "#ad6800" } } : undefined}
                    />
                  </Card>
                </Col>
              ))}
            </GridRow>
            {query.data && <ConsultationFigures figures={query.data.consultations} />}
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
              {t("sv.dash.periodNote", { from: formatDate(shownFrom?.format("YYYY-MM-DD")), to: formatDate(shownTo?.format("YYYY-MM-DD")) })}
            </Typography.Paragraph>
          </section>

          {!query.isLoading && rows.length === 0 ? (
            <Card className="section-card">
              <Empty description={t("sv.dash.empty")} />
            </Card>
          ) : (
            <>
              <GridRow gutter={[16, 0]}>
                <Col xs={24} xl={12}>
                  <Section title={groupBy === "region" ? t("sv.chart.volumeByRegion") : t("sv.chart.volume")} extra={<span className="muted">{t("sv.chart.clickHint")}</span>}>
                    {query.isLoading ? <Skeleton active /> : <VolumeChart rows={rows} onPick={pick} />}
                  </Section>
                </Col>
                <Col xs={24} xl={12}>
                  <Section title={t("sv.chart.onTime")}>
                    {query.isLoading ? <Skeleton active /> : <OnTimeChart rows={rows} onPick={pick} />}
                  </Section>
                </Col>
              </GridRow>
              <Section title={t("sv.chart.trend")} extra={region ? <span className="muted">{t("sv.chart.trendAllRegions")}</span> : undefined}>
                {trend.length ? <TrendChart trend={trend} /> : <Empty description={t("sv.chart.noTrend")} />}
              </Section>
            </>
          )}

          <Section title={t("sv.dash.table")}>
            <Table<Row>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={rows}
              loading={query.isLoading}
              pagination={false}
              scroll={{ x: "max-content" }}
              summary={() =>
                rows.length > 1 ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <strong>{t("sv.dash.total")}</strong>
                    </Table.Summary.Cell>
                    {[total.received, total.accepted, total.closed].map((v, i) => (
                      <Table.Summary.Cell key={i} index={i + 1} align="right">{num(v)}</Table.Summary.Cell>
                    ))}
                    <Table.Summary.Cell index={4} align="right">{percent(total.onTimeRate) ?? "—"}</Table.Summary.Cell>
                    <Table.Summary.Cell index={5} align="right">{total.averageWorkingDays === null ? "—" : t("sv.daysValue", { value: total.averageWorkingDays })}</Table.Summary.Cell>
                    <Table.Summary.Cell index={6} align="right">{satisfaction(total)}</Table.Summary.Cell>
                    {[total.overdue, total.yellow, total.suspended, total.extended, total.deemedAccepted, total.escalationsOpen].map((v, i) => (
                      <Table.Summary.Cell key={`s${i}`} index={i + 7} align="right">{num(v)}</Table.Summary.Cell>
                    ))}
                    {groupBy === "department" && <Table.Summary.Cell index={13} />}
                  </Table.Summary.Row>
                ) : null
              }
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t("sv.dash.tableNote")}
              <br />
              {t("eng.sat.note")}
            </Typography.Paragraph>
          </Section>

          <Section title={t("sv.dash.redCases")}>
            <LightCases light="red" />
          </Section>
          <Section title={t("sv.dash.yellowCases")}>
            <LightCases light="yellow" />
          </Section>
        </>
      )}

      {drill && <CasesDrawer row={drill.row} initialTab={drill.tab} fromDay={fromDay} toDay={toDay} onClose={() => setDrill(null)} />}
    </WorkbenchPage>
  );
}
