import ReactEChartsCore from "echarts-for-react/esm/core";
import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { EChartsOption } from "echarts";
import { useTranslation } from "react-i18next";
import { usePrefs } from "../../common/prefs.tsx";
import { useIsMobile } from "../../common/hooks/useIsMobile.ts";
import type { StaffHandlingStats, TrendPoint } from "../../common/data/supervision.ts";
import { wholePercent } from "../../common/engagement/model.ts";
import { percent, type Row } from "./statsModel.ts";

// Only what these charts draw: bars, lines, axes, legend, tooltip, and the aria description + decal patterns.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

/** Series colours; each series also has a decal pattern and a text label, so colour never carries meaning alone. */
const COLORS = { received: "#1f5fbf", closed: "#237804", overdue: "#a8071a", onTime: "#ad4e00", rate: "#1f5fbf" };

function useChartText() {
  const { elder } = usePrefs();
  return { fontSize: elder ? 15 : 12, color: elder ? "#000" : "rgba(0,0,0,0.75)" };
}

/**
 * A chart with a text alternative: the container is an image whose label summarises the figures
 * (the table below the charts has every number).
 */
function Chart({ option, label, height, onClickIndex }: { option: EChartsOption; label: string; height: number; onClickIndex?: (index: number) => void }) {
  return (
    <div role="img" aria-label={label} className="chart-box">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        style={{ height, width: "100%" }}
        opts={{ renderer: "svg" }}
        onEvents={onClickIndex ? { click: (p: { dataIndex?: number }) => typeof p.dataIndex === "number" && onClickIndex(p.dataIndex) } : {}}
      />
    </div>
  );
}

const base = (text: { fontSize: number; color: string }): EChartsOption => ({
  aria: { enabled: true, decal: { show: true } },
  textStyle: { fontSize: text.fontSize, color: text.color },
  tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, textStyle: { fontSize: text.fontSize } },
  legend: { top: 0, textStyle: { fontSize: text.fontSize, color: text.color } },
});

/** Horizontal bars of rates, 0–100 %, one row per name: everything but the series. */
const percentBars = (text: { fontSize: number; color: string }, names: string[], labelWidth: number): EChartsOption => ({
  ...base(text),
  tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v) => `${String(v)}%` },
  grid: { left: 8, right: 56, top: 40, bottom: 8 },
  xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%", fontSize: text.fontSize } },
  yAxis: { type: "category", inverse: true, data: names, axisLabel: { width: labelWidth, overflow: "truncate", fontSize: text.fontSize, color: text.color } },
});

/** Received, closed and overdue per department (or region), as horizontal bars with their numbers. */
export function VolumeChart({ rows, onPick }: { rows: Row[]; onPick?: (row: Row) => void }) {
  const { t } = useTranslation();
  const text = useChartText();
  const isMobile = useIsMobile();
  const series = [
    { key: "received", name: t("sv.fig.received"), color: COLORS.received },
    { key: "closed", name: t("sv.fig.closed"), color: COLORS.closed },
    { key: "overdue", name: t("sv.fig.overdue"), color: COLORS.overdue },
  ] as const;
  const option: EChartsOption = {
    ...base(text),
    grid: { left: 8, right: 36, top: 40, bottom: 8 },
    xAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: text.fontSize } },
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((r) => r.short ?? r.name),
      axisLabel: { width: isMobile ? 96 : 200, overflow: "truncate", fontSize: text.fontSize, color: text.color },
    },
    series: series.map((s) => ({
      name: s.name,
      type: "bar" as const,
      itemStyle: { color: s.color },
      label: { show: true, position: "right" as const, fontSize: text.fontSize, color: text.color },
      data: rows.map((r) => r[s.key]),
      cursor: onPick ? "pointer" : "default",
    })),
  };
  const label = t("sv.chart.volumeAlt", {
    list: rows.map((r) => t("sv.chart.volumeRow", { name: r.name, received: r.received, closed: r.closed, overdue: r.overdue })).join("；"),
  });
  return <Chart option={option} label={label} height={Math.max(240, rows.length * 60 + 60)} onClickIndex={onPick ? (i) => rows[i] && onPick(rows[i]) : undefined} />;
}

/** The on-time rate per department (or region), 0–100 %, with the percentage written on each bar. */
export function OnTimeChart({ rows, onPick }: { rows: Row[]; onPick?: (row: Row) => void }) {
  const { t } = useTranslation();
  const text = useChartText();
  const isMobile = useIsMobile();
  const option: EChartsOption = {
    ...percentBars(text, rows.map((r) => r.short ?? r.name), isMobile ? 96 : 200),
    series: [
      {
        name: t("sv.fig.onTimeRate"),
        type: "bar",
        itemStyle: { color: COLORS.rate },
        label: {
          show: true,
          position: "right",
          fontSize: text.fontSize,
          color: text.color,
          formatter: "{c}%",
        },
        // A department that closed nothing has no rate: no bar, and the words "none closed" instead.
        data: rows.map((r) =>
          r.onTimeRate === null
            ? { value: 0, itemStyle: { opacity: 0 }, label: { formatter: t("sv.noClosed") } }
            : Math.round(r.onTimeRate * 1000) / 10,
        ),
        cursor: onPick ? "pointer" : "default",
      },
    ],
  };
  const label = t("sv.chart.onTimeAlt", { list: rows.map((r) => `${r.name} ${percent(r.onTimeRate) ?? t("sv.noClosed")}`).join("；") });
  return <Chart option={option} label={label} height={Math.max(220, rows.length * 44 + 60)} onClickIndex={onPick ? (i) => rows[i] && onPick(rows[i]) : undefined} />;
}

/** Received, closed and closed on time per month: three lines with different markers and dash styles. */
export function TrendChart({ trend }: { trend: TrendPoint[] }) {
  const { t } = useTranslation();
  const text = useChartText();
  const lines = [
    { key: "received", name: t("sv.fig.received"), color: COLORS.received, symbol: "circle", type: "solid" },
    { key: "closed", name: t("sv.fig.closed"), color: COLORS.closed, symbol: "rect", type: "dashed" },
    { key: "onTime", name: t("sv.fig.closedOnTime"), color: COLORS.onTime, symbol: "triangle", type: "dotted" },
  ] as const;
  const option: EChartsOption = {
    ...base(text),
    tooltip: { trigger: "axis", textStyle: { fontSize: text.fontSize } },
    grid: { left: 8, right: 16, top: 40, bottom: 8 },
    xAxis: { type: "category", data: trend.map((p) => p.month), axisLabel: { fontSize: text.fontSize } },
    yAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: text.fontSize } },
    series: lines.map((l) => ({
      name: l.name,
      type: "line" as const,
      symbol: l.symbol,
      symbolSize: 9,
      itemStyle: { color: l.color },
      lineStyle: { color: l.color, type: l.type, width: 2.5 },
      label: { show: trend.length <= 12, position: "top" as const, fontSize: text.fontSize - 1 },
      data: trend.map((p) => p[l.key]),
    })),
  };
  const label = t("sv.chart.trendAlt", {
    list: trend.map((p) => t("sv.chart.trendRow", { month: p.month, received: p.received, closed: p.closed, onTime: p.onTime })).join("；"),
  });
  return <Chart option={option} label={label} height={320} />;
}

/**
 * Each person's on-time rate and satisfaction, 0–100 %, side by side: who needs help with time and
 * who with the applicants shows at a glance. A person without timed steps or evaluations has no bar there.
 */
export function StaffChart({ items }: { items: StaffHandlingStats[] }) {
  const { t } = useTranslation();
  const text = useChartText();
  const isMobile = useIsMobile();
  const bar = (v: number | null) => (v === null ? { value: 0, itemStyle: { opacity: 0 }, label: { formatter: t("sv.staff.none") } } : Math.round(v * 1000) / 10);
  const option: EChartsOption = {
    ...percentBars(text, items.map((i) => i.staff.name), isMobile ? 72 : 120),
    series: [
      { key: "onTime", name: t("sv.staff.col.onTime"), color: COLORS.rate, values: items.map((i) => i.onTimeRate) },
      { key: "satisfaction", name: t("sv.staff.col.satisfaction"), color: COLORS.closed, values: items.map((i) => i.evaluations.satisfactionRate) },
    ].map((s) => ({
      name: s.name,
      type: "bar" as const,
      itemStyle: { color: s.color },
      label: { show: true, position: "right" as const, fontSize: text.fontSize, color: text.color, formatter: "{c}%" },
      data: s.values.map(bar),
    })),
  };
  const label = t("sv.staff.chartAlt", {
    list: items
      .map((i) => t("sv.staff.chartRow", { name: i.staff.name, onTime: wholePercent(i.onTimeRate) ?? t("sv.staff.none"), satisfaction: wholePercent(i.evaluations.satisfactionRate) ?? t("sv.staff.none") }))
      .join("；"),
  });
  return <Chart option={option} label={label} height={Math.max(200, items.length * 64 + 60)} />;
}
