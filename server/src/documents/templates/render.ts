import { fillPlaceholders, placeholdersIn, placeholdersOfKind, type TemplateBody, type TemplateKind, type TemplatePlaceholder } from "@cq/contracts";

/** The values of one document's placeholders; `""` means "nothing here", a missing one prints a blank to fill by hand. */
export type PlaceholderValues = Partial<Record<TemplatePlaceholder, string>>;

/**
 * A template's words with the values of one document. A paragraph naming a placeholder that has no
 * content for this document (`""`: an approval without a certificate, a decision without reasons)
 * is left out. Throws `UnknownPlaceholderError` naming a placeholder the kind does not know.
 */
export function fillTemplate(kind: TemplateKind, body: TemplateBody, values: PlaceholderValues): TemplateBody {
  const known = placeholdersOfKind[kind];
  const fill = (text: string) => fillPlaceholders(text, values, known);
  const empty = (text: string) => {
    const names = placeholdersIn(text);
    return names.some((n) => values[n as TemplatePlaceholder] === "");
  };
  return {
    title: fill(body.title),
    paragraphs: body.paragraphs.filter((p) => !empty(p)).map(fill),
    footnote: fill(body.footnote),
  };
}

/** A day (YYYY-MM-DD) as official documents write it: 2026年12月3日. */
export function printedDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
