import { type Ctx, runPlatformCommand } from "../../audit/command.ts";
import { currentCalendar } from "../../clock/calendarCache.ts";
import { shanghaiDay } from "../../platform/clock.ts";
import type { Deps } from "../../platform/context.ts";
import { enqueueJob } from "../../platform/jobs.ts";
import { notifyUser, smsApplicant } from "../../platform/notify.ts";
import { changeNoticeText, describeChanges } from "../changeNotice.ts";
import { diffGuides } from "../guide.ts";
import {
  departmentNames, dueScheduledVersions, languagesOf, findItemRow, findVersionRow, guideOf, lockItem, lockVersion, makeCurrent, openCasesToTell,
  recordChangeNotice, setComparison,
} from "../versionRepository.ts";

export const CHANGE_NOTICES_JOB = "catalog.change-notices";
export const ACTIVATE_VERSIONS_JOB = "catalog.activate-versions";

/**
 * Puts an approved version in effect inside the caller's command: the version before it (and any
 * older one still scheduled) is superseded, the diff against it is kept, and the change notices to
 * applicants with open cases are queued as a durable job (R11).
 */
export async function activateVersion(ctx: Ctx, versionId: string): Promise<{ itemId: string; number: number; previous: number | null }> {
  const v = (await lockVersion(ctx.trx, versionId))!;
  await lockItem(ctx.trx, v.item_id);
  const item = (await findItemRow(ctx.trx, v.item_id))!;
  const previous = item.current_version_id ? await findVersionRow(ctx.trx, item.current_version_id) : undefined;
  const guide = await guideOf(ctx.trx, v, item.department_id);
  const diff = diffGuides(previous ? await guideOf(ctx.trx, previous, item.department_id) : null, guide);
  await setComparison(ctx.trx, v.id, previous?.id ?? null, diff);
  await makeCurrent(ctx.trx, item, { id: v.id, number: v.version, hallOnly: guide.handlingMode === "hall-only", at: ctx.now });
  if (previous) {
    const cal = await currentCalendar(ctx.trx);
    const today = shanghaiDay(ctx.now);
    await enqueueJob(ctx.trx, {
      kind: CHANGE_NOTICES_JOB, runAt: ctx.now, dedupeKey: `${CHANGE_NOTICES_JOB}:${v.id}`,
      payload: { versionId: v.id, itemId: item.id, dueDay: cal.addWorkingDays(today, ctx.deps.config.changeNoticeDays) },
    });
  }
  return { itemId: item.id, number: v.version, previous: previous?.version ?? null };
}

/** Scheduled versions whose day has come take effect, each in its own command. */
export async function activateDueVersions(deps: Deps, now: Date): Promise<number> {
  const due = await dueScheduledVersions(deps.db, shanghaiDay(now));
  for (const d of due) {
    await runPlatformCommand(deps, now, async (ctx) => {
      const v = await lockVersion(ctx.trx, d.id);
      if (!v || v.status !== "scheduled") return;
      const r = await activateVersion(ctx, d.id);
      await ctx.audit({
        action: "catalog.version.effective", objectType: "item-version", objectId: d.id, oldValues: { status: "scheduled", number: r.previous },
        newValues: { status: "published", number: r.number, effectiveFrom: shanghaiDay(now) },
      });
    });
  }
  return due.length;
}

/**
 * Tells each applicant with an open case on the item, once, what changed: in the inbox and by SMS, in
 * their language. Cases keep their version; drafts are moved to the new one when submitted.
 */
export async function sendChangeNotices(deps: Deps, now: Date, payload: { versionId: string; dueDay?: string }): Promise<number> {
  return runPlatformCommand(deps, now, async (ctx) => {
    const v = await findVersionRow(ctx.trx, payload.versionId);
    if (!v || (v.status !== "published" && v.status !== "superseded")) return 0;
    const item = (await findItemRow(ctx.trx, v.item_id))!;
    const diff = v.diff as unknown as Parameters<typeof describeChanges>[0];
    const ids = diff.flatMap((c) => (Array.isArray(c.after) ? c.after : [])).concat(diff.flatMap((c) => (Array.isArray(c.before) ? c.before : []))).filter((x): x is string => typeof x === "string");
    const names = new Map((await departmentNames(ctx.trx, ids)).map((d) => [d.id, d.name]));
    const cases = await openCasesToTell(ctx.trx, item.id, v.id, v.effective_from ?? now);
    const langs = await languagesOf(ctx.trx, cases.map((c) => c.applicant_id));
    const effectiveDay = v.effective_from ? shanghaiDay(v.effective_from) : shanghaiDay(now);
    let told = 0;
    for (const c of cases) {
      if (!(await recordChangeNotice(ctx.trx, { versionId: v.id, caseId: c.id, applicantId: c.applicant_id, at: now }))) continue;
      const lang = langs.get(c.applicant_id) ?? "zh-CN";
      const lines = describeChanges(diff, lang, (id) => names.get(id) ?? id);
      const msg = changeNoticeText({ itemName: item.name, number: v.version, effectiveDay, supervisionCode: c.supervision_code, draft: c.status === "draft", lines }, lang);
      await notifyUser(ctx, c.applicant_id, { title: msg.title, text: msg.text, caseId: c.id });
      await smsApplicant(ctx, { phone: c.phone }, msg.sms);
      told++;
    }
    const late = payload.dueDay !== undefined && shanghaiDay(now) > payload.dueDay;
    if (late) deps.logger.warn({ versionId: v.id, dueDay: payload.dueDay }, "change notices sent after their due day");
    await ctx.audit({
      action: "catalog.change-notices", objectType: "item-version", objectId: v.id, oldValues: null,
      newValues: { told, cases: cases.map((c) => c.id), dueDay: payload.dueDay ?? null, late },
    });
    return told;
  });
}
