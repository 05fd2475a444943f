import type { Guide, GuideInput } from "@cq/contracts";
import { describe, expect, it } from "vitest";
import { changeNoticeText, describeChanges } from "./changeNotice.ts";
import { diffGuides, normalizeGuide } from "./guide.ts";
import { guideProblems, type GuideWorld } from "./guideValidation.ts";

const input: GuideInput = {
  legalBasis: "《中华人民共和国食品安全法》第三十五条",
  conditions: "有与经营的食品品种、数量相适应的经营场所。",
  applicantTypes: ["organization", "organization"],
  handlingMode: "online-and-hall",
  statutoryDays: 20,
  statutoryExtensionDays: 10,
  promisedDays: 10,
  fees: "不收费。",
  materials: [
    { name: "食品经营许可申请书", required: true, hasForm: true },
    { key: "business-license", name: "营业执照", required: true, certificateType: "business-license" },
  ],
  formFields: [{ key: "shopName", label: "店铺名称", type: "text", required: true }],
  process: {
    steps: [
      { id: "accept", name: "受理", kind: "accept", departmentId: "lead", role: "clerk", workingDays: 1 },
      { id: "review", name: "审查", kind: "review", departmentId: "lead", role: "handler", workingDays: 5 },
      { id: "decide", name: "决定", kind: "decide", departmentId: "lead", role: "decider", workingDays: 2 },
      { id: "deliver", name: "送达", kind: "deliver", departmentId: "lead", role: "clerk", workingDays: 1 },
    ],
  },
  assistingDepartments: [],
  result: "《食品经营许可证》",
  resultCertificateType: "food-business-license",
  responsibilities: "审查申请材料。",
  accountability: "依法追究责任。",
  consultationPhone: "023-12345",
  complaintPhone: "12345",
};

const world: GuideWorld = { leadDepartmentId: "lead", departments: new Set(["lead", "other"]), staff: new Map(), files: new Set() };

describe("guides", () => {
  it("fills in what a guide as written leaves out", () => {
    const g = normalizeGuide(input);
    expect(g.applicantTypes).toEqual(["organization"]);
    expect(g.yellowDays).toBe(2);
    expect(g.materials[0]!.key).toMatch(/^m-[0-9a-f]{8}$/);
    expect(g.materials[0]!.hasForm).toBe(true);
    expect(g.materials[1]).toMatchObject({ key: "business-license", certificateType: "business-license", blankFormFile: null });
    expect(g.process.steps[0]).toMatchObject({ staffId: null, clockStops: false });
    // The same name gives the same key: versions of one guide keep their materials' keys.
    expect(normalizeGuide(input).materials[0]!.key).toBe(g.materials[0]!.key);
    expect(guideProblems(g, world)).toEqual([]);
  });

  it("names every problem by its path", () => {
    const g: Guide = normalizeGuide({
      ...input,
      promisedDays: 25,
      legalBasis: " ",
      materials: [],
      formFields: [...input.formFields, { key: "shopName", label: "重复", type: "text", required: false }],
      assistingDepartmentIds: ["ghost"],
      process: { steps: [{ ...input.process.steps[0]!, departmentId: null }, ...input.process.steps.slice(1), { id: "x", name: "核查", kind: "review", departmentId: "ghost", role: "handler", workingDays: 1 }] },
    });
    expect(guideProblems(g, world)).toEqual(
      expect.arrayContaining([
        { path: "legalBasis", problem: "required" },
        { path: "promisedDays", problem: "promised-above-statutory" },
        { path: "materials", problem: "no-material" },
        { path: "formFields[1].key", problem: "duplicate-key" },
        { path: "assistingDepartmentIds[0]", problem: "department-unknown" },
        { path: "process.steps[0].departmentId", problem: "step-without-department" },
        { path: "process.steps[4].departmentId", problem: "department-unknown" },
        { path: "process.steps[4]", problem: "only-deliver-after-decide" },
      ]),
    );
  });

  it("diffs field by field, ignoring key order", () => {
    const a = normalizeGuide(input);
    const b = normalizeGuide({ ...input, promisedDays: 8, fees: "每件 5 元。", materials: [...input.materials.slice(1), { name: "健康证明", required: true }] });
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as Guide;
    expect(diffGuides(a, reordered)).toEqual([]);
    expect(diffGuides(a, b).map((d) => d.field)).toEqual(["promisedDays", "fees", "materials"]);
    expect(diffGuides(null, a).length).toBeGreaterThan(20);
  });

  it("words a change notice in the applicant's language", () => {
    const a = normalizeGuide(input);
    const b = normalizeGuide({ ...input, promisedDays: 8, handlingMode: "online", materials: [...input.materials.slice(1), { name: "健康证明", required: true }] });
    const diff = diffGuides(a, b);
    const zh = describeChanges(diff, "zh-CN", (id) => id);
    expect(zh).toEqual([
      "办理方式：由“网上或窗口办理”改为“全程网办”",
      "承诺办结时限：由“10个工作日”改为“8个工作日”",
      "申请材料：新增健康证明；不再需要食品经营许可申请书",
    ]);
    const en = describeChanges(diff, "en", (id) => id);
    expect(en[1]).toBe("Promised time limit: 10 working days → 8 working days");
    const text = changeNoticeText({ itemName: "食品经营许可", number: 3, effectiveDay: "2026-12-07", supervisionCode: "X1", draft: false, lines: en }, "en");
    expect(text.title).toBe('The guide of "食品经营许可" changed');
    expect(text.text).toContain("its time limit does not change");
    expect(text.sms).toContain("3 change(s)");
  });
});
