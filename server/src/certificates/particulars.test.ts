import { certificateTypeDefinition, certificateTypeDefinitions, certificateTypeNames } from "@cq/contracts";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  maskedParticulars, maskParticular, type ParticularSources, particularsToStore, prefillParticulars, resolveParticulars, validUntilOf, certificateValidUntil,
} from "./particulars.ts";

const food = certificateTypeDefinitions["food-business-license"]!;
/** The demo catalog's items: the types they issue and their forms. */
const demoCatalog = JSON.parse(readFileSync(new URL("../seed/demo-catalog.json", import.meta.url), "utf8")) as {
  items: { code: string; guide: { resultCertificateType: string; formFields: { key: string; type: string }[] } }[];
};

const sources = (form: Record<string, unknown> = {}): ParticularSources => ({
  form: {
    operatorName: "重庆渝味轩餐饮管理有限公司",
    businessAddress: "渝北区金山路18号",
    mainBusinessType: "餐饮服务经营者（中型餐馆）",
    businessItems: "热食类食品制售",
    contactPhone: "13800138000",
    ...form,
  },
  applicant: { name: "重庆渝味轩餐饮管理有限公司", code: "91500112MA5U7G4K4Y", legalRepresentative: "谭永福" },
  computed: { issuedAt: "2026-12-03", validUntil: "2031-12-03", issuer: "重庆市渝北区市场监督管理局", decider: "周建华", itemName: "食品经营许可" },
});

describe("certificate type definitions", () => {
  it("define every type the platform names, each layout naming its own particulars once", () => {
    for (const type of Object.keys(certificateTypeNames)) {
      const def = certificateTypeDefinitions[type];
      expect(def, type).toBeDefined();
      const keys = def!.particulars.map((p) => p.key);
      expect(new Set(keys).size, type).toBe(keys.length);
      expect([...def!.layout.table, ...def!.layout.signature].sort(), type).toEqual([...keys].sort());
      expect(def!.layout.heading.zh, type).toBe(certificateTypeNames[type]!.zh);
      for (const p of def!.particulars) expect(p.from.every((f) => /^(form|applicant|computed|text):./.test(f)), `${type}.${p.key}`).toBe(true);
    }
  });

  it("states a food business licence's particulars in the order the licence prints them", () => {
    expect(food.layout.heading.zh).toBe("食品经营许可证");
    expect(food.validityYears).toBe(5);
    const labels = [...food.layout.table, ...food.layout.signature].map((k) => food.particulars.find((p) => p.key === k)!.label.zh);
    expect(labels).toEqual([
      "经营者名称", "社会信用代码（身份证号码）", "法定代表人（负责人）", "住所", "经营场所", "主体业态", "经营项目", "有效期至",
      "日常监督管理机构", "日常监督管理人员", "投诉举报电话", "发证机关", "签发人", "发证日期",
    ]);
  });

  it("pre-fill every required particular of the demo items from a filled-in form", () => {
    for (const item of demoCatalog.items) {
      const type = item.guide.resultCertificateType;
      const def = certificateTypeDefinition(type);
      const form = Object.fromEntries(item.guide.formFields.map((f) => [f.key, f.type === "number" ? 10 : "x"]));
      const values = prefillParticulars(def, sources(form));
      const { invalid } = resolveParticulars(def, values, undefined);
      expect(invalid, `${item.code} ${type}`).toEqual([]);
    }
  });

  it("give a type without a set of its own the generic set, with the fallback validity", () => {
    const def = certificateTypeDefinition("车辆营运证", 3);
    expect(def.validityYears).toBe(3);
    expect(def.layout.heading.zh).toBe("车辆营运证");
    expect(def.particulars.map((p) => p.key)).toEqual(["holderName", "holderCode", "permitted", "validUntil", "issuer", "signer", "issuedAt"]);
  });
});

describe("particulars", () => {
  it("are pre-filled from the form, the applicant, the decision's defaults and the computed dates", () => {
    const v = prefillParticulars(food, sources());
    expect(v).toMatchObject({
      holderName: "重庆渝味轩餐饮管理有限公司",
      holderCode: "91500112MA5U7G4K4Y",
      legalRepresentative: "谭永福",
      residence: "渝北区金山路18号",
      premises: "渝北区金山路18号",
      businessItems: "热食类食品制售",
      validUntil: "2031-12-03",
      supervisoryAuthority: "重庆市渝北区市场监督管理局",
      supervisor: "",
      complaintPhone: "12315",
      issuer: "重庆市渝北区市场监督管理局",
      signer: "周建华",
      issuedAt: "2026-12-03",
    });
    // A number of the form is written as text; a form key listed first wins over the next.
    expect(prefillParticulars(food, sources({ residence: "渝北区龙塔街道1号" })).residence).toBe("渝北区龙塔街道1号");
    expect(prefillParticulars(certificateTypeDefinitions["construction-project-planning-permit"]!, sources({ totalFloorArea: 12500 })).scale).toBe("12500");
  });

  it("are resolved from the draft overridden by the decider; an empty required one, an unknown key, a changed computed one or a bad date are named", () => {
    const draft = prefillParticulars(food, sources());
    const ok = resolveParticulars(food, draft, { supervisor: "李娜", businessItems: "热食类食品制售；冷食类食品制售" });
    expect(ok.invalid).toEqual([]);
    expect(ok.values.supervisor).toBe("李娜");
    expect(ok.values.businessItems).toBe("热食类食品制售；冷食类食品制售");
    expect(ok.values.premises).toBe("渝北区金山路18号");

    expect(resolveParticulars(food, draft, { premises: "  " }).invalid).toEqual(["premises"]);
    expect(resolveParticulars(food, draft, { colour: "red" }).invalid).toEqual(["colour"]);
    expect(resolveParticulars(food, draft, { issuedAt: "2020-01-01" }).invalid).toEqual(["issuedAt"]);
    expect(resolveParticulars(food, draft, { issuedAt: "2026-12-03" }).invalid).toEqual([]);
    expect(resolveParticulars(food, { ...draft, operatorName: "" }, { holderName: "" }).invalid).toEqual(["holderName"]);
    const road = certificateTypeDefinitions["road-transport-license"]!;
    expect(resolveParticulars(road, prefillParticulars(road, sources()), { validUntil: "2030年" }).invalid).toEqual(["validUntil"]);
  });

  it("are stored in the licence's order, empty optional ones left out, and masked for the audit", () => {
    const { values } = resolveParticulars(food, prefillParticulars(food, sources()), {});
    const stored = particularsToStore(food, values);
    expect(stored.map((p) => p.key)).toEqual([
      "holderName", "holderCode", "legalRepresentative", "residence", "premises", "mainBusinessType", "businessItems", "validUntil",
      "supervisoryAuthority", "complaintPhone", "issuer", "signer", "issuedAt",
    ]);
    expect(stored.find((p) => p.key === "holderCode")).toMatchObject({ personal: true, label: { zh: "社会信用代码（身份证号码）" } });
    expect(stored.filter((p) => p.signature).map((p) => p.key)).toEqual(["issuer", "signer", "issuedAt"]);
    const masked = maskedParticulars(stored);
    expect(masked.holderCode).toBe("91500112********4Y");
    expect(masked.legalRepresentative).toBe("谭**");
    expect(masked.premises).toBe("渝北区金山路18号");
    expect(masked.holderName).toBe("重************");
  });

  it("mask ID numbers, credit codes, phones and names", () => {
    expect(maskParticular("500112198807225960")).toBe("500112********5960");
    expect(maskParticular("91500112MA5U7G4K4Y")).toBe("91500112********4Y");
    expect(maskParticular("13800138000")).toBe("138****8000");
    expect(maskParticular("欧阳婷婷")).toBe("欧阳**");
  });

  it("run until the same day the given number of years later", () => {
    expect(validUntilOf("2026-12-03", 5)).toBe("2031-12-03");
    expect(validUntilOf("2026-12-03", null)).toBe("");
  });

  it("take a validity the decider entered over the type's rule, and refuse one that ends before the day of issue", () => {
    expect(certificateValidUntil("2026-12-03", 5, [{ key: "validUntil", value: "2030-06-30" }])).toBe("2030-06-30");
    expect(certificateValidUntil("2026-12-03", 5, [{ key: "holderName", value: "x" }])).toBe("2031-12-03");
    expect(certificateValidUntil("2026-12-03", null, [])).toBe("");
    const def = certificateTypeDefinition("road-transport-license");
    const draft = { ...Object.fromEntries(def.particulars.map((p) => [p.key, "x"])), issuedAt: "2026-12-03", issuer: "i", validUntil: "" };
    expect(resolveParticulars(def, draft, { validUntil: "2026-12-03" }).invalid).toEqual(["validUntil"]);
    expect(resolveParticulars(def, draft, { validUntil: "2029-12-02" }).invalid).toEqual([]);
  });
});
