import { runPlatformCommand } from "../audit/command.ts";
import type { Deps } from "../platform/context.ts";
import { notifyDepartment, notifyUser } from "../platform/notify.ts";
import { takeRedNotices, takeYellowNotices } from "./lightNoticeRepository.ts";
import { PASS_BATCH } from "./lights.ts";

/**
 * Tells staff of approaching and passed limits (黄灯预警 / 红灯警告, R36), once per task: when a
 * task turns yellow, its claimant (or, unclaimed, everyone holding its role in its department);
 * when it turns red, the department head. The marks, the messages and the audit record of a batch commit in
 * one transaction, so a crash sends nothing twice and nothing is lost; several server processes
 * sweeping at once each take different tasks.
 */
export async function noticeTaskLights(deps: Deps, now: Date, batch = PASS_BATCH): Promise<{ yellow: number; red: number }> {
  // In commands of at most `batch` tasks each (see PASS_BATCH): a day when thousands of limits pass
  // must not hold their task rows, or one audit record of all of them, in one transaction.
  const total = { yellow: 0, red: 0 };
  for (;;) {
    const done = await runPlatformCommand(deps, now, async (ctx) => {
      const { taken, yellow } = await takeYellowNotices(ctx.trx, now, batch);
      for (const t of yellow) {
        const msg = { title: `黄灯预警：${t.name}即将到期`, text: `办件${t.supervision_code ?? ""}的“${t.name}”环节将于${t.due_date ?? ""}到期，请及时办理。`, caseId: t.case_id };
        if (t.claimed_by) await notifyUser(ctx, t.claimed_by, msg);
        else await notifyDepartment(ctx, t.department_id, t.role, msg);
      }
      const red = await takeRedNotices(ctx.trx, now, batch);
      for (const t of red) {
        await notifyDepartment(ctx, t.department_id, "department-head", {
          title: `红灯警告：${t.name}已超期`,
          text: `办件${t.supervision_code ?? ""}的“${t.name}”环节已于${t.due_date ?? ""}到期，尚未办结，请督促办理并说明原因。`,
          caseId: t.case_id,
        });
      }
      if (yellow.length || red.length) {
        await ctx.audit({ action: "task.light-notices", objectType: "task", objectId: null, newValues: { yellow: yellow.map((t) => t.id), red: red.map((t) => t.id) } });
      }
      return { yellow: yellow.length, red: red.length, more: taken === batch || red.length === batch };
    });
    total.yellow += done.yellow;
    total.red += done.red;
    if (!done.more) return total;
  }
}
