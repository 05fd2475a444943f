import { Tag } from "antd";
import { templateKindNames, templateKinds, templatePlaceholders, type TemplateKind } from "@cq/contracts";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useAdminItems } from "../../common/data/catalogAdmin.ts";
import { useMe } from "../../common/data/me.ts";
import type { TemplateScope } from "../../common/data/templates.ts";
import { segments } from "./model.ts";

const isEnglish = (lang: string | undefined) => (lang ?? "").startsWith("en");

export const isTemplateKind = (value: string | undefined): value is TemplateKind => (templateKinds as readonly string[]).includes(value ?? "");

/** A kind's name in the UI's language (from the contracts, never the raw kind). */
export function useKindName(): (kind: TemplateKind) => string {
  const { i18n } = useTranslation();
  return (kind) => templateKindNames[kind][isEnglish(i18n.language) ? "en" : "zh"];
}

/** A placeholder's label in the UI's language; the server's label when the contracts do not know it. */
export function usePlaceholderLabel(): (name: string, fallback?: string) => string {
  const { i18n } = useTranslation();
  return (name, fallback) => {
    const known = (templatePlaceholders as Record<string, { zh: string; en: string } | undefined>)[name];
    return known ? known[isEnglish(i18n.language) ? "en" : "zh"] : (fallback ?? name);
  };
}

export type InForce = "builtin" | "platform" | "department";

export function InForceTag({ source }: { source: InForce }) {
  const { t } = useTranslation();
  const color = source === "department" ? "blue" : source === "platform" ? "purple" : "default";
  return <Tag color={color}>{t(`tpl.inForce.${source}`)}</Tag>;
}

export interface ScopeOption {
  scope: TemplateScope;
  label: string;
}

/**
 * Whose templates the person may manage (GET /api/me's `abilities.templates`, and for platform and
 * region admins every department of their scope), labelled: the platform defaults, and each
 * department by the name the catalog administration already knows.
 * `scope`: the one chosen in the address (`?department=`), else the first one allowed.
 */
export function useTemplateScopes() {
  const { t } = useTranslation();
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const abilities = me?.abilities?.templates;
  const items = useAdminItems();
  // Platform and region admins choose any department in their scope: the departments the catalog's
  // administration offers them; department admins their own (abilities.templates.departments).
  const wholeScope = !!abilities?.platform || !!me?.roles.some((r) => r.role === "region-admin");
  const departmentIds = useMemo(
    () => [...new Set([...(abilities?.departments ?? []), ...(wholeScope ? (items.data?.creatableDepartments ?? []).map((d) => d.id) : [])])],
    [abilities, wholeScope, items.data],
  );
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const r of me?.roles ?? []) if (r.departmentId && r.departmentName) map.set(r.departmentId, r.departmentName);
    if (me?.department) map.set(me.department.id, me.department.name);
    for (const i of items.data?.items ?? []) map.set(i.department.id, i.department.name);
    for (const d of items.data?.creatableDepartments ?? []) map.set(d.id, d.name);
    return map;
  }, [me, items.data]);

  const options: ScopeOption[] = useMemo(
    () => [
      ...(abilities?.platform ? [{ scope: null, label: t("tpl.scope.platform") }] : []),
      ...departmentIds
        .map((id, n) => ({ scope: id, label: names.get(id) ?? `${t("tpl.scope.department")} ${n + 1}` }))
        .sort((a, b) => a.label.localeCompare(b.label, "zh-CN")),
    ],
    [abilities, departmentIds, names, t],
  );
  // A department named in the address is taken as it is (the server decides whether it may be
  // edited), so that the editor need not wait for the list of departments.
  const wanted = params.get("department");
  const chosen: ScopeOption | undefined = wanted
    ? (options.find((o) => o.scope === wanted) ?? { scope: wanted, label: names.get(wanted) ?? "" })
    : (options.find((o) => o.scope === null) ?? options[0]);
  const choose = (scope: TemplateScope) => setParams(scope ? { department: scope } : {}, { replace: true });
  /** False while the departments of a platform or region admin are still loading. */
  const ready = !(wholeScope && items.isLoading);
  return { options, chosen, choose, ready };
}

/** The address of a kind's editor for a scope. */
export const editorPath = (kind: TemplateKind, scope: TemplateScope) =>
  `/workbench/templates/${encodeURIComponent(kind)}${scope ? `?department=${encodeURIComponent(scope)}` : ""}`;

/** A template text with its placeholders set off, the unknown ones marked. */
export function MarkedText({ kind, text }: { kind: TemplateKind; text: string }) {
  return (
    <>
      {segments(kind, text).map((s, i) =>
        "placeholder" in s ? (
          <span key={i} className={s.known ? "tpl-ph" : "tpl-ph tpl-ph-unknown"}>{s.text}</span>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
