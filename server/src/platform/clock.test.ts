import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shanghaiDay } from "./clock.ts";

const byTimeZoneDatabase = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

describe("shanghaiDay", () => {
  it("gives the day the time zone database gives, for any instant from 1980 to 2200", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2200, 0, 1) }), (t) => {
        expect(shanghaiDay(new Date(t))).toBe(byTimeZoneDatabase.format(new Date(t)));
      }),
      { numRuns: 5000 },
    );
  });

  it("turns the day at midnight Beijing time", () => {
    expect(shanghaiDay(new Date("2026-12-03T15:59:59.999Z"))).toBe("2026-12-03");
    expect(shanghaiDay(new Date("2026-12-03T16:00:00.000Z"))).toBe("2026-12-04");
    // 1991 still had daylight saving (UTC+9 in summer): left to the time zone database.
    expect(shanghaiDay(new Date("1991-07-01T15:30:00Z"))).toBe("1991-07-02");
  });
});
