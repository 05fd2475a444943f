import type { SuspensionKind } from "@cq/contracts";
import type { ProcessStep } from "../platform/schema.ts";

/** Art. 45 procedures whose time is not counted, and suspension at the applicant's written request. */
export const suspensionKindNames: Readonly<Record<SuspensionKind, string>> = {
  hearing: "听证",
  tender: "招标",
  auction: "拍卖",
  inspection: "检验",
  testing: "检测",
  quarantine: "检疫",
  appraisal: "鉴定",
  "expert-review": "专家评审",
  "applicant-request": "申请人书面申请中止",
};

/** The same in English, for notices to applicants who read English. */
export const suspensionKindNamesEn: Readonly<Record<SuspensionKind, string>> = {
  hearing: "a hearing",
  tender: "a tender",
  auction: "an auction",
  inspection: "an inspection",
  testing: "testing",
  quarantine: "quarantine",
  appraisal: "an appraisal",
  "expert-review": "an expert review",
  "applicant-request": "your written request",
};

/** The Art. 45 procedure a clock-stopping step stands for, from its kind and name. */
export function art45Kind(step: ProcessStep): SuspensionKind {
  if (/听证/.test(step.name)) return "hearing";
  if (/检疫/.test(step.name)) return "quarantine";
  if (/鉴定/.test(step.name)) return "appraisal";
  if (/检验/.test(step.name)) return "inspection";
  if (/检测|测试/.test(step.name)) return "testing";
  return step.kind === "third-party" ? "testing" : "expert-review";
}
