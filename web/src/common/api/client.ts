import i18n from "../i18n/index.ts";
import { ApiError, errorFromBody } from "./errors.ts";
import type { UploadResult } from "@cq/contracts";

export { ApiError } from "./errors.ts";

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

/** Builds a path with a query string, leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function language(): string {
  return i18n.language || "zh-CN";
}

function headersFor(method: string, hasJsonBody: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": language(),
  };
  if (method !== "GET") headers["X-Requested-With"] = "fetch";
  if (hasJsonBody) headers["Content-Type"] = "application/json";
  return headers;
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Calls the platform's JSON API; resolves with the parsed body or throws an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  const hasBody = options.body !== undefined;
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      credentials: "include",
      headers: headersFor(method, hasBody),
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "NETWORK", i18n.t("error.network"));
  }
  const body = await readBody(res);
  if (!res.ok) throw errorFromBody(res.status, body, i18n.t("error.http", { status: res.status }));
  return body as T;
}

export const apiGet = <T>(path: string, query?: Query, signal?: AbortSignal) =>
  api<T>(path, { query, signal });

export const apiPost = <T>(path: string, body: unknown = {}) => api<T>(path, { method: "POST", body });

export const apiPatch = <T>(path: string, body: unknown) => api<T>(path, { method: "PATCH", body });

export const apiDelete = (path: string) => api<void>(path, { method: "DELETE" });

/**
 * Uploads one material file with progress (fetch has no upload progress, so this uses XHR).
 * `onProgress` receives 0–100.
 */
export function uploadMaterial(
  caseId: string,
  materialId: string,
  file: File,
  onProgress: (percent: number) => void,
): { promise: Promise<UploadResult>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadResult>((resolve, reject) => {
    const form = new FormData();
    // The server reads fields in order: materialId must come before the file.
    form.append("materialId", materialId);
    form.append("file", file, file.name);
    xhr.open("POST", `/api/cases/${encodeURIComponent(caseId)}/materials`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("X-Requested-With", "fetch");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", language());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadResult);
      else reject(errorFromBody(xhr.status, body, i18n.t("error.http", { status: xhr.status })));
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", i18n.t("error.network")));
    xhr.onabort = () => reject(new ApiError(0, "ABORTED", i18n.t("error.aborted")));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
