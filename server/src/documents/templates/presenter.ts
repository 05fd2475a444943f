import {
  placeholdersOfKind, type TemplateDetail, templateKindNames, type TemplateKind, type TemplateList, templatePlaceholders, type TemplateVersion,
} from "@cq/contracts";
import { builtinTemplates } from "./builtin.ts";
import type { TemplateInForce } from "./inForce.ts";
import type { TemplateVersionRow } from "./repository.ts";
import type { TemplateScope } from "./scope.ts";

type Lang = "zh-CN" | "en";
const short = (lang: Lang) => (lang === "en" ? "en" : "zh");
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const departmentOf = (scope: TemplateScope) => (scope.department ? { id: scope.department.id, name: scope.department.name } : null);

/** Every kind as it stands for the scope. Whoever reached the scope may edit it (`scope.ts`). */
export function presentTemplateList(scope: TemplateScope, inForce: TemplateInForce[], lang: Lang): TemplateList {
  return {
    department: departmentOf(scope),
    items: inForce.map((t) => ({
      kind: t.kind, name: templateKindNames[t.kind][short(lang)], inForce: t.source, version: t.version, updatedAt: iso(t.updatedAt), updatedBy: t.updatedBy,
    })),
    abilities: { edit: true },
  };
}

/** One kind: the words in force, the platform default, the placeholders and the history (the scope's versions, then the built-in one). */
export function presentTemplateDetail(scope: TemplateScope, kind: TemplateKind, t: TemplateInForce, versions: TemplateVersionRow[], lang: Lang): TemplateDetail {
  const source = scope.department ? ("department" as const) : ("platform" as const);
  const history: TemplateVersion[] = [
    ...versions.map((v) => ({
      version: v.version, source, body: (v.body as TemplateVersion["body"]) ?? null, note: v.note, createdAt: v.created_at.toISOString(), createdBy: v.created_by_name,
    })),
    { version: 0, source: "builtin", body: builtinTemplates[kind], note: null, createdAt: null, createdBy: null },
  ];
  return {
    kind, name: templateKindNames[kind][short(lang)], department: departmentOf(scope), inForce: t.source, body: t.body, platformDefault: t.platformDefault,
    placeholders: placeholdersOfKind[kind].map((p) => ({ name: p, label: templatePlaceholders[p][short(lang)] })),
    history, abilities: { edit: true },
  };
}
