import { type TemplateBody, UnknownPlaceholderError } from "@cq/contracts";
import { shanghaiDay, shanghaiYear } from "../platform/clock.ts";
import type { Ctx } from "../audit/command.ts";
import { newId } from "../platform/ids.ts";
import type { DocumentKind } from "./pdf.ts";
import { insertDocument } from "./repository.ts";
import type { LicenceInput } from "./licencePdf.ts";
import { canonicalJson } from "../platform/canonicalJson.ts";
import { nextCounter } from "../platform/counters.ts";
import { enqueueJob } from "../platform/jobs.ts";
import { type DocumentRenderInput, RENDER_DOCUMENT_JOB, renderInputSha256 } from "./rendering.ts";
import { builtinTemplates } from "./templates/builtin.ts";
import { templateInForce } from "./templates/inForce.ts";
import { fillTemplate, type PlaceholderValues, printedDay } from "./templates/render.ts";

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
  /** The issuing department: its template in force gives the words, its short name the number. */
  department: { id: string; name: string; shortName: string };
  recipient: string;
  itemName: string;
  /** The code the document is quoted by: the supervision code, or before acceptance the reference number. */
  supervisionCode?: string | null;
  referenceNo?: string | null;
  /** The values of the placeholders beyond those every document knows (applicant, item, department, codes, date). */
  values: PlaceholderValues;
  /** Where the QR code leads; by default the case's public progress page. */
  qrUrl?: string;
  table?: { header: string[]; rows: string[][] };
  /** A statement laid out by the platform after the paragraphs. */
  remark?: string;
  /** A certificate with its particulars, printed as a licence (`licencePdf.ts`) instead of a letter. */
  licence?: Omit<LicenceInput, "heading" | "notes" | "footnote" | "issuer" | "issuedAt" | "supervisionCode" | "qrUrl">;
}

/** The values every document knows: to whom, about what, from whom, quoted by which code, dated when. */
/**
 * The code a document is quoted by: the supervision code, or before acceptance the reference number.
 * A supplement notice may be issued before acceptance, so it always names the reference number.
 */
function quotedCode(input: Pick<IssueDocumentInput, "kind" | "supervisionCode" | "referenceNo">): { supervisionCode?: string; referenceNo?: string } {
  if (input.kind === "supplement-notice" && input.referenceNo) return { referenceNo: input.referenceNo };
  if (input.supervisionCode) return { supervisionCode: input.supervisionCode };
  return input.referenceNo ? { referenceNo: input.referenceNo } : {};
}

export function commonValues(input: Pick<IssueDocumentInput, "recipient" | "itemName" | "department" | "supervisionCode" | "referenceNo">, day: string): PlaceholderValues {
  return {
    申请人: input.recipient,
    事项名称: input.itemName,
    承办部门: input.department.name,
    文书日期: printedDay(day),
    ...(input.supervisionCode ? { 监管码: input.supervisionCode } : {}),
    ...(input.referenceNo ? { 申请编号: input.referenceNo } : {}),
  };
}

/**
 * The words of a document: the template in force for the department, filled. A stored template
 * that does not render (saving refuses unknown placeholders, so only if the data was altered)
 * must not stop the case: the built-in words are used and the failure logged, without the values.
 */
export async function documentWords(ctx: Pick<Ctx, "trx" | "deps">, departmentId: string | null, kind: DocumentKind, values: PlaceholderValues): Promise<TemplateBody> {
  const inForce = await templateInForce(ctx.trx, departmentId, kind);
  try {
    return fillTemplate(kind, inForce.body, values);
  } catch (e) {
    if (!(e instanceof UnknownPlaceholderError)) throw e;
    ctx.deps.logger.warn({ kind, departmentId, source: inForce.source, version: inForce.version, placeholder: e.placeholder }, "stored template does not render; built-in words used");
    return fillTemplate(kind, builtinTemplates[kind], values);
  }
}

/**
 * Numbers an official document of a case and fixes its words, inside the command's transaction; its
 * PDF is rendered after the commit (`rendering.ts`). The words come from the template in force
 * (`templates/`) at issue; every document carries the supervision code (before acceptance the
 * reference number) and a QR code to the page it names.
 */
export async function issueDocument(ctx: Ctx, input: IssueDocumentInput): Promise<string> {
  const year = shanghaiYear(ctx.now);
  const day = shanghaiDay(ctx.now);
  const seq = await nextCounter(ctx.trx, `doc:${input.department.id}:${input.kind}:${year}`);
  const documentNo = `${input.department.shortName}${numberMarks[input.kind]}〔${year}〕第${String(seq).padStart(5, "0")}号`;
  const words = await documentWords(ctx, input.department.id, input.kind, { ...commonValues(input, day), ...input.values });
  const quoted = quotedCode(input);
  const code = quoted.supervisionCode ?? quoted.referenceNo ?? null;
  const base = ctx.deps.config.publicBaseUrl;
  const render: DocumentRenderInput = input.licence
    ? {
        renderer: "licence",
        input: {
          ...input.licence,
          heading: words.title,
          notes: words.paragraphs,
          footnote: words.footnote,
          issuer: input.department.name,
          issuedAt: day,
          ...(input.supervisionCode ? { supervisionCode: input.supervisionCode } : {}),
          qrUrl: input.qrUrl ?? `${base}/verify/${input.licence.certificateNo}`,
        },
      }
    : {
        renderer: "document",
        input: {
          kind: input.kind,
          title: words.title,
          documentNo,
          issuer: input.department.name,
          issuedAt: day,
          recipient: input.recipient,
          itemName: input.itemName,
          paragraphs: words.paragraphs,
          ...quoted,
          ...(input.qrUrl ? { qrUrl: input.qrUrl } : code ? { qrUrl: `${base}/progress/${encodeURIComponent(code)}` } : {}),
          ...(input.kind === "certificate" ? { qrCaption: "扫码核验本证照真伪" } : {}),
          ...(input.table ? { table: input.table } : {}),
          ...(input.remark ? { remark: input.remark } : {}),
          ...(words.footnote ? { footnote: words.footnote } : {}),
        },
      };
  const id = newId();
  await insertDocument(ctx.trx, {
    id,
    case_id: input.caseId,
    kind: input.kind,
    title: words.title,
    document_no: documentNo,
    file_sha256: null,
    render_input: canonicalJson(render),
    created_by: "id" in ctx.actor ? ctx.actor.id : null,
    created_at: ctx.now,
  });
  await ctx.audit({
    action: "document.issued",
    objectType: "document",
    objectId: id,
    caseId: input.caseId,
    newValues: { kind: input.kind, documentNo, renderInputSha256: renderInputSha256(render) },
  });
  // Rendered once committed (`rendering.ts`): the case's row is not held while fonts are laid out.
  await enqueueJob(ctx.trx, { kind: RENDER_DOCUMENT_JOB, runAt: ctx.now, payload: { documentId: id }, dedupeKey: `${RENDER_DOCUMENT_JOB}:${id}` });
  return id;
}
