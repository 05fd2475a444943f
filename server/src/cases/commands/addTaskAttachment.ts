import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowTask, enforce } from "../../policy/index.ts";
import { cleanFileName, sniffMime } from "../../platform/fileTypes.ts";
import { loadTaskFor } from "../taskAccess.ts";
import { setTaskAttachments } from "../taskRepository.ts";
import { upsertFile } from "../../platform/files.ts";

/** Attaches a file (an inspection report, a photo) to an open task before it is completed. */
export async function addTaskAttachment(ctx: Ctx, taskId: string, file: { fileName: string | undefined; bytes: Buffer }) {
  const { task, caseRow } = await loadTaskFor(ctx, taskId);
  enforce(ctx.actor, allowTask(ctx.actor, "complete", { departmentId: task.department_id, role: task.role, assigneeId: task.assignee_id, claimedBy: task.claimed_by, kind: task.kind }));
  if (task.status === "done" || task.status === "cancelled") throw new AppError("TASK_ALREADY_DONE");
  const mime = sniffMime(file.bytes);
  if (!mime) throw new AppError("FILE_TYPE_REFUSED");
  const stored = await ctx.deps.files.put(file.bytes);
  await upsertFile(ctx.trx, { sha256: stored.sha256, size: stored.size, mime, at: ctx.now });
  const attachment = { id: newId(), fileName: cleanFileName(file.fileName), sha256: stored.sha256, mime, size: stored.size };
  const list = [...((task.attachments as unknown as (typeof attachment)[]) ?? []), attachment];
  await setTaskAttachments(ctx.trx, task.id, list);
  await ctx.audit({ action: "task.attachment-added", objectType: "task", objectId: task.id, caseId: caseRow.id, newValues: attachment });
  return attachment;
}
