import { z } from "zod";
import { type DocumentKind, documentKinds } from "./enums.ts";

/**
 * Document templates (文书模板, R12): the words of every official document a case yields. Each kind
 * has a platform default; a department may keep its own version. A template is text with
 * placeholders written `{{申请人}}`; the tables (materials, reasons, form fields, a licence's
 * particulars), the document number, the issuer's seal block, the supervision code (or, before
 * acceptance, the reference number) and the QR code are laid out by the platform around it.
 */
export const templateKinds = documentKinds;
export type TemplateKind = DocumentKind;

/** Display names of the template kinds. */
export const templateKindNames: Record<TemplateKind, { zh: string; en: string }> = {
  "application-form": { zh: "行政许可申请书", en: "Application form" },
  "acceptance-notice": { zh: "受理通知书", en: "Acceptance notice" },
  "non-acceptance-decision": { zh: "不予受理决定书", en: "Non-acceptance decision" },
  "supplement-notice": { zh: "补齐补正一次性告知书", en: "One-time supplementation notice" },
  "approval-decision": { zh: "准予行政许可决定书", en: "Approval decision" },
  "denial-decision": { zh: "不予行政许可决定书", en: "Denial decision" },
  certificate: { zh: "证照版式", en: "Certificate layout" },
  "suspension-notice": { zh: "行政许可期限中止告知书", en: "Suspension notice" },
  "extension-notice": { zh: "延长行政许可期限告知书", en: "Extension notice" },
};

/** Every placeholder a template may name, with what it stands for. */
export const templatePlaceholders = {
  申请人: { zh: "申请人（个人姓名或单位名称）", en: "Applicant (person or organization)" },
  事项名称: { zh: "事项名称", en: "Item name" },
  承办部门: { zh: "承办部门全称", en: "Handling department" },
  申请编号: { zh: "申请编号（提交时生成，受理前凭此查询）", en: "Reference number (given at submission)" },
  监管码: { zh: "统一服务监管码（受理时生成）", en: "Supervision code (given at acceptance)" },
  申请日期: { zh: "提交申请的日期", en: "Date of submission" },
  文书日期: { zh: "本文书的签发日期", en: "Date of this document" },
  咨询电话: { zh: "事项的咨询电话", en: "Consultation phone" },
  投诉电话: { zh: "事项的监督投诉电话", en: "Complaint phone" },
  受理日期: { zh: "受理日期", en: "Date of acceptance" },
  受理情形: {
    zh: "为何受理：材料齐全、符合法定形式，或逾期未告知补正而视为受理（含法律依据）",
    en: "Why the case is accepted: complete materials, or deemed accepted (with the legal basis)",
  },
  承诺期限: { zh: "承诺办结时限（工作日数）", en: "Promised working days" },
  法定期限: { zh: "法定办结时限（工作日数）", en: "Statutory working days" },
  办结期限: { zh: "应办结日期", en: "Due date" },
  补正项数: { zh: "需补齐补正的项数", en: "Number of items to supplement" },
  审批结果: { zh: "审批结果名称（如所颁证照）", en: "Result of the approval" },
  证照名称: { zh: "证照名称", en: "Certificate name" },
  证照编号: { zh: "证照编号", en: "Certificate number" },
  有效期至: { zh: "证照有效期截止日期", en: "Valid until" },
  决定理由: { zh: "决定的理由（准予时为说明，不予时为理由）", en: "Reasons of the decision" },
  中止原因: { zh: "期限中止的种类与原因", en: "Kind and reason of the suspension" },
  预计时长: { zh: "中止的预计时长", en: "Expected length of the suspension" },
  延长理由: { zh: "延长期限的理由", en: "Reason for the extension" },
  延长天数: { zh: "延长的工作日数", en: "Working days added" },
} as const satisfies Record<string, { zh: string; en: string }>;
export type TemplatePlaceholder = keyof typeof templatePlaceholders;

const common = ["申请人", "事项名称", "承办部门", "申请编号", "监管码", "申请日期", "文书日期", "咨询电话", "投诉电话"] as const satisfies readonly TemplatePlaceholder[];
const limits = ["受理日期", "承诺期限", "法定期限", "办结期限"] as const satisfies readonly TemplatePlaceholder[];

/** The placeholders each kind of document knows (a template naming another one does not render). */
export const placeholdersOfKind: Record<TemplateKind, readonly TemplatePlaceholder[]> = {
  "application-form": common,
  "acceptance-notice": [...common, ...limits, "受理情形"],
  "non-acceptance-decision": common,
  // Issued before acceptance too, when no supervision code exists yet: it names the reference number.
  "supplement-notice": [...common.filter((p) => p !== "监管码"), "补正项数"],
  "approval-decision": [...common, ...limits, "审批结果", "证照名称", "证照编号", "有效期至", "决定理由"],
  "denial-decision": [...common, ...limits, "决定理由"],
  certificate: [...common, "证照名称", "证照编号", "有效期至"],
  "suspension-notice": [...common, ...limits, "中止原因", "预计时长"],
  "extension-notice": [...common, ...limits, "延长理由", "延长天数"],
};

/** The words of a document: its title, its paragraphs in order, and the small print at its foot. */
export const TemplateBody = z.object({
  title: z.string().trim().min(2).max(60),
  paragraphs: z.array(z.string().trim().min(1).max(2000)).min(1).max(30),
  footnote: z.string().trim().max(1000),
});
export type TemplateBody = z.infer<typeof TemplateBody>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a text names, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""))];
}

/** The placeholders of a template that its kind does not know (empty when it renders). */
export function unknownPlaceholders(kind: TemplateKind, body: TemplateBody): string[] {
  const known = new Set<string>(placeholdersOfKind[kind]);
  return placeholdersIn([body.title, ...body.paragraphs, body.footnote].join("\n")).filter((p) => !known.has(p));
}

/**
 * Fills a text's placeholders. A known placeholder without a value (a supervision code before
 * acceptance) prints as a blank line to fill by hand; an unknown one throws, naming it.
 */
export function fillPlaceholders(text: string, values: Partial<Record<TemplatePlaceholder, string>>, known: readonly string[]): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => {
    if (!known.includes(name)) throw new UnknownPlaceholderError(name);
    return values[name as TemplatePlaceholder] ?? "________";
  });
}

export class UnknownPlaceholderError extends Error {
  constructor(readonly placeholder: string) {
    super(`unknown placeholder {{${placeholder}}}`);
  }
}

/** `PUT /api/admin/templates/:kind`: a department's own version (or, without a department, the platform default). */
export const TemplateSaveRequest = z.object({
  departmentId: z.string().max(64).optional(),
  body: TemplateBody,
  /** What changed, for the history. */
  note: z.string().trim().max(200).optional(),
});
export type TemplateSaveRequest = z.infer<typeof TemplateSaveRequest>;

/** `POST /api/admin/templates/:kind/preview`: the document as it would print, with a sample case. */
export const TemplatePreviewRequest = z.object({ departmentId: z.string().max(64).optional(), body: TemplateBody });
export type TemplatePreviewRequest = z.infer<typeof TemplatePreviewRequest>;

/** `?departmentId=` of the template routes; absent: the platform defaults. */
export const TemplateScopeQuery = z.object({ departmentId: z.string().max(64).optional() });
