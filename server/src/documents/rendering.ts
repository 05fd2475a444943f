import { runPlatformCommand } from "../audit/command.ts";
import { canonicalJson } from "../platform/canonicalJson.ts";
import type { Deps } from "../platform/context.ts";
import { sha256Hex, upsertFile } from "../platform/files.ts";
import { type DocumentInput, renderDocumentPdf } from "./pdf.ts";
import { type LicenceInput, renderLicencePdf } from "./licencePdf.ts";
import { findDocument, setDocumentFile } from "./repository.ts";

/**
 * Documents are rendered after the command that issued them has committed, never while it holds the
 * case's row: rendering (font work) is the costliest part of a case's life. The command stores what
 * the renderer needs (`DocumentRenderInput`, the words frozen at issue time) and queues
 * `RENDER_DOCUMENT_JOB`; whoever needs the file first, the job or a reader, renders it
 * (`ensureDocumentRendered`). The first file stored wins; a later render changes nothing.
 */
export const RENDER_DOCUMENT_JOB = "render-document";

/** Everything a document's PDF is made of, and by which renderer. */
export type DocumentRenderInput = { renderer: "document"; input: DocumentInput } | { renderer: "licence"; input: LicenceInput };

/** The sha256 of the render input's canonical JSON: what the audit record vouches for. */
export const renderInputSha256 = (r: DocumentRenderInput): string => sha256Hex(Buffer.from(canonicalJson(r), "utf8"));

export function renderPdf(r: DocumentRenderInput): Promise<Buffer> {
  return r.renderer === "licence" ? renderLicencePdf(r.input) : renderDocumentPdf(r.input);
}

/**
 * The sha256 of a document's file, rendering and storing it first if that has not happened yet;
 * undefined for no such document. Every reader of a document's file goes through here.
 */
export async function ensureDocumentRendered(deps: Deps, id: string, now: Date = deps.clock.now()): Promise<string | undefined> {
  const doc = await findDocument(deps.db, id);
  if (!doc) return undefined;
  if (doc.file_sha256) return doc.file_sha256;
  if (!doc.render_input) throw new Error(`document ${id} has neither a file nor a render input`);
  const pdf = await renderPdf(doc.render_input as unknown as DocumentRenderInput);
  const stored = await deps.files.put(pdf);
  return runPlatformCommand(deps, now, async (ctx) => {
    await upsertFile(ctx.trx, { sha256: stored.sha256, size: stored.size, mime: "application/pdf", at: ctx.now });
    // Set only while still unset: of two renderers at once, the second finds the first's file.
    if (!(await setDocumentFile(ctx.trx, id, stored.sha256, ctx.now))) {
      const first = await findDocument(ctx.trx, id);
      return first!.file_sha256!;
    }
    // Without the case: rendering changes nothing of the case, so nothing kept of it is refreshed (audit/command.ts);
    // the record is found by the document, which the case's document.issued names.
    await ctx.audit({
      action: "document.rendered",
      objectType: "document",
      objectId: id,
      newValues: { kind: doc.kind, documentNo: doc.document_no, sha256: stored.sha256 },
    });
    return stored.sha256;
  });
}
