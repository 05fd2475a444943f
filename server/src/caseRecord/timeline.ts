import type { Ctx } from "../audit/command.ts";
import { newId } from "../platform/ids.ts";
import { actorId } from "../platform/actor.ts";
import { insertCaseEvent } from "./repository.ts";

const titles = {
  created: { zh: "创建申请", en: "Application created" },
  submitted: { zh: "提交申请", en: "Application submitted" },
  accepted: { zh: "受理", en: "Accepted" },
  "not-accepted": { zh: "不予受理", en: "Not accepted" },
  "material-offline": { zh: "登记纸质材料", en: "Paper material recorded" },
  "step-opened": { zh: "进入办理环节", en: "Step opened" },
  "task-claimed": { zh: "签收", en: "Signed for" },
  "task-completed": { zh: "办理完成", en: "Step completed" },
  "task-returned": { zh: "退回重办", en: "Returned to an earlier step" },
  "supplement-requested": { zh: "一次性告知补齐补正", en: "Supplement requested" },
  "supplement-received": { zh: "补齐补正材料", en: "Supplement received" },
  "re-review-requested": { zh: "补正后重新审查", en: "Review again after supplement" },
  verified: { zh: "核实申请人", en: "Applicant verified" },
  "third-party-recorded": { zh: "登记第三方审查结果", en: "Third-party result recorded" },
  "handover-registered": { zh: "纸质材料移交", en: "Paper originals handed over" },
  "handover-received": { zh: "纸质材料签收", en: "Paper originals received" },
  decided: { zh: "作出审批决定", en: "Decision made" },
  "result-recorded": { zh: "出具审批结果", en: "Result issued" },
  delivered: { zh: "送达办结", en: "Delivered and closed" },
  copied: { zh: "抄告相关部门", en: "Copied to supervising departments" },
  withdrawn: { zh: "申请人撤回申请", en: "Withdrawn by the applicant" },
  suspended: { zh: "中止计时", en: "Clock suspended" },
  resumed: { zh: "恢复计时", en: "Clock resumed" },
  extended: { zh: "延长办理期限", en: "Limit extended" },
  explained: { zh: "部门说明超期原因", en: "Department explained the delay" },
  escalated: { zh: "挂号督办", en: "Escalated" },
  "escalation-answered": { zh: "督办回复", en: "Escalation answered" },
  "deemed-accepted": { zh: "视为受理", en: "Deemed accepted" },
  evaluated: { zh: "申请人评价", en: "Evaluated by the applicant" },
} satisfies Record<string, { zh: string; en: string }>;

/** Kinds of timeline entries; `public` ones appear to the applicant and on the progress page. */
export type TimelineKind = keyof typeof titles;

export const timelineTitle = (kind: string, lang: "zh-CN" | "en"): string => {
  const t = (titles as Record<string, { zh: string; en: string }>)[kind];
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
