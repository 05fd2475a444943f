/**
 * The departments' public pages (部门与区县, a department's page): what the API sends, and the pure
 * rules the pages share — grouping departments by region, the monthly chart's series, rates, month
 * names and phone links. Types and functions only (no React), so they are unit-tested.
 */
import type { Department, Region } from "@cq/contracts";
import type { MonthlyPoint } from "../../common/data/departments.ts";

export type { DepartmentFigures, DepartmentItem, MonthlyPoint, PublicDepartment } from "../../common/data/departments.ts";

/** The departments of one region, for the 部门与区县 page. */
export interface DepartmentGroup {
  regionCode: string;
  /** The region's name (重庆市, 渝中区, …); the page words the city level as 市级部门. */
  name: string;
  city: boolean;
  departments: Department[];
}

/** A municipality's own code ends in 0000 (500000 重庆市); used only for a region the list does not know. */
const looksCityLevel = (code: string) => /^\d{2}0000$/.test(code);

/**
 * Departments by region: the city level first, then the districts in the order of the region list,
 * then any region the list does not know (in the order its departments come). Departments keep
 * their order; regions without departments are left out.
 */
export function groupByRegion(departments: readonly Department[], regions: readonly Region[]): DepartmentGroup[] {
  const known = [...regions.filter((r) => r.level === "city"), ...regions.filter((r) => r.level !== "city")];
  const groups = new Map<string, DepartmentGroup>();
  for (const r of known) {
    if (!groups.has(r.code)) groups.set(r.code, { regionCode: r.code, name: r.name, city: r.level === "city", departments: [] });
  }
  for (const d of departments) {
    let group = groups.get(d.regionCode);
    if (!group) {
      group = { regionCode: d.regionCode, name: d.regionName || d.regionCode, city: looksCityLevel(d.regionCode), departments: [] };
      groups.set(d.regionCode, group);
    }
    group.departments.push(d);
  }
  return [...groups.values()].filter((g) => g.departments.length > 0);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

const count = (n: unknown) => (typeof n === "number" && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

/**
 * The chart's months, oldest first, one point per calendar month from the first to the last month
 * sent: a month the API leaves out closed nothing, so it shows as 0 (not as a gap that hides it).
 * Malformed months are dropped, repeated months added up, and on-time never exceeds closed.
 */
export function monthlySeries(monthly: readonly MonthlyPoint[]): MonthlyPoint[] {
  const byMonth = new Map<string, MonthlyPoint>();
  for (const p of monthly) {
    if (!MONTH.test(p.month)) continue;
    const seen = byMonth.get(p.month) ?? { month: p.month, closed: 0, onTime: 0 };
    byMonth.set(p.month, { month: p.month, closed: seen.closed + count(p.closed), onTime: seen.onTime + count(p.onTime) });
  }
  const months = [...byMonth.keys()].sort();
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return [];
  const points: MonthlyPoint[] = [];
  // At most a few years between first and last; the guard keeps a bad month from looping long.
  for (let m = first; m <= last && points.length < 120; m = nextMonth(m)) {
    const p = byMonth.get(m) ?? { month: m, closed: 0, onTime: 0 };
    points.push({ month: m, closed: p.closed, onTime: Math.min(p.onTime, p.closed) });
  }
  return points;
}

/**
 * A rate as a percentage with at most one decimal: 0.876 → "87.6%", 0.9 → "90%". Only a full 1 reads
 * 100% and only 0 reads 0% (99.96% is "99.9%"): a late case never disappears in the rounding.
 */
export function rateText(rate: number | null | undefined): string | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  const r = Math.min(1, Math.max(0, rate));
  let tenths = Math.round(r * 1000);
  if (tenths === 1000 && r < 1) tenths = 999;
  if (tenths === 0 && r > 0) tenths = 1;
  return `${tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1)}%`;
}

/** The on-time share of one month, or null when nothing was closed. */
export const monthRate = (p: Pick<MonthlyPoint, "closed" | "onTime">): number | null => (p.closed > 0 ? p.onTime / p.closed : null);

/**
 * A `YYYY-MM` month in the page's language: "long" → 2026年3月 / Mar 2026; "short" → 3月 / Mar.
 * (Intl on a fixed UTC date: the month is a calendar month, not an instant.)
 */
export function monthLabel(month: string, language: string, style: "long" | "short" = "long"): string {
  const m = MONTH.exec(month);
  if (!m) return month;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  const options: Intl.DateTimeFormatOptions = style === "long" ? { year: "numeric", month: "short", timeZone: "UTC" } : { month: "short", timeZone: "UTC" };
  return new Intl.DateTimeFormat(language === "en" ? "en-US" : "zh-CN", options).format(date);
}

/** The chart's axis labels: short month names, with the year on the first month and on each January. */
export function axisLabels(points: readonly Pick<MonthlyPoint, "month">[], language: string): string[] {
  return points.map((p, i) => monthLabel(p.month, language, i === 0 || p.month.endsWith("-01") ? "long" : "short"));
}

/** A `tel:` link for a written phone number ("023-6762 8915" → "tel:02367628915"); null without digits. */
export function telHref(phone: string | null | undefined): string | null {
  const digits = (phone ?? "").replace(/[^\d+]/g, "");
  return /\d/.test(digits) ? `tel:${digits}` : null;
}
