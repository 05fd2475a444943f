/** Tasks (the steps of a case): signing for one, completing it, its attachments. A task is part of its case file, so a command on it refreshes the case (cases.ts). */
import { apiPost } from "../api/client.ts";
import i18n from "../i18n/index.ts";
import { ApiError, errorFromBody } from "../api/errors.ts";
import type { TaskAttachment } from "@cq/contracts";

/** Attaches a file (an inspection report, a photo) to an open task: multipart `file`. */
export async function uploadTaskAttachment(taskId: string, file: File): Promise<TaskAttachment> {
  const form = new FormData();
  form.append("file", file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/tasks/${encodeURIComponent(taskId)}/attachments`, {
      method: "POST",
      credentials: "include",
      headers: { "X-Requested-With": "fetch", Accept: "application/json", "Accept-Language": i18n.language || "zh-CN" },
      body: form,
    });
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("error.network"));
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    body = text;
  }
  if (!res.ok) throw errorFromBody(res.status, body, i18n.t("error.http", { status: res.status }));
  return body as TaskAttachment;
}

export const taskCommands = {
  claim: (taskId: string) => apiPost(`/api/tasks/${encodeURIComponent(taskId)}/claim`),
  complete: (taskId: string, body: object) => apiPost(`/api/tasks/${encodeURIComponent(taskId)}/complete`, body),
  uploadAttachment: uploadTaskAttachment,
};
