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
