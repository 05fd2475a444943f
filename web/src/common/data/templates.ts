/** Document templates (文书模板, R12): the words of each kind of document, per department or platform-wide. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TemplateBody, TemplateDetail, TemplateList, TemplateSaved, TemplateSaveRequest } from "@cq/contracts";
import { api, apiGet, withQuery } from "../api/client.ts";
import { ApiError, errorFromBody } from "../api/errors.ts";
import i18n from "../i18n/index.ts";

export type { TemplateBody, TemplateDetail, TemplateKind, TemplateList, TemplateSaved, TemplateSummary, TemplateVersion } from "@cq/contracts";

/** Whose templates: a department's, or (null) the platform defaults. */
export type TemplateScope = string | null;

export const templateKeys = {
  all: ["admin", "templates"] as const,
  list: (scope: TemplateScope) => ["admin", "templates", "list", scope ?? ""] as const,
  detail: (kind: string, scope: TemplateScope) => ["admin", "templates", "detail", kind, scope ?? ""] as const,
  preview: (kind: string, scope: TemplateScope, json: string) => ["admin", "templates", "preview", kind, scope ?? "", json] as const,
};

const kindPath = (kind: string) => `/api/admin/templates/${encodeURIComponent(kind)}`;
const scopeQuery = (scope: TemplateScope) => (scope ? { departmentId: scope } : undefined);

/** The kinds of template of a department (or the platform), with whose words are in force. */
export function useTemplates(scope: TemplateScope, enabled = true) {
  return useQuery({
    queryKey: templateKeys.list(scope),
    queryFn: ({ signal }) => apiGet<TemplateList>("/api/admin/templates", scopeQuery(scope), signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** One template: the words in force, the platform default, the placeholders and the history. */
export function useTemplate(kind: string, scope: TemplateScope) {
  return useQuery({
    queryKey: templateKeys.detail(kind, scope),
    queryFn: ({ signal }) => apiGet<TemplateDetail>(kindPath(kind), scopeQuery(scope), signal),
  });
}

function useTemplateWrite<I>(write: (input: I) => Promise<TemplateSaved>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all }) });
}

/** Saves a new version (a department's own, or the platform default). */
export const useSaveTemplate = (kind: string, scope: TemplateScope) =>
  useTemplateWrite((input: Omit<TemplateSaveRequest, "departmentId">) =>
    api<TemplateSaved>(kindPath(kind), { method: "PUT", body: { ...input, ...(scope ? { departmentId: scope } : {}) } }),
  );

/** Goes back to the platform default (recorded as a new version). */
export const useResetTemplate = (kind: string, scope: TemplateScope) =>
  useTemplateWrite(() => api<TemplateSaved>(kindPath(kind), { method: "DELETE", query: scopeQuery(scope) }));

/** The document as it would print with a sample case, as a PDF; errors come back as the platform's ApiError. */
export async function fetchTemplatePreview(kind: string, scope: TemplateScope, body: TemplateBody, signal?: AbortSignal): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(withQuery(`${kindPath(kind)}/preview`), {
      method: "POST",
      credentials: "include",
      headers: { Accept: "application/pdf, application/json", "Accept-Language": i18n.language || "zh-CN", "Content-Type": "application/json", "X-Requested-With": "fetch" },
      body: JSON.stringify({ body, ...(scope ? { departmentId: scope } : {}) }),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "NETWORK", i18n.t("error.network"));
  }
  if (!res.ok) {
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      // not the platform's error shape: the fallback message says what happened
    }
    throw errorFromBody(res.status, parsed, i18n.t("error.http", { status: res.status }));
  }
  const blob = await res.blob();
  return blob.type === "application/pdf" ? blob : new Blob([blob], { type: "application/pdf" });
}

/**
 * The live preview of the words being edited (`json`: the body as JSON, already debounced). The
 * last good PDF stays while the next one renders; a refusal (422) comes back as the query's error.
 */
export function useTemplatePreview(kind: string, scope: TemplateScope, json: string | null) {
  return useQuery({
    queryKey: templateKeys.preview(kind, scope, json ?? ""),
    queryFn: ({ signal }) => fetchTemplatePreview(kind, scope, JSON.parse(json ?? "null") as TemplateBody, signal),
    enabled: json !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}
