import { describe, expect, it } from "vitest";
import type { DepartmentStats } from "../../common/data/supervision.ts";
import { percent, regionRows, regionsOf, sumFigures, departmentRows } from "./statsModel.ts";

const dept = (id: string, region: string, f: Partial<DepartmentStats>): DepartmentStats => ({
  department: { id, name: id },
  regionCode: region,
  regionName: `R${region}`,
  received: 0,
  accepted: 0,
  closed: 0,
  onTimeRate: null,
  averageWorkingDays: null,
  overdue: 0,
  yellow: 0,
  suspended: 0,
  extended: 0,
  deemedAccepted: 0,
  escalationsOpen: 0,
  offPlatformCertificates: 0,
  evaluations: { count: 0, averageLevel: null, satisfactionRate: null, dissatisfied: 0 },
  ...f,
});

describe("supervision figures", () => {
  const items = [
    dept("a", "500000", { received: 10, closed: 4, onTimeRate: 1, averageWorkingDays: 3, overdue: 1 }),
    dept("b", "500000", { received: 5, closed: 1, onTimeRate: 0, averageWorkingDays: 8, yellow: 2 }),
    dept("c", "500112", { received: 2 }),
  ];

  it("weights the on-time rate and the average by the cases closed", () => {
    const total = sumFigures(departmentRows(items));
    expect(total.received).toBe(17);
    expect(total.closed).toBe(5);
    expect(total.onTimeRate).toBeCloseTo(0.8);
    expect(total.averageWorkingDays).toBe(4);
    expect(total.overdue).toBe(1);
  });

  it("has no rate when nothing was closed", () => {
    expect(sumFigures(departmentRows([items[2]!])).onTimeRate).toBeNull();
  });

  it("groups by region", () => {
    expect(regionsOf(items)).toEqual([{ code: "500000", name: "R500000" }, { code: "500112", name: "R500112" }]);
    const rows = regionRows(items);
    expect(rows.map((r) => [r.name, r.received, r.yellow])).toEqual([["R500000", 15, 2], ["R500112", 2, 0]]);
  });

  it("sums the satisfaction weighted by the evaluations, per region too", () => {
    const rated = [
      dept("a", "500000", { evaluations: { count: 10, averageLevel: 4.5, satisfactionRate: 0.9, dissatisfied: 0 } }),
      dept("b", "500000", { evaluations: { count: 30, averageLevel: 3, satisfactionRate: 0.5, dissatisfied: 5 } }),
      dept("c", "500112", { evaluations: { count: 0, averageLevel: null, satisfactionRate: null, dissatisfied: 0 } }),
    ];
    const rows = departmentRows(rated);
    expect(rows.map((r) => [r.evaluationCount, r.satisfactionRate])).toEqual([[10, 0.9], [30, 0.5], [0, null]]);
    const total = sumFigures(rows);
    expect(total.evaluationCount).toBe(40);
    expect(total.satisfactionRate).toBeCloseTo(0.6);
    expect(regionRows(rated).map((r) => r.satisfactionRate)).toEqual([expect.closeTo(0.6), null]);
    expect(sumFigures(departmentRows(items)).satisfactionRate).toBeNull();
  });

  it("formats rates", () => {
    expect(percent(0.87654)).toBe("87.7%");
    expect(percent(1)).toBe("100.0%");
    expect(percent(null)).toBeNull();
  });
});
