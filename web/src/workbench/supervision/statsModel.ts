/** Pure sums of the supervision figures: totals, regions, rates. */
import { evaluationFigures, sumSatisfaction } from "../../common/engagement/model.ts";
import type { DepartmentStats } from "../../common/data/supervision.ts";

export type Figures = Omit<DepartmentStats, "department" | "regionCode" | "regionName" | "evaluations"> & {
  /** Evaluations given in the period. */
  evaluationCount: number;
  /** Share of 满意/非常满意, 0..1; null without evaluations. */
  satisfactionRate: number | null;
};

export interface Row extends Figures {
  key: string;
  name: string;
  /** A shorter name for chart axes (the department's short name). */
  short?: string;
  /** Set for a department row: what the drill-down asks for. */
  departmentId?: string;
  regionCode: string;
  regionName: string;
}

const counts = ["received", "accepted", "closed", "overdue", "yellow", "suspended", "extended", "deemedAccepted", "escalationsOpen", "offPlatformCertificates"] as const;

/**
 * Sums rows; the on-time rate and the average working days are weighted by the cases closed, the
 * satisfaction by the evaluations.
 */
export function sumFigures(rows: readonly Figures[]): Figures {
  const total = Object.fromEntries(counts.map((k) => [k, rows.reduce((n, r) => n + (r[k] ?? 0), 0)])) as Record<(typeof counts)[number], number>;
  const rated = rows.filter((r) => r.onTimeRate !== null && r.closed > 0);
  const ratedClosed = rated.reduce((n, r) => n + r.closed, 0);
  const timed = rows.filter((r) => r.averageWorkingDays !== null && r.closed > 0);
  const timedClosed = timed.reduce((n, r) => n + r.closed, 0);
  return {
    ...total,
    onTimeRate: ratedClosed ? rated.reduce((n, r) => n + (r.onTimeRate ?? 0) * r.closed, 0) / ratedClosed : null,
    averageWorkingDays: timedClosed ? Math.round((timed.reduce((n, r) => n + (r.averageWorkingDays ?? 0) * r.closed, 0) / timedClosed) * 10) / 10 : null,
    ...sumSatisfaction(rows),
  };
}

export function departmentRows(items: readonly DepartmentStats[]): Row[] {
  return items.map((d) => ({
    ...satisfactionOf(d),
    key: d.department.id,
    name: d.department.name,
    departmentId: d.department.id,
    regionCode: d.regionCode,
    regionName: d.regionName,
    received: d.received,
    accepted: d.accepted,
    closed: d.closed,
    onTimeRate: d.onTimeRate,
    averageWorkingDays: d.averageWorkingDays,
    overdue: d.overdue,
    yellow: d.yellow,
    suspended: d.suspended,
    extended: d.extended,
    deemedAccepted: d.deemedAccepted,
    escalationsOpen: d.escalationsOpen,
    offPlatformCertificates: d.offPlatformCertificates ?? 0,
  }));
}

function satisfactionOf(d: DepartmentStats): Pick<Figures, "evaluationCount" | "satisfactionRate"> {
  const e = evaluationFigures(d.evaluations);
  return { evaluationCount: e.count, satisfactionRate: e.satisfactionRate };
}

/** One row per region (city level and each district), in the order they first appear. */
export function regionRows(items: readonly DepartmentStats[]): Row[] {
  const groups = new Map<string, DepartmentStats[]>();
  for (const d of items) groups.set(d.regionCode, [...(groups.get(d.regionCode) ?? []), d]);
  return [...groups].map(([code, list]) => ({
    key: code,
    name: list[0]?.regionName ?? code,
    regionCode: code,
    regionName: list[0]?.regionName ?? code,
    ...sumFigures(departmentRows(list)),
  }));
}

export function regionsOf(items: readonly DepartmentStats[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const d of items) if (!seen.has(d.regionCode)) seen.set(d.regionCode, d.regionName);
  return [...seen].map(([code, name]) => ({ code, name }));
}

/** 0.8765 → "87.7%"; null → null. */
export function percent(rate: number | null | undefined): string | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
