import type { Ctx } from "../platform/context.ts";
import { newId } from "../platform/ids.ts";
import { actorId } from "../platform/actor.ts";
import { insertCaseEvent } from "./repository.ts";

/** Kinds of timeline entries; `public` ones appear to the applicant and on the progress page. */
export type TimelineKind =
  | "created"
  | "submitted"
  | "accepted"
  | "not-accepted"
  | "material-offline";

const titles: Record<TimelineKind, { zh: string; en: string }> = {
  created: { zh: "创建申请", en: "Application created" },
  submitted: { zh: "提交申请", en: "Application submitted" },
  accepted: { zh: "受理", en: "Accepted" },
  "not-accepted": { zh: "不予受理", en: "Not accepted" },
  "material-offline": { zh: "登记纸质材料", en: "Paper material recorded" },
};

export const timelineTitle = (kind: string, lang: "zh-CN" | "en"): string => {
  const t = titles[kind as TimelineKind];
  return t ? (lang === "en" ? t.en : t.zh) : kind;
};

export async function recordTimeline(
  ctx: Ctx,
  caseId: string,
  kind: TimelineKind,
  opts: { public: boolean; departmentId?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await insertCaseEvent(ctx.trx, {
    id: newId(),
    case_id: caseId,
    at: ctx.now,
    kind,
    public: opts.public,
    department_id: opts.departmentId ?? null,
    actor_id: actorId(ctx.actor),
    data: JSON.stringify(opts.data ?? {}),
  });
}
