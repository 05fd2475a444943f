import i18n from "../i18n/index.ts";
import { errorFromBody } from "../api/errors.ts";

/**
 * Fetches a file with progress (bytes received, and the share of Content-Length when the server
 * sends it), then hands it to the browser as a download under `fileName`. Errors come back as the
 * platform's ApiError, with the server's message.
 */
export async function downloadWithProgress(
  url: string,
  fileName: string,
  onProgress: (p: { loaded: number; total: number | null }) => void,
  signal?: AbortSignal,
): Promise<void> {
  const res = await fetch(url, { credentials: "include", headers: { "Accept-Language": i18n.language || "zh-CN" }, signal });
  if (!res.ok) {
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // not the platform's error shape: the fallback message says what happened
    }
    throw errorFromBody(res.status, body, i18n.t("error.http", { status: res.status }));
  }
  const total = Number(res.headers.get("content-length")) || null;
  const chunks: BlobPart[] = [];
  let loaded = 0;
  onProgress({ loaded, total });
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      onProgress({ loaded, total });
    }
  } else {
    const buf = await res.arrayBuffer();
    chunks.push(buf);
    loaded = buf.byteLength;
    onProgress({ loaded, total: loaded });
  }
  const blob = new Blob(chunks, { type: res.headers.get("content-type") ?? "application/octet-stream" });
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}
