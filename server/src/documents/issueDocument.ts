import { shanghaiDay, shanghaiYear } from "../platform/clock.ts";
import type { Ctx } from "../audit/command.ts";
import { newId } from "../platform/ids.ts";
import { type DocumentKind, documentTitles, renderDocumentPdf } from "./pdf.ts";
import { insertDocument } from "./repository.ts";
import { type LicenceInput, renderLicencePdf } from "./licencePdf.ts";
import { nextCounter } from "../platform/counters.ts";
import { upsertFile } from "../platform/files.ts";

// The character that marks each kind in its document number (e.g. 渝北区市场监管局受〔2026〕第00012号).
const numberMarks: Record<DocumentKind, string> = {
  "application-form": "申",
  "acceptance-notice": "受",
  "non-acceptance-decision": "不受",
  "supplement-notice": "补",
  "approval-decision": "许",
  "denial-decision": "不许",
  certificate: "证",
  "suspension-notice": "中",
  "extension-notice": "延",
};

export interface IssueDocumentInput {
  caseId: string;
  kind: DocumentKind;
  departmentId: string;
  departmentShortName: string;
  issuer: string;
  recipient: string;
  itemName: string;
  supervisionCode?: string;
  /** Where the QR code leads; by default the case's public progress page. */
  qrUrl?: string;
  paragraphs: string[];
  table?: { header: string[]; rows: string[][] };
  footnote?: string;
  /** A certificate with its particulars, printed as a licence (`licencePdf.ts`) instead of a letter. */
  licence?: Omit<LicenceInput, "issuer" | "issuedAt" | "supervisionCode" | "qrUrl">;
}

/**
 * Numbers, renders and stores an official document of a case, inside the command's transaction;
 * every document with a supervision code carries a QR code that opens its progress page.
 */
export async function issueDocument(ctx: Ctx, input: IssueDocumentInput): Promise<string> {
  const year = shanghaiYear(ctx.now);
  const seq = await nextCounter(ctx.trx, `doc:${input.departmentId}:${input.kind}:${year}`);
  const documentNo = `${input.departmentShortName}${numberMarks[input.kind]}〔${year}〕第${String(seq).padStart(5, "0")}号`;
  const pdf = input.licence
    ? await renderLicencePdf({
        ...input.licence,
        issuer: input.issuer,
        issuedAt: shanghaiDay(ctx.now),
        ...(input.supervisionCode ? { supervisionCode: input.supervisionCode } : {}),
        qrUrl: input.qrUrl ?? `${ctx.deps.config.publicBaseUrl}/verify/${input.licence.certificateNo}`,
      })
    : await renderDocumentPdf({
    kind: input.kind,
    documentNo,
    issuer: input.issuer,
    issuedAt: shanghaiDay(ctx.now),
    recipient: input.recipient,
    itemName: input.itemName,
    paragraphs: input.paragraphs,
    ...(input.supervisionCode
      ? { supervisionCode: input.supervisionCode, qrUrl: input.qrUrl ?? `${ctx.deps.config.publicBaseUrl}/progress/${input.supervisionCode}` }
      : {}),
    ...(input.table ? { table: input.table } : {}),
    ...(input.footnote ? { footnote: input.footnote } : {}),
  });
  const stored = await ctx.deps.files.put(pdf);
  await upsertFile(ctx.trx, { sha256: stored.sha256, size: stored.size, mime: "application/pdf", at: ctx.now });
  const id = newId();
  await insertDocument(ctx.trx, {
    id,
    case_id: input.caseId,
    kind: input.kind,
    title: input.licence?.heading ?? documentTitles[input.kind],
    document_no: documentNo,
    file_sha256: stored.sha256,
    created_by: "id" in ctx.actor ? ctx.actor.id : null,
    created_at: ctx.now,
  });
  await ctx.audit({
    action: "document.issued",
    objectType: "document",
    objectId: id,
    caseId: input.caseId,
    newValues: { kind: input.kind, documentNo, sha256: stored.sha256 },
  });
  return id;
}
