import { describe, expect, it } from "vitest";
import { maskUrl } from "./logger.ts";

describe("log lines", () => {
  it("mask identity numbers and phones in query strings", () => {
    expect(maskUrl("/api/hall/applicants?idNumber=500112198803151234")).toBe("/api/hall/applicants?idNumber=***");
    expect(maskUrl("/api/dev/outbox?to=13800000000&x=1")).toBe("/api/dev/outbox?to=***&x=1");
    expect(maskUrl("/api/hall/applicants?phone=13800000000&creditCode=91500112MA5U7Q8Y3X")).toBe("/api/hall/applicants?phone=***&creditCode=***");
    expect(maskUrl("/api/catalog/items?q=食品")).toBe("/api/catalog/items?q=食品");
  });
});
