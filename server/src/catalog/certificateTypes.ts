import { certificateTypeNames } from "@cq/contracts";

export { certificateTypeNames };

export function certificateTypeName(type: string, lang: "zh-CN" | "en"): string {
  const n = certificateTypeNames[type];
  return n ? (lang === "en" ? n.en : n.zh) : type;
}
