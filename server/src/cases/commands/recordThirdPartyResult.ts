import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { loadCase } from "../../caseRecord/access.ts";
import { insertCaseRecord } from "../recordRepository.ts";
import { tasksOfCase } from "../taskRepository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { requireWorker, systemMark } from "../worker.ts";

export interface ThirdPartyInput {
  taskId?: string;
  agency: string;
  reportNo: string;
  conclusion: string;
  receivedOn: string;
  text: string;
}

/**
 * Records a third-party review result exactly as it came back (R26). The record is append-only: the
 * database refuses any later edit; a correction is a new record.
 */
export async function recordThirdPartyResult(ctx: Ctx, caseId: string, input: ThirdPartyInput): Promise<{ id: string }> {
  const { row: c } = await loadCase(ctx.trx, ctx.actor, caseId, "record", true);
  if (input.taskId) {
    const task = (await tasksOfCase(ctx.trx, c.id)).find((t) => t.id === input.taskId);
    if (!task || task.kind !== "third-party") throw new AppError("TASK_NOT_FOUND");
  }
  const me = requireWorker(ctx.actor);
  const id = newId();
  const system = me.kind === "integration";
  await insertCaseRecord(ctx.trx, {
    id, case_id: c.id, task_id: input.taskId ?? null, kind: "third-party", department_id: me.departmentId ?? null,
    data: JSON.stringify(input), recorded_by: system ? null : me.id, recorded_by_client: system ? me.id : null, recorded_at: ctx.now,
  });
  await recordTimeline(ctx, c.id, "third-party-recorded", { public: false, departmentId: me.departmentId ?? null, data: { agency: input.agency, ...systemMark(me) } });
  await ctx.audit({ action: "case.third-party-recorded", objectType: "case-record", objectId: id, caseId: c.id, newValues: { ...input } });
  return { id };
}
