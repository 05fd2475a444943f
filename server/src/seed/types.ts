/** Shapes of the demo data set. The seeder turns these into rows; the data itself is plain. */

import type { ApplicantType, RegionLevel, Role, StepKind } from "@cq/contracts";

// The roles and step kinds are the HTTP contract's.
export type { Role, StepKind };

export interface SeedRegion {
  code: string; // GB/T 2260 administrative division code, e.g. "500112"
  name: string; // 渝北区
  level: RegionLevel;
  parentCode?: string;
}

export interface SeedDepartment {
  code: string; // stable key used by the rest of the seed, e.g. "cq-scjgj", "500112-scjgj"
  name: string; // 重庆市市场监督管理局
  shortName: string; // 市市场监管局
  regionCode: string;
  /** Code of the department at the other level that does the same work (city ⇄ district). */
  counterpartCode?: string;
  phone: string;
  address: string;
}

export interface SeedHall {
  code: string;
  name: string; // 渝北区政务服务中心
  regionCode: string;
  address: string;
  phone: string;
  hours: string;
}

export interface SeedStaff {
  username: string; // login name, ascii
  name: string; // real Chinese name
  password: string; // demo password
  phone: string;
  idNumber: string; // a valid GB 11643 number (check digit correct)
  departmentCode?: string; // absent for platform-level staff
  regionCode?: string; // for region admins
  roles: Role[];
  trained: boolean; // R17: must be true for handler/reviewer/decider/department-head
}

export interface SeedApplicant {
  type: ApplicantType;
  name: string;
  phone: string;
  password: string;
  idNumber?: string; // person
  creditCode?: string; // organization (GB 32100 check character correct)
  legalRepresentative?: { name: string; idNumber: string };
}

export interface SeedMaterial {
  key: string; // stable within the item, e.g. "application-form"
  name: string;
  required: boolean;
  description?: string;
  /** Has a blank form and a sample to download. */
  hasForm?: boolean;
  /** When this material is itself a certificate another department issues (R27). */
  certificateType?: string;
}

export interface SeedFormField {
  key: string; // camelCase, e.g. "businessAddress"
  label: string; // 经营场所
  type: "text" | "textarea" | "number" | "date";
  required: boolean;
}

export interface SeedStep {
  key: string; // stable within the process, e.g. "accept", "review", "co-handle"
  name: string; // 受理 / 审查 / 决定 ...
  kind: StepKind;
  /** "lead" for the item's own department, or a department code. For co-handle: ignored (each assisting department). */
  department: "lead" | string;
  role: Role;
  workingDays: number;
  /** 行政许可法 Art. 45: time for inspection, testing, appraisal or expert review is not counted in the limit. */
  clockStops?: boolean;
}

export interface SeedItem {
  code: string; // item code, e.g. "CQ-SCJG-001"
  name: string;
  departmentCode: string; // implementing (lead) department
  level: RegionLevel;
  regionCode: string;
  legalBasis: string;
  conditions: string;
  handlingMode: string; // e.g. "全程网办，可窗口办理"
  statutoryDays: number;
  statutoryExtensionDays: number; // 10 (or 15 for joint handling) unless the item's own law says otherwise
  promisedDays: number; // never more than statutoryDays
  yellowDays?: number; // default 2
  fees: string;
  result: string; // what the applicant gets, e.g. 《食品经营许可证》（有效期5年）
  resultCertificateType?: string;
  responsibilities: string;
  accountability: string;
  consultationPhone: string;
  complaintPhone: string;
  offlineOnly?: boolean; // R2
  assistingDepartmentCodes?: string[]; // multi-department items
  ccDepartmentCodes?: string[]; // R32: copied after closing
  /** Assisting departments that issue a result of their own (delivered together by the lead, R31). */
  resultDepartmentCodes?: string[];
  /** Working days of each assisting department on the co-handle step, where not the step's own. */
  assistingDays?: Record<string, number>;
  applicantTypes: ApplicantType[];
  /** The application form the applicant fills in (besides the materials). */
  formFields: SeedFormField[];
  materials: SeedMaterial[];
  steps: SeedStep[];
}

export interface DemoData {
  regions: SeedRegion[];
  departments: SeedDepartment[];
  halls: SeedHall[];
  staff: SeedStaff[];
  applicants: SeedApplicant[];
  items: SeedItem[];
}
