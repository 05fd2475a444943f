import { describe, expect, it } from "vitest";
import type { Department, Region } from "@cq/contracts";
import { axisLabels, groupByRegion, monthLabel, monthlySeries, monthRate, rateText, telHref } from "./model.ts";

const regions: Region[] = [
  { code: "500103", name: "渝中区", level: "district", parentCode: null },
  { code: "500000", name: "重庆市", level: "city", parentCode: null },
  { code: "500112", name: "渝北区", level: "district", parentCode: null },
  { code: "500105", name: "江北区", level: "district", parentCode: null },
];

const dept = (id: string, regionCode: string, regionName = ""): Department => ({
  id, name: `部门${id}`, shortName: id, regionCode, regionName, phone: "023-1", address: "地址", itemCount: 1,
});

describe("departments by region", () => {
  it("puts the city level first, then the districts in the list's order, departments in their order", () => {
    const groups = groupByRegion([dept("a", "500112"), dept("b", "500000"), dept("c", "500103"), dept("d", "500000")], regions);
    expect(groups.map((g) => [g.regionCode, g.name, g.city, g.departments.map((d) => d.id)])).toEqual([
      ["500000", "重庆市", true, ["b", "d"]],
      ["500103", "渝中区", false, ["c"]],
      ["500112", "渝北区", false, ["a"]],
    ]);
  });

  it("leaves out regions without departments", () => {
    expect(groupByRegion([dept("a", "500103")], regions).map((g) => g.regionCode)).toEqual(["500103"]);
    expect(groupByRegion([], regions)).toEqual([]);
  });

  it("keeps departments of a region the list does not know, under the department's region name, last", () => {
    const groups = groupByRegion([dept("x", "500999", "某新区"), dept("a", "500103")], regions);
    expect(groups.map((g) => [g.regionCode, g.name, g.city])).toEqual([
      ["500103", "渝中区", false],
      ["500999", "某新区", false],
    ]);
  });

  it("still groups when the region list is missing (the city level recognised by its code)", () => {
    const groups = groupByRegion([dept("a", "500103", "渝中区"), dept("b", "500000", "重庆市")], []);
    expect(groups.map((g) => [g.regionCode, g.name, g.city])).toEqual([
      ["500103", "渝中区", false],
      ["500000", "重庆市", true],
    ]);
  });
});

describe("the monthly chart's series", () => {
  it("sorts the months and fills a month without closed cases with 0", () => {
    expect(
      monthlySeries([
        { month: "2026-03", closed: 4, onTime: 3 },
        { month: "2025-12", closed: 2, onTime: 2 },
        { month: "2026-01", closed: 1, onTime: 0 },
      ]),
    ).toEqual([
      { month: "2025-12", closed: 2, onTime: 2 },
      { month: "2026-01", closed: 1, onTime: 0 },
      { month: "2026-02", closed: 0, onTime: 0 },
      { month: "2026-03", closed: 4, onTime: 3 },
    ]);
  });

  it("is empty without months, and drops malformed months", () => {
    expect(monthlySeries([])).toEqual([]);
    expect(monthlySeries([{ month: "2026-13", closed: 1, onTime: 1 }, { month: "March", closed: 1, onTime: 1 }])).toEqual([]);
  });

  it("adds up a repeated month and never has more on time than closed, nor negative counts", () => {
    expect(
      monthlySeries([
        { month: "2026-05", closed: 2, onTime: 2 },
        { month: "2026-05", closed: 1, onTime: 0 },
        { month: "2026-06", closed: 1, onTime: 5 },
        { month: "2026-07", closed: -3, onTime: Number.NaN },
      ]),
    ).toEqual([
      { month: "2026-05", closed: 3, onTime: 2 },
      { month: "2026-06", closed: 1, onTime: 1 },
      { month: "2026-07", closed: 0, onTime: 0 },
    ]);
  });

  it("rates a month only when something was closed", () => {
    expect(monthRate({ closed: 4, onTime: 3 })).toBe(0.75);
    expect(monthRate({ closed: 0, onTime: 0 })).toBeNull();
  });

  it("names the months in the page's language, the year on the first month and on January", () => {
    expect(monthLabel("2026-03", "zh-CN")).toBe("2026年3月");
    expect(monthLabel("2026-03", "en")).toBe("Mar 2026");
    expect(monthLabel("2026-03", "zh-CN", "short")).toBe("3月");
    expect(monthLabel("bad", "en")).toBe("bad");
    const points = [{ month: "2025-11" }, { month: "2025-12" }, { month: "2026-01" }, { month: "2026-02" }];
    expect(axisLabels(points, "zh-CN")).toEqual(["2025年11月", "12月", "2026年1月", "2月"]);
    expect(axisLabels(points, "en")).toEqual(["Nov 2025", "Dec", "Jan 2026", "Feb"]);
  });
});

describe("figures", () => {
  it("writes a rate with at most one decimal, never rounding to 100% or 0% by accident", () => {
    expect(rateText(0.876)).toBe("87.6%");
    expect(rateText(0.9)).toBe("90%");
    expect(rateText(1)).toBe("100%");
    expect(rateText(0)).toBe("0%");
    expect(rateText(0.99996)).toBe("99.9%");
    expect(rateText(0.00001)).toBe("0.1%");
    expect(rateText(null)).toBeNull();
    expect(rateText(Number.NaN)).toBeNull();
  });

  it("dials the digits of a written phone number", () => {
    expect(telHref("023-6762 8915")).toBe("tel:02367628915");
    expect(telHref("+86 23 6762 8915")).toBe("tel:+862367628915");
    expect(telHref("")).toBeNull();
    expect(telHref(null)).toBeNull();
  });
});
