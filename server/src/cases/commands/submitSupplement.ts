import { findVersion } from "../../catalog/repository.ts";
import { refreshCaseClock } from "../../clock/caseClock.ts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { loadCaseFor } from "../../caseRecord/access.ts";
import { openStep, stepsOf } from "../engine.ts";
import { activeUploads, updateCase } from "../repository.ts";
import { findNoticeOfRound, markNoticeAnswered } from "../supplementRepository.ts";
import { tasksOfCase } from "../taskRepository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { transition } from "../workflow.ts";
import { notifyDepartment } from "../../platform/notify.ts";
import { requireUser } from "../../platform/actor.ts";

/**
 * The applicant's supplement (online, or entered by a hall clerk): it goes back to the department
 * that asked, and assisting departments that had already reviewed are asked to review again (R22).
 */
export async function submitSupplement(ctx: Ctx, caseId: string): Promise<{ status: string }> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "edit", true);
  transition(c.status, "resubmit");
  // The notice was issued in the previous round; this round's uploads answer it.
  const notice = await findNoticeOfRound(ctx.trx, c.id, c.round - 1);
  if (!notice) throw new AppError("CASE_STATE_CONFLICT", { reason: "no-notice" });
  const uploads = await activeUploads(ctx.trx, c.id);
  const asked = (notice.items as unknown as { materialId?: string; name?: string }[]).filter((i) => i.materialId);
  const missing = asked.filter((i) => !uploads.some((u) => u.material_id === i.materialId && u.round === c.round));
  if (missing.length) throw new AppError("SUPPLEMENT_ITEMS_MISSING", { missing: missing.map((m) => ({ materialId: m.materialId, name: m.name })) });

  const back = c.supplement_return_status === "in_progress" ? "in_progress" : "submitted";
  const me = requireUser(ctx.actor).id;
  await markNoticeAnswered(ctx.trx, notice.id, me, ctx.now);
  await updateCase(ctx.trx, c.id, {
    status: back,
    supplement_return_status: null,
    updated_at: ctx.now,
    // Before acceptance, the complete application counts as received now (Art. 32).
    ...(back === "submitted" ? { received_at: ctx.now } : {}),
  });
  await recordTimeline(ctx, c.id, "supplement-received", { public: true, departmentId: notice.department_id, data: { byClerk: ctx.actor.kind === "staff" } });
  await notifyDepartment(ctx, notice.department_id, null, { title: "补正材料已提交", text: `办件${c.supervision_code ?? ""}的补正材料已提交，请审查。`, caseId: c.id });

  if (back === "in_progress") {
    const version = await findVersion(ctx.trx, c.item_version_id);
    const tasks = await tasksOfCase(ctx.trx, c.id);
    const steps = stepsOf(version);
    const coIndex = steps.findIndex((s) => s.kind === "co-handle");
    const reviewed = [...new Set(tasks.filter((t) => t.kind === "co-handle" && t.status === "done").map((t) => t.department_id))];
    if (coIndex >= 0 && reviewed.length) {
      const updated = { ...c, status: back as typeof c.status };
      const current = c.current_step_id;
      await openStep(ctx, updated, version, coIndex, reviewed);
      // Re-reviews run beside the current step; the case stays where it was.
      await updateCase(ctx.trx, c.id, { current_step_id: current });
      await recordTimeline(ctx, c.id, "re-review-requested", { public: false, departmentId: c.lead_department_id, data: { departments: reviewed } });
    }
  }
  await ctx.audit({ action: "case.supplemented", objectType: "case", objectId: c.id, caseId: c.id, oldValues: { status: c.status }, newValues: { status: back, round: c.round } });
  await refreshCaseClock(ctx, c.id);
  return { status: back };
}
