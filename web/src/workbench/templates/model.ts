/**
 * The template editor's pure parts: the words being edited (paragraphs with stable keys, so that
 * moving one keeps its input), inserting a placeholder at the caret, marking unknown placeholders
 * and the local checks that mirror the contract's `TemplateBody` limits.
 */
import { placeholdersIn, type TemplateBody, type TemplateKind, placeholdersOfKind } from "@cq/contracts";

export interface Draft {
  title: string;
  paragraphs: { key: number; text: string }[];
  footnote: string;
}

let nextKey = 1;
/** A fresh key for a new paragraph (unique for the page's lifetime). */
export const newKey = (): number => nextKey++;

export function toDraft(body: TemplateBody): Draft {
  return { title: body.title, paragraphs: body.paragraphs.map((text) => ({ key: newKey(), text })), footnote: body.footnote };
}

/** The body to send: texts trimmed, as the server will store them. */
export function toBody(draft: Draft): TemplateBody {
  return { title: draft.title.trim(), paragraphs: draft.paragraphs.map((p) => p.text.trim()), footnote: draft.footnote.trim() };
}

/** Whether two bodies say the same (after trimming). */
export function sameBody(a: TemplateBody, b: TemplateBody): boolean {
  return JSON.stringify(trimBody(a)) === JSON.stringify(trimBody(b));
}
const trimBody = (b: TemplateBody): TemplateBody => ({ title: b.title.trim(), paragraphs: b.paragraphs.map((p) => p.trim()), footnote: b.footnote.trim() });

/** The list with the element at `from` moved to `to` (a new array; out of range: unchanged). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

/** `{{name}}` put in place of the selection `start`–`end`; `caret`: just after it. */
export function insertPlaceholder(text: string, start: number, end: number, name: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end, from));
  const token = `{{${name}}}`;
  return { text: text.slice(0, from) + token + text.slice(to), caret: from + token.length };
}

/** The placeholders a text names that its kind of document does not know. */
export function unknownIn(kind: TemplateKind, text: string): string[] {
  const known = new Set<string>(placeholdersOfKind[kind]);
  return placeholdersIn(text).filter((p) => !known.has(p));
}

/** A text cut into plain runs and placeholders, each placeholder marked known or not (for highlighting). */
export type Segment = { text: string } | { text: string; placeholder: string; known: boolean };
export function segments(kind: TemplateKind, text: string): Segment[] {
  const known = new Set<string>(placeholdersOfKind[kind]);
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) {
    const at = m.index;
    if (at > last) out.push({ text: text.slice(last, at) });
    const name = m[1] ?? "";
    out.push({ text: m[0], placeholder: name, known: known.has(name) });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

export const LIMITS = { titleMin: 2, titleMax: 60, paragraphMax: 2000, paragraphsMax: 30, footnoteMax: 1000 } as const;

export type DraftProblem =
  | { field: "title"; problem: "titleLength" }
  | { field: "paragraphs"; problem: "noParagraph" | "tooManyParagraphs" }
  | { field: "paragraph"; index: number; problem: "paragraphEmpty" | "paragraphLong" }
  | { field: "footnote"; problem: "footnoteLong" };

/** What keeps the words from being saved or previewed, by field (the same limits as the contract's `TemplateBody`). */
export function draftProblems(body: TemplateBody): DraftProblem[] {
  const out: DraftProblem[] = [];
  const title = body.title.trim();
  if (title.length < LIMITS.titleMin || title.length > LIMITS.titleMax) out.push({ field: "title", problem: "titleLength" });
  if (body.paragraphs.length === 0) out.push({ field: "paragraphs", problem: "noParagraph" });
  if (body.paragraphs.length > LIMITS.paragraphsMax) out.push({ field: "paragraphs", problem: "tooManyParagraphs" });
  body.paragraphs.forEach((p, index) => {
    const text = p.trim();
    if (!text) out.push({ field: "paragraph", index, problem: "paragraphEmpty" });
    else if (text.length > LIMITS.paragraphMax) out.push({ field: "paragraph", index, problem: "paragraphLong" });
  });
  if (body.footnote.trim().length > LIMITS.footnoteMax) out.push({ field: "footnote", problem: "footnoteLong" });
  return out;
}
