import type { Deps } from "../platform/context.ts";
import { shanghaiDay } from "../platform/clock.ts";
import { documentWords } from "./issueDocument.ts";
import { renderDocumentPdf } from "./pdf.ts";
import { printedDay } from "./templates/render.ts";

export interface ApplicationFormInput {
  item: { id: string; code: string; name: string; consultationPhone: string; complaintPhone: string };
  department: { id: string; name: string } | null;
  materialName: string;
  /** The sample (填写示例) rather than the blank form. */
  sample: boolean;
  /** The form's fields; with the example value printed in the sample. */
  fields: { label: string; required: boolean; example: string }[];
}

const SAMPLE_APPLICANT = "（示例）重庆山城味道餐饮管理有限公司";

/**
 * The blank or sample application form (行政许可申请书) of a material: the words of the
 * department's application-form template, the form's fields as a table, and a QR code to the guide.
 */
export async function renderApplicationForm(deps: Deps, input: ApplicationFormInput): Promise<Buffer> {
  const day = shanghaiDay(deps.clock.now());
  const words = await documentWords({ trx: deps.db, deps }, input.department?.id ?? null, "application-form", {
    申请人: input.sample ? SAMPLE_APPLICANT : "",
    事项名称: input.item.name,
    承办部门: input.department?.name ?? "",
    文书日期: printedDay(day),
    咨询电话: input.item.consultationPhone,
    投诉电话: input.item.complaintPhone,
  });
  return renderDocumentPdf({
    kind: "application-form",
    title: words.title,
    documentNo: `${input.item.code}-${input.sample ? "示例" : "空白"}`,
    issuer: input.department?.name ?? "",
    issuedAt: day,
    recipient: input.sample ? SAMPLE_APPLICANT : "________________",
    itemName: `${input.item.name} — ${input.materialName}${input.sample ? "（填写示例）" : "（空白表格）"}`,
    paragraphs: words.paragraphs,
    // No case yet: no code to quote; the QR code opens the item's guide.
    qrUrl: `${deps.config.publicBaseUrl}/items/${encodeURIComponent(input.item.id)}`,
    qrCaption: "扫码查看本事项办事指南",
    table: {
      header: ["项目", input.sample ? "填写示例" : "填写内容"],
      rows: input.fields.map((f) => [f.label + (f.required ? "（必填）" : ""), input.sample ? f.example : ""]),
    },
    ...(words.footnote ? { footnote: words.footnote } : {}),
  });
}
