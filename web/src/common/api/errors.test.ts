import { describe, expect, it } from "vitest";
import { ApiError, errorFromBody, incompleteFieldsOf, isApiError, missingMaterialsOf } from "./errors.ts";

describe("errorFromBody", () => {
  it("reads the platform's error shape", () => {
    const e = errorFromBody(404, { error: { code: "CASE_NOT_FOUND", message: "办件不存在。" } }, "fallback");
    expect(e).toBeInstanceOf(ApiError);
    expect(isApiError(e)).toBe(true);
    expect(e.status).toBe(404);
    expect(e.code).toBe("CASE_NOT_FOUND");
    expect(e.message).toBe("办件不存在。");
    expect(e.details).toBeUndefined();
  });

  it("keeps details", () => {
    const e = errorFromBody(422, { error: { code: "FORM_INCOMPLETE", message: "m", details: { fields: ["a", 3, "b"] } } }, "f");
    expect(e.details).toEqual({ fields: ["a", 3, "b"] });
    expect(incompleteFieldsOf(e)).toEqual(["a", "b"]);
  });

  it("falls back for bodies that are not the error shape", () => {
    for (const body of [undefined, "<html>502</html>", { message: "x" }, { error: "boom" }, null, []]) {
      const e = errorFromBody(502, body, "服务器返回了错误（502）。");
      expect(e.code).toBe("HTTP_502");
      expect(e.message).toBe("服务器返回了错误（502）。");
    }
  });

  it("fills a missing code or message", () => {
    const e = errorFromBody(400, { error: { message: "" } }, "fallback");
    expect(e.code).toBe("HTTP_400");
    expect(e.message).toBe("fallback");
  });
});

describe("missingMaterialsOf", () => {
  it("lists the missing materials of a MATERIALS_MISSING error", () => {
    const e = errorFromBody(
      422,
      { error: { code: "MATERIALS_MISSING", message: "m", details: { missing: [{ materialId: "m1", name: "营业执照" }, { materialId: "m2" }, "junk"] } } },
      "f",
    );
    expect(missingMaterialsOf(e)).toEqual([
      { materialId: "m1", name: "营业执照" },
      { materialId: "m2", name: "m2" },
    ]);
  });

  it("is empty for other errors", () => {
    expect(missingMaterialsOf(new ApiError(422, "FORM_INCOMPLETE", "m", { missing: [{ materialId: "x" }] }))).toEqual([]);
    expect(missingMaterialsOf(new Error("x"))).toEqual([]);
    expect(incompleteFieldsOf(new ApiError(422, "MATERIALS_MISSING", "m"))).toEqual([]);
  });
});
