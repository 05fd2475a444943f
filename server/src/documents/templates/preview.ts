import type { TemplateBody, TemplateKind } from "@cq/contracts";
import type { Deps } from "../../platform/context.ts";
import { renderLicencePdf } from "../licencePdf.ts";
import { renderDocumentPdf } from "../pdf.ts";
import { fillTemplate } from "./render.ts";
import { SAMPLE_APPLICANT, SAMPLE_ITEM, SAMPLE_REFERENCE_NO, SAMPLE_SUPERVISION_CODE, sampleParticulars, sampleTable, sampleValues } from "./sample.ts";

// Before acceptance a document is quoted by the reference number; after, by the supervision code.
const beforeAcceptance: readonly TemplateKind[] = ["non-acceptance-decision", "supplement-notice"];
const PLATFORM_SAMPLE_DEPARTMENT = "（示例）重庆市渝北区市场监督管理局";

/**
 * A template's words printed as the document would be, with the sample case (`sample.ts`) and the
 * department's real name. The caller has checked the placeholders (`assertKnownPlaceholders`).
 */
export async function renderTemplatePreview(deps: Deps, kind: TemplateKind, body: TemplateBody, department: { name: string; shortName: string } | null): Promise<Buffer> {
  const issuer = department?.name ?? PLATFORM_SAMPLE_DEPARTMENT;
  const words = fillTemplate(kind, body, sampleValues(kind, issuer));
  const base = deps.config.publicBaseUrl;
  if (kind === "certificate") {
    return renderLicencePdf({
      heading: words.title,
      certificateNo: "JY15001120000000",
      rows: sampleParticulars.rows,
      signature: [{ label: "发证机关", value: issuer }, { label: "发证日期", value: "2026-12-03" }],
      issuer,
      issuedAt: "2026-12-03",
      supervisionCode: SAMPLE_SUPERVISION_CODE,
      qrUrl: `${base}/verify/JY15001120000000`,
      keyId: "sample",
      notes: words.paragraphs,
      footnote: words.footnote,
    });
  }
  const table = sampleTable(kind);
  const quoted = beforeAcceptance.includes(kind) ? SAMPLE_REFERENCE_NO : SAMPLE_SUPERVISION_CODE;
  const code = kind === "application-form" ? {} : beforeAcceptance.includes(kind) ? { referenceNo: quoted } : { supervisionCode: quoted };
  return renderDocumentPdf({
    kind,
    title: words.title,
    documentNo: `${department?.shortName ?? "示例"}〔2026〕第00000号（样张）`,
    issuer,
    issuedAt: "2026-12-03",
    recipient: SAMPLE_APPLICANT,
    itemName: SAMPLE_ITEM,
    paragraphs: words.paragraphs,
    ...code,
    ...(kind === "application-form"
      ? { qrUrl: `${base}/items`, qrCaption: "扫码查看本事项办事指南" }
      : { qrUrl: `${base}/progress/${quoted}` }),
    ...(table ? { table } : {}),
    ...(words.footnote ? { footnote: words.footnote } : {}),
  });
}
