import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format.ts";

describe("dates are shown in Beijing time", () => {
  it("converts timestamps to Asia/Shanghai, whatever the browser's zone", () => {
    expect(formatDateTime("2026-11-27T01:35:00Z")).toBe("2026-11-27 09:35");
    expect(formatDateTime("2026-11-27T17:10:00Z")).toBe("2026-11-28 01:10");
    expect(formatDate("2026-11-27T17:10:00Z")).toBe("2026-11-28");
    expect(formatDate("2026-11-27T17:10:09Z", "seconds")).toBe("2026-11-28 01:10:09");
  });
  it("keeps calendar dates and marks nothing", () => {
    expect(formatDate("2026-12-04")).toBe("2026-12-04");
    expect(formatDate(null)).toBe("—");
    expect(formatDate("not a date")).toBe("not a date");
  });
});
