import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import type { FormField } from "@cq/contracts";
import { fromFormData, toFormData } from "./formData.ts";

const fields: FormField[] = [
  { key: "name", label: "经营者名称", type: "text", required: true },
  { key: "area", label: "面积", type: "number", required: false },
  { key: "opening", label: "开业日期", type: "date", required: false },
  { key: "note", label: "备注", type: "textarea", required: false },
];

describe("form data", () => {
  it("turns form values into the API's form data", () => {
    expect(toFormData(fields, { name: "  渝北小馆 ", area: 120, opening: dayjs("2026-12-01"), note: "   " })).toEqual({
      name: "渝北小馆",
      area: 120,
      opening: "2026-12-01",
      note: null,
    });
  });

  it("sends every field, missing ones as null", () => {
    expect(toFormData(fields, {})).toEqual({ name: null, area: null, opening: null, note: null });
  });

  it("reads saved form data back, dates as dayjs", () => {
    const values = fromFormData(fields, { name: "x", opening: "2026-12-01", area: null, stray: "y" });
    expect(values.name).toBe("x");
    expect(dayjs.isDayjs(values.opening) && values.opening.format("YYYY-MM-DD")).toBe("2026-12-01");
    expect("area" in values).toBe(false);
    expect("stray" in values).toBe(false);
  });
});
