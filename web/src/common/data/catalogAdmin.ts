/** The catalog's administration (事项管理, 事项审核; R8–R11): items, whole-guide versions, their approval and agreements. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AdminFileUploaded, AdminItem, AdminItemList, Created, GuideProblem, ItemCreateRequest, ItemGuide, ItemUpdateRequest, VersionAgreementRequest,
  VersionApproved, VersionCreated, VersionDetail, VersionInbox, VersionList, VersionSaveRequest,
} from "@cq/contracts";
import { api, apiGet, apiPatch, apiPost } from "../api/client.ts";
import { errorFromBody, isApiError } from "../api/errors.ts";
import i18n from "../i18n/index.ts";
import { catalogKeys } from "./catalog.ts";

export const catalogAdminKeys = {
  all: ["admin", "catalog"] as const,
  items: (filters: AdminItemFilters) => ["admin", "catalog", "items", filters] as const,
  versions: (itemId: string) => ["admin", "catalog", "versions", itemId] as const,
  version: (id: string) => ["admin", "catalog", "version", id] as const,
  preview: (id: string) => ["admin", "catalog", "version", id, "preview"] as const,
  inbox: ["admin", "catalog", "inbox"] as const,
  flowchart: (body: string) => ["admin", "flowchart-preview", body] as const,
};

export interface AdminItemFilters {
  departmentId?: string;
  regionCode?: string;
}

const itemPath = (id: string) => `/api/admin/items/${encodeURIComponent(id)}`;
const versionPath = (id: string) => `/api/admin/item-versions/${encodeURIComponent(id)}`;

/** Items in the caller's scope with the state of their versions, and the departments the caller may create items for. */
export function useAdminItems(filters: AdminItemFilters = {}) {
  return useQuery({
    queryKey: catalogAdminKeys.items(filters),
    queryFn: ({ signal }) => apiGet<AdminItemList>("/api/admin/items", { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/** An item's versions, newest first, with what each changed. */
export function useItemVersions(itemId: string) {
  return useQuery({ queryKey: catalogAdminKeys.versions(itemId), queryFn: ({ signal }) => apiGet<VersionList>(`${itemPath(itemId)}/versions`, undefined, signal) });
}

/** A version: its guide, its diff against the version in effect, agreements and the caller's abilities. */
export function useVersion(id: string | undefined) {
  return useQuery({
    queryKey: catalogAdminKeys.version(id ?? ""),
    queryFn: ({ signal }) => apiGet<VersionDetail>(versionPath(id ?? ""), undefined, signal),
    enabled: Boolean(id),
  });
}

/** A version's guide exactly as the public guide page will show it. */
export function useVersionPreview(id: string, enabled = true) {
  return useQuery({ queryKey: catalogAdminKeys.preview(id), queryFn: ({ signal }) => apiGet<ItemGuide>(`${versionPath(id)}/preview`, undefined, signal), enabled });
}

/** Versions waiting for the caller: approvals, and agreements for the caller's departments. */
export function useVersionInbox() {
  return useQuery({ queryKey: catalogAdminKeys.inbox, queryFn: ({ signal }) => apiGet<VersionInbox>("/api/admin/version-inbox", undefined, signal) });
}

/** The drawing of a saved version's process (an <img> source: it names the UI's language). */
export const versionFlowchartUrl = (id: string, lang: string) => `${versionPath(id)}/flowchart.svg?lang=${encodeURIComponent(lang)}`;

/** A blank form or sample uploaded for an item. */
export const itemFileUrl = (itemId: string, file: string) => `${itemPath(itemId)}/files/${encodeURIComponent(file)}`;

/** The live flowchart (SVG text) of steps being edited, given as JSON; the last good drawing stays while the next loads. */
export function useFlowchartPreview(json: string, enabled: boolean) {
  return useQuery({
    queryKey: catalogAdminKeys.flowchart(json),
    queryFn: ({ signal }) => api<string>("/api/admin/flowchart-preview", { method: "POST", body: JSON.parse(json) as unknown, signal }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * A write of the catalog's administration; afterwards every administration view is stale, and
 * the public catalog too (a version may have taken effect, an item may be cancelled).
 */
function useCatalogWrite<I, O>(write: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: catalogAdminKeys.all }), queryClient.invalidateQueries({ queryKey: catalogKeys.all })]),
  });
}

export const useCreateItem = () => useCatalogWrite((body: ItemCreateRequest) => apiPost<Created>("/api/admin/items", body));
export const useUpdateItem = () => useCatalogWrite(({ id, ...body }: ItemUpdateRequest & { id: string }) => apiPatch<AdminItem>(itemPath(id), body));
/** A new draft of an item's guide. */
export const useCreateVersion = () => useCatalogWrite(({ itemId, ...body }: VersionSaveRequest & { itemId: string }) => apiPost<VersionCreated>(`${itemPath(itemId)}/versions`, body));
/** Saves a draft. */
export const useSaveVersion = () =>
  useCatalogWrite(({ id, ...body }: VersionSaveRequest & { id: string }) => api<VersionCreated>(versionPath(id), { method: "PUT", body }));
export const useSubmitVersion = () => useCatalogWrite((id: string) => apiPost<{ status: "pending" }>(`${versionPath(id)}/submit`));
export const useApproveVersion = () => useCatalogWrite((id: string) => apiPost<VersionApproved>(`${versionPath(id)}/approve`));
export const useRejectVersion = () => useCatalogWrite(({ id, reason }: { id: string; reason: string }) => apiPost<{ status: "rejected" }>(`${versionPath(id)}/reject`, { reason }));
export const useAnswerAgreement = () =>
  useCatalogWrite(({ id, ...body }: VersionAgreementRequest & { id: string }) => apiPost(`${versionPath(id)}/agreements`, body));

/** Uploads a PDF (a blank form or a sample) for an item's guide, with progress 0–100; resolves with its sha256. */
export function uploadItemFile(itemId: string, file: File, onProgress: (percent: number) => void): Promise<AdminFileUploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.open("POST", `${itemPath(itemId)}/files`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("X-Requested-With", "fetch");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", i18n.language || "zh-CN");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
      } catch {
        // not JSON: the status decides
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as AdminFileUploaded);
      else reject(errorFromBody(xhr.status, body, i18n.t("error.http", { status: xhr.status })));
    };
    xhr.onerror = () => reject(errorFromBody(0, undefined, i18n.t("error.network")));
    xhr.send(form);
  });
}

/** The problems a 422 GUIDE_INVALID lists (none for any other error). */
export function guideProblemsOf(error: unknown): GuideProblem[] {
  if (!isApiError(error) || error.code !== "GUIDE_INVALID") return [];
  const list = error.details?.problems;
  if (!Array.isArray(list)) return [];
  return list.flatMap((p: unknown) => {
    if (typeof p !== "object" || p === null) return [];
    const r = p as Record<string, unknown>;
    return typeof r.path === "string" && typeof r.problem === "string" ? [{ path: r.path, problem: r.problem }] : [];
  });
}

// The shapes pages use, from here, so that they change in one place.
export type {
  AdminItem, AdminItemList, AgreementStatus, Guide, GuideChange, GuideFieldName, GuideInput, GuideMaterial, GuideFormField, GuideProblem, GuideStepInput, HandlingMode,
  ItemGuide, StepKind, StepRole, VersionAgreement, VersionDetail, VersionInboxEntry, VersionStatus, VersionSummary, FormFieldType, ApplicantType,
} from "@cq/contracts";
export { applicantTypes, certificateTypeNames, formFieldTypes, guideFieldLabels, guideFields, guideFormProblems, handlingModes, involvedDepartmentIds, stepKinds } from "@cq/contracts";
