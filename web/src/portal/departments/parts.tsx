import { PhoneOutlined, RightOutlined } from "@ant-design/icons";
import { Skeleton, Typography } from "antd";
import { Component, lazy, Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { monthLabel, monthlySeries, monthRate, rateText, telHref, type DepartmentFigures, type MonthlyPoint } from "./model.ts";
import { type Department } from "../../common/data/catalog.ts";

// ECharts is big: it comes in its own chunk, once a department's page has months to draw.
const MonthlyChart = lazy(() => import("./MonthlyChart.tsx"));

/** A phone number as a `tel:` link (one tap to call on a phone), or the text when it has no digits. */
export function PhoneLink({ phone, label, className }: { phone: string; label?: string; className?: string }) {
  const href = telHref(phone);
  if (!href) return <span>{phone}</span>;
  return (
    <a href={href} className={className} aria-label={label}>
      <PhoneOutlined aria-hidden="true" /> {phone}
    </a>
  );
}

/** A department on the 部门与区县 page: its name links to its page; its phone can be called directly. */
export function DepartmentCard({ department: d }: { department: Department }) {
  const { t } = useTranslation();
  return (
    <div className="dept-card">
      <h3 className="dept-card-title">
        <Link to={`/departments/${encodeURIComponent(d.id)}`}>{d.name}</Link>
      </h3>
      <div className="dept-card-meta">
        <span>{d.itemCount > 0 ? t("dept.list.items", { count: d.itemCount }) : t("dept.list.noItems")}</span>
        {d.phone && <PhoneLink phone={d.phone} className="dept-card-phone" label={t("dept.list.call", { name: d.name, phone: d.phone })} />}
      </div>
      <RightOutlined className="dept-card-arrow" aria-hidden="true" />
    </div>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="dept-figure">
      <dt>{label}</dt>
      <dd>
        <span className={value === "—" ? "dept-figure-value dept-figure-none" : "dept-figure-value"}>{value}</span>
        <span className="dept-figure-note">{note}</span>
      </dd>
    </div>
  );
}

/** 办结件数, 按期办结率, 平均办理用时, 在办件数, 满意度: calm cards, "—" with the reason when there is nothing to show. */
export function FigureCards({ figures: f }: { figures: DepartmentFigures }) {
  const { t, i18n } = useTranslation();
  const num = (n: number) => n.toLocaleString(i18n.language);
  const onTime = rateText(f.onTimeRate);
  const satisfaction = rateText(f.satisfaction);
  const nothingClosed = t("dept.fig.noClosed");
  return (
    <dl className="dept-figures">
      <Figure label={t("dept.fig.closed")} value={num(f.closed)} note={t("dept.fig.closedNote")} />
      <Figure label={t("dept.fig.onTimeRate")} value={onTime ?? "—"} note={onTime ? t("dept.fig.onTimeNote") : nothingClosed} />
      <Figure
        label={t("dept.fig.averageWorkingDays")}
        value={f.averageWorkingDays === null ? "—" : t("dept.fig.days", { count: f.averageWorkingDays })}
        note={f.averageWorkingDays === null ? nothingClosed : t("dept.fig.averageNote")}
      />
      <Figure label={t("dept.fig.open")} value={num(f.open)} note={t("dept.fig.openNote")} />
      <Figure
        label={t("dept.fig.satisfaction")}
        value={satisfaction ?? "—"}
        note={satisfaction && f.evaluations > 0 ? t("dept.fig.evaluations", { count: f.evaluations }) : t("dept.fig.noEvaluations")}
      />
    </dl>
  );
}

/** If the chart's code cannot load, say so and leave the table to carry the figures. */
class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** Every month's figures as a table: the chart's text alternative, for screen readers and anyone who prefers numbers. */
function MonthlyTable({ points }: { points: readonly MonthlyPoint[] }) {
  const { t, i18n } = useTranslation();
  return (
    <details className="dept-chart-table">
      <summary>{t("dept.chart.table")}</summary>
      <div className="dept-table-scroll">
        <table>
          <caption className="sr-only">{t("dept.chart.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dept.chart.month")}</th>
              <th scope="col">{t("dept.chart.closed")}</th>
              <th scope="col">{t("dept.chart.onTime")}</th>
              <th scope="col">{t("dept.chart.rate")}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month}>
                <th scope="row">{monthLabel(p.month, i18n.language)}</th>
                <td>{p.closed.toLocaleString(i18n.language)}</td>
                <td>{p.onTime.toLocaleString(i18n.language)}</td>
                <td>{rateText(monthRate(p)) ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** 每月办结情况: the small chart (closed, and on time beside it) with its table; a sentence when nothing was closed. */
export function MonthlyFigures({ monthly }: { monthly: readonly MonthlyPoint[] }) {
  const { t } = useTranslation();
  const points = monthlySeries(monthly);
  const any = points.some((p) => p.closed > 0);
  return (
    <section className="dept-monthly" aria-labelledby="dept-monthly-title">
      <h3 id="dept-monthly-title" className="dept-subtitle">{t("dept.chart.title")}</h3>
      {any ? (
        <>
          <ChartBoundary fallback={<Typography.Paragraph type="secondary">{t("dept.chart.unavailable")}</Typography.Paragraph>}>
            <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 6 }} />}>
              <MonthlyChart points={points} />
            </Suspense>
          </ChartBoundary>
          <MonthlyTable points={points} />
        </>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t("dept.chart.empty")}</Typography.Paragraph>
      )}
    </section>
  );
}
