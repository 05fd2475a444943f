import ReactEChartsCore from "echarts-for-react/esm/core";
import { BarChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { EChartsOption } from "echarts";
import { useTranslation } from "react-i18next";
import { useIsMobile } from "../../common/hooks/useIsMobile.ts";
import { usePrefs } from "../../common/prefs.tsx";
import { axisLabels, monthLabel, type MonthlyPoint } from "./model.ts";

// Only what this chart draws: bars, axes, legend, tooltip, and the aria description + decal patterns.
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

/** Closed in blue, on time in green; each also has a decal pattern and a legend, so colour never carries meaning alone. */
const COLORS = { closed: "#1f5fbf", onTime: "#237804" };

/**
 * Cases closed per month with the on-time ones beside them (loaded lazily: ECharts only comes with
 * a department's page). The container is an image labelled with every figure; the page also offers
 * them as a table.
 */
export default function MonthlyChart({ points }: { points: readonly MonthlyPoint[] }) {
  const { t, i18n } = useTranslation();
  const { elder } = usePrefs();
  const isMobile = useIsMobile();
  const text = { fontSize: elder ? 15 : 12, color: elder ? "#000" : "rgba(0,0,0,0.75)" };
  const labels = axisLabels(points, i18n.language);
  const series = [
    { key: "closed", name: t("dept.chart.closed"), color: COLORS.closed },
    { key: "onTime", name: t("dept.chart.onTime"), color: COLORS.onTime },
  ] as const;

  const option: EChartsOption = {
    // No growing bars for those who asked the system for less motion.
    animation: !globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches,
    aria: { enabled: true, decal: { show: true } },
    textStyle: { fontSize: text.fontSize, color: text.color },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      textStyle: { fontSize: text.fontSize },
    },
    legend: { top: 0, textStyle: { fontSize: text.fontSize, color: text.color } },
    grid: { left: 8, right: 8, top: elder ? 44 : 36, bottom: 8 },
    xAxis: {
      type: "category",
      data: points.map((p, i) => ({ value: labels[i] ?? p.month })),
      axisLabel: { fontSize: text.fontSize, color: text.color, hideOverlap: true },
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: text.fontSize, color: text.color } },
    series: series.map((s) => ({
      name: s.name,
      type: "bar" as const,
      barMaxWidth: 18,
      barGap: "10%",
      itemStyle: { color: s.color },
      // Numbers on the bars while they fit; on a phone the tooltip and the table have them.
      label: { show: !isMobile && points.length <= 13, position: "top" as const, fontSize: text.fontSize - 1, color: text.color },
      data: points.map((p) => p[s.key]),
    })),
  };

  const label = t("dept.chart.alt", {
    list: points.map((p) => t("dept.chart.row", { month: monthLabel(p.month, i18n.language), closed: p.closed, onTime: p.onTime })).join(t("dept.chart.joiner")),
  });

  return (
    <div role="img" aria-label={label} className="dept-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        style={{ height: elder ? 280 : 240, width: "100%" }}
        opts={{ renderer: "svg" }}
      />
    </div>
  );
}
