import { describe, expect, it } from "vitest";
import { linksThatFit } from "./priorityNavFit.ts";

describe("a one-line menu", () => {
  it("shows every link when they fit", () => {
    expect(linksThatFit([50, 60, 70], 40, 184, 2)).toBe(3);
  });
  it("keeps room for the more button when they do not", () => {
    expect(linksThatFit([50, 60, 70], 40, 183, 2)).toBe(2);
    expect(linksThatFit([50, 60, 70], 40, 100, 2)).toBe(1);
    expect(linksThatFit([50, 60, 70], 40, 60, 2)).toBe(0);
  });
});
