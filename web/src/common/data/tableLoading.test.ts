import { describe, expect, it } from "vitest";
import { tableLoading } from "./tableLoading.ts";

describe("tableLoading", () => {
  it("veils a table with no rows yet, and one still showing the rows of the filters before", () => {
    expect(tableLoading({ isLoading: true, isFetching: true, isPlaceholderData: false })).toBe(true);
    expect(tableLoading({ isLoading: false, isFetching: true, isPlaceholderData: true })).toBe(true);
  });

  it("leaves the rows clickable while they are refreshed in the background, and once fetched", () => {
    expect(tableLoading({ isLoading: false, isFetching: true, isPlaceholderData: false })).toBe(false);
    expect(tableLoading({ isLoading: false, isFetching: false, isPlaceholderData: false })).toBe(false);
  });
});
