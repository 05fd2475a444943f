/** Display names of certificate types (证照类型): guides, the certificate library and the guide editor's choices. */
export const certificateTypeNames: Record<string, { zh: string; en: string }> = {
  "business-license": { zh: "营业执照", en: "Business licence" },
  "construction-permit": { zh: "建筑工程施工许可证", en: "Construction permit" },
  "construction-project-planning-permit": { zh: "建设工程规划许可证", en: "Construction project planning permit" },
  "drainage-permit": { zh: "城镇污水排入排水管网许可证", en: "Sewer discharge permit" },
  "eia-approval": { zh: "建设项目环境影响评价文件批准书", en: "Environmental impact assessment approval" },
  "food-business-license": { zh: "食品经营许可证", en: "Food business licence" },
  "industrial-production-license": { zh: "工业产品生产许可证", en: "Industrial product production licence" },
  "land-siting-opinion": { zh: "建设项目用地预审与选址意见书", en: "Land pre-examination and siting opinion" },
  "land-use-planning-permit": { zh: "建设用地规划许可证", en: "Land use planning permit" },
  "medical-institution-license": { zh: "医疗机构执业许可证", en: "Medical institution practice licence" },
  "medical-institution-setup-approval": { zh: "设置医疗机构批准书", en: "Medical institution set-up approval" },
  "pollutant-discharge-permit": { zh: "排污许可证", en: "Pollutant discharge permit" },
  "public-place-hygiene-license": { zh: "公共场所卫生许可证", en: "Public place hygiene licence" },
  "radiation-safety-license": { zh: "辐射安全许可证", en: "Radiation safety licence" },
  "road-transport-license": { zh: "道路运输经营许可证", en: "Road transport business licence" },
  "special-equipment-registration": { zh: "特种设备使用登记证", en: "Special equipment registration certificate" },
};

/**
 * Type codes (证照类型代码) printed at the head of certificate numbers (GB/T 36904 style): 2–4
 * letters of the number alphabet (no I, L, O, U, Z), mostly pinyin initials of the type. Stable:
 * a code once used is never changed or given to another type.
 */
export const certificateTypeCodes: Record<string, string> = {
  "business-license": "YY", // 营业执照
  "construction-permit": "SG", // 施工许可
  "construction-project-planning-permit": "GCGH", // 工程规划
  "drainage-permit": "PS", // 排水
  "eia-approval": "HP", // 环评
  "food-business-license": "SPJY", // 食品经营
  "industrial-production-license": "GYCP", // 工业产品
  "land-siting-opinion": "YDYS", // 用地预审
  "land-use-planning-permit": "YDGH", // 用地规划
  "medical-institution-license": "YJXK", // 医疗机构许可
  "medical-institution-setup-approval": "YJSP", // 医疗机构设置审批
  "pollutant-discharge-permit": "PW", // 排污
  "public-place-hygiene-license": "GW", // 公共卫生
  "radiation-safety-license": "FS", // 辐射
  "road-transport-license": "DY", // 道路运输
  "special-equipment-registration": "TS", // 特种设备
};

/** The code of a type without one of its own (a free-text type of an off-platform certificate): 其他. */
export const GENERIC_CERTIFICATE_TYPE_CODE = "QT";

export function certificateTypeCode(type: string): string {
  return Object.hasOwn(certificateTypeCodes, type) ? certificateTypeCodes[type]! : GENERIC_CERTIFICATE_TYPE_CODE;
}

// ——— Particulars (证照信息): what each type of certificate states, where each value comes from, how it is laid out ———

/**
 * Where a particular's value comes from: the application `form`, the `applicant`'s identity, the
 * `decision` (entered or confirmed by the decider), or `computed` by the platform (dates, issuer),
 * which the decider cannot change.
 */
export const particularSources = ["form", "applicant", "decision", "computed"] as const;
export type ParticularSource = (typeof particularSources)[number];
export const particularTypes = ["text", "date", "textarea"] as const;
export type ParticularType = (typeof particularTypes)[number];

/**
 * One particular of a certificate. `from` lists where its pre-filled value is taken from, the first
 * that has one: `form:<field key>`, `applicant:name|code|legalRepresentative`,
 * `computed:issuedAt|validUntil|issuer|decider|itemName`, or `text:<a fixed value>`. A `personal`
 * value (an ID number, a phone, a person's name) is stored sealed and masked wherever it is shown
 * to others than the holder.
 */
export interface CertificateParticular {
  key: string;
  label: { zh: string; en: string };
  type: ParticularType;
  required: boolean;
  source: ParticularSource;
  from: readonly string[];
  personal?: boolean;
}

export interface CertificateTypeDefinition {
  /** Validity in years from the issue date (有效期), or null when the certificate has none. */
  validityYears: number | null;
  particulars: readonly CertificateParticular[];
  /** The licence as printed: the heading, then the particulars in the table, then those under the signature. */
  layout: { heading: { zh: string; en: string }; table: readonly string[]; signature: readonly string[] };
}

type P = CertificateParticular;
const p = (key: string, zh: string, en: string, source: ParticularSource, from: string[], more: Partial<Omit<P, "key" | "label" | "source" | "from">> = {}): P => ({
  key, label: { zh, en }, type: "text", required: true, source, from, ...more,
});

/** The holder's name: masked to others like the holder of today's verification (a person's name is personal data). */
const holderName = (zh = "名称", en = "Name", formKeys: string[] = []) =>
  p("holderName", zh, en, formKeys.length ? "form" : "applicant", [...formKeys.map((k) => `form:${k}`), "applicant:name"], { personal: true });
const holderCode = (zh = "统一社会信用代码（身份证号码）", en = "Unified social credit code (ID number)") =>
  p("holderCode", zh, en, "applicant", ["applicant:code"], { personal: true });
const legalRepresentative = (zh = "法定代表人（负责人）", en = "Legal representative (person in charge)") =>
  p("legalRepresentative", zh, en, "applicant", ["applicant:legalRepresentative"], { required: false, personal: true });
const validUntil = () => p("validUntil", "有效期至", "Valid until", "computed", ["computed:validUntil"], { type: "date", required: false });
const issuer = () => p("issuer", "发证机关", "Issuing authority", "computed", ["computed:issuer"]);
const signer = () => p("signer", "签发人", "Signed by", "decision", ["computed:decider"]);
const issuedAt = () => p("issuedAt", "发证日期", "Date of issue", "computed", ["computed:issuedAt"], { type: "date" });
const signatureBlock = () => [issuer(), signer(), issuedAt()];

function define(heading: { zh: string; en: string }, validityYears: number | null, table: P[]): CertificateTypeDefinition {
  const signature = signatureBlock();
  return {
    validityYears,
    particulars: [...table, ...signature],
    layout: { heading, table: table.map((x) => x.key), signature: signature.map((x) => x.key) },
  };
}

/** A certificate of a type without a set of its own: holder, address, what is permitted, validity. */
function generic(
  heading: { zh: string; en: string },
  validityYears: number | null,
  o: { nameKeys?: string[]; addressKeys?: string[]; extra?: P[]; withValidity?: boolean } = {},
): CertificateTypeDefinition {
  return define(heading, validityYears, [
    holderName("持证主体", "Holder", o.nameKeys),
    holderCode(),
    ...(o.addressKeys ? [p("address", "地址", "Address", "form", o.addressKeys.map((k) => `form:${k}`))] : []),
    ...(o.extra ?? [p("permitted", "许可事项", "Permitted activity", "decision", ["computed:itemName"], { type: "textarea" })]),
    ...(validityYears !== null || o.withValidity ? [validUntil()] : []),
  ]);
}

const name = (type: string) => certificateTypeNames[type]!;

/** The particulars, validity and layout of each certificate type the platform issues. */
export const certificateTypeDefinitions: Record<string, CertificateTypeDefinition> = {
  // 食品经营许可证 (《食品经营许可管理办法》 certificate face)
  "food-business-license": define(name("food-business-license"), 5, [
    holderName("经营者名称", "Operator", ["operatorName"]),
    holderCode("社会信用代码（身份证号码）", "Social credit code (ID number)"),
    legalRepresentative(),
    p("residence", "住所", "Domicile", "form", ["form:residence", "form:businessAddress"]),
    p("premises", "经营场所", "Business premises", "form", ["form:businessAddress"]),
    p("mainBusinessType", "主体业态", "Main business type", "form", ["form:mainBusinessType"]),
    p("businessItems", "经营项目", "Business items", "form", ["form:businessItems"], { type: "textarea" }),
    validUntil(),
    p("supervisoryAuthority", "日常监督管理机构", "Routine supervisory authority", "decision", ["computed:issuer"]),
    p("supervisor", "日常监督管理人员", "Routine supervisor", "decision", [], { required: false }),
    p("complaintPhone", "投诉举报电话", "Complaints hotline", "decision", ["text:12315"]),
  ]),
  // 营业执照
  "business-license": define(name("business-license"), null, [
    holderName("名称", "Name", ["companyName", "operatorName"]),
    p("holderCode", "统一社会信用代码", "Unified social credit code", "applicant", ["applicant:code"], { personal: true }),
    p("entityType", "类型", "Type of entity", "form", ["form:entityType"], { required: false }),
    p("legalRepresentative", "法定代表人", "Legal representative", "applicant", ["applicant:legalRepresentative"], { personal: true }),
    p("businessScope", "经营范围", "Business scope", "form", ["form:businessScope"], { type: "textarea" }),
    p("registeredCapital", "注册资本", "Registered capital", "form", ["form:registeredCapital"], { required: false }),
    p("establishedOn", "成立日期", "Date of establishment", "form", ["form:establishedOn", "computed:issuedAt"], { type: "date" }),
    p("businessTerm", "营业期限", "Term of operation", "decision", ["text:长期"]),
    p("residence", "住所", "Domicile", "form", ["form:residence", "form:businessAddress"]),
  ]),
  // 道路运输经营许可证
  "road-transport-license": define(name("road-transport-license"), null, [
    holderName("业户名称", "Operator", ["companyName", "operatorName"]),
    holderCode(),
    legalRepresentative("负责人", "Person in charge"),
    p("address", "地址", "Address", "form", ["form:businessAddress"], { required: false }),
    p("economicType", "经济类型", "Economic type", "decision", [], { required: false }),
    p("businessScope", "经营范围", "Business scope", "form", ["form:businessScope", "computed:itemName"], { type: "textarea" }),
    p("validUntil", "有效期至", "Valid until", "decision", [], { type: "date", required: false }),
  ]),
  // 建设工程规划许可证
  "construction-project-planning-permit": define(name("construction-project-planning-permit"), null, [
    holderName("建设单位（个人）", "Developer (person)", ["constructionUnit"]),
    p("projectName", "建设项目名称", "Project", "form", ["form:projectName"]),
    p("location", "建设位置", "Location", "form", ["form:constructionAddress"]),
    p("scale", "建设规模（平方米）", "Scale (m²)", "form", ["form:totalFloorArea"]),
    p("attachments", "附图及附件名称", "Drawings and annexes", "decision", [], { type: "textarea", required: false }),
  ]),
  "land-use-planning-permit": define(name("land-use-planning-permit"), null, [
    holderName("用地单位", "Land user", ["constructionUnit"]),
    p("projectName", "用地项目名称", "Project", "form", ["form:projectName"]),
    p("location", "用地位置", "Location", "form", ["form:landLocation"]),
    p("area", "用地面积（平方米）", "Area (m²)", "form", ["form:landArea"]),
    p("supplyMode", "土地取得方式", "How the land was obtained", "form", ["form:landSupplyMode"]),
  ]),
  "construction-permit": define(name("construction-permit"), null, [
    holderName("建设单位", "Developer", ["constructionUnit"]),
    p("projectName", "工程名称", "Project", "form", ["form:projectName"]),
    p("location", "建设地址", "Location", "form", ["form:constructionAddress"]),
    p("contractPrice", "合同价格（万元）", "Contract price (10,000 yuan)", "form", ["form:contractPrice"]),
    p("contractor", "施工单位", "Contractor", "form", ["form:contractor"]),
    p("scale", "建设规模（平方米）", "Scale (m²)", "form", ["form:totalFloorArea"]),
  ]),
  "industrial-production-license": generic(name("industrial-production-license"), 5, {
    addressKeys: ["productionAddress"],
    extra: [
      p("productName", "产品名称", "Product", "form", ["form:productName"]),
      p("productUnit", "产品单元及品种规格", "Product units and specifications", "form", ["form:productUnit"], { type: "textarea" }),
    ],
  }),
  "pollutant-discharge-permit": generic(name("pollutant-discharge-permit"), 5, {
    nameKeys: ["unitName"],
    addressKeys: ["productionAddress"],
    extra: [
      p("industry", "行业类别", "Industry", "form", ["form:industryCategory"]),
      p("pollutants", "主要污染物种类", "Main pollutants", "form", ["form:mainPollutants"], { type: "textarea" }),
    ],
  }),
  "eia-approval": generic(name("eia-approval"), null, {
    nameKeys: ["constructionUnit"],
    addressKeys: ["constructionAddress"],
    extra: [p("projectName", "项目名称", "Project", "form", ["form:projectName"])],
  }),
  "medical-institution-license": generic(name("medical-institution-license"), 5, {
    nameKeys: ["institutionName"],
    addressKeys: ["practiceAddress"],
    extra: [
      p("institutionType", "类别", "Category", "form", ["form:institutionType"]),
      p("clinicalDepartments", "诊疗科目", "Clinical departments", "form", ["form:clinicalDepartments"], { type: "textarea" }),
      p("beds", "床位", "Beds", "form", ["form:bedCount"], { required: false }),
    ],
  }),
  "special-equipment-registration": generic(name("special-equipment-registration"), null, {
    addressKeys: ["installationAddress"],
    extra: [
      p("equipmentCategory", "设备类别", "Equipment category", "form", ["form:equipmentCategory"]),
      p("productNumber", "产品编号", "Product number", "form", ["form:productNumber"]),
      p("manufacturer", "制造单位", "Manufacturer", "form", ["form:manufacturer"]),
    ],
  }),
  "drainage-permit": generic(name("drainage-permit"), 5, {
    nameKeys: ["dischargerName"],
    addressKeys: ["dischargeAddress"],
    extra: [
      p("drainageCategory", "排水类别", "Drainage category", "form", ["form:drainageCategory"]),
      p("dailyDischarge", "日排水量（立方米）", "Daily discharge (m³)", "form", ["form:dailyDischarge"]),
    ],
  }),
  "public-place-hygiene-license": generic(name("public-place-hygiene-license"), 4, {
    nameKeys: ["unitName"],
    addressKeys: ["businessAddress"],
    extra: [p("placeCategory", "许可项目", "Licensed category", "form", ["form:placeCategory"])],
  }),
  "land-siting-opinion": generic(name("land-siting-opinion"), 3, { addressKeys: ["landLocation", "constructionAddress"] }),
  "medical-institution-setup-approval": generic(name("medical-institution-setup-approval"), null, { nameKeys: ["institutionName"] }),
  "radiation-safety-license": generic(name("radiation-safety-license"), 5),
};

/** The definition of a type; a type without one (or a free-text type) gets the generic set, with the fallback validity. */
export function certificateTypeDefinition(type: string, fallbackValidityYears: number | null = null): CertificateTypeDefinition {
  return Object.hasOwn(certificateTypeDefinitions, type)
    ? certificateTypeDefinitions[type]!
    : generic({ zh: certificateTypeNames[type]?.zh ?? type, en: certificateTypeNames[type]?.en ?? type }, fallbackValidityYears, { withValidity: true });
}
