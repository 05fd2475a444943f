import type { Executor } from "./db.ts";
import type { Deps } from "./context.ts";
import { notifyUser, queueMessage } from "./notify.ts";
import { personalDataOf } from "./personalData.ts";

/**
 * What the platform tells an applicant, one template per event in both languages: the title and
 * text of the in-app message, which the SMS repeats (and a mail, where one is configured). Each
 * template names its parameters `{item}`; the same parameters go to SMS gateways that send
 * registered templates (`SMS_TEMPLATE_IDS`, docs/notifications.md).
 */
type Words = { zh: string; en: string };
interface NoticeTemplate {
  title: Words;
  text: Words;
}

export const applicantNotices = {
  "case.submitted": {
    title: { zh: "申请已提交", en: "Application submitted" },
    text: {
      zh: "您申请的“{item}”已提交，申请编号 {ref}。{department}将在 5 个工作日内审查材料，受理后告知统一服务监管码。",
      en: 'Your application for "{item}" was submitted; reference number {ref}. {department} reviews it within 5 working days and gives you a supervision code when it is accepted.',
    },
  },
  "case.supplement-requested": {
    title: { zh: "请补齐补正材料", en: "Please supplement your application" },
    text: {
      zh: "您申请的“{item}”（申请编号 {ref}）需补齐补正 {count} 项：{list}。详见一次性告知书，请登录平台补正。",
      en: 'Your application for "{item}" (reference {ref}) needs {count} item(s) supplemented: {list}. See the one-time notice and hand them in on the platform.',
    },
  },
  "case.accepted": {
    title: { zh: "申请已受理", en: "Application accepted" },
    text: {
      zh: "您申请的“{item}”已受理，统一服务监管码 {code}，承诺于 {due} 前办结。可凭监管码查询进度。",
      en: 'Your application for "{item}" was accepted. Supervision code {code}; it will be decided by {due}. Follow it with the code.',
    },
  },
  "case.not-accepted": {
    title: { zh: "申请未予受理", en: "Application not accepted" },
    text: {
      zh: "您申请的“{item}”（申请编号 {ref}）未予受理，理由：{reasons}。详见不予受理决定书。",
      en: 'Your application for "{item}" (reference {ref}) was not accepted: {reasons}. See the decision for your rights.',
    },
  },
  "case.suspended": {
    title: { zh: "办理期限中止", en: "Time limit suspended" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）因{kind}中止计时：{reason}，预计 {length}。恢复后将另行告知。",
      en: 'The time limit of "{item}" ({code}) is suspended for {kind}: {reason}; expected {length}. You will be told when it resumes.',
    },
  },
  "case.resumed": {
    title: { zh: "办理恢复计时", en: "Time limit resumed" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）已恢复计时，应于 {due} 前办结。",
      en: 'The time limit of "{item}" ({code}) runs again; it will be decided by {due}.',
    },
  },
  "case.extended": {
    title: { zh: "办理期限延长", en: "Time limit extended" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）办理期限延长至 {due}，理由：{reason}。",
      en: 'The time limit of "{item}" ({code}) is extended to {due}: {reason}.',
    },
  },
  "case.step-done": {
    title: { zh: "办理进度更新", en: "Progress" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）已完成“{step}”环节。",
      en: 'The step "{step}" of your application for "{item}" ({code}) is done.',
    },
  },
  "case.approved": {
    title: { zh: "准予许可", en: "Approved" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）已准予许可。请在平台选择领取方式：窗口领取、邮寄或电子送达。",
      en: 'Your application for "{item}" ({code}) was approved. Choose on the platform how you receive the result: pick-up, mail or electronic.',
    },
  },
  "case.denied": {
    title: { zh: "不予许可", en: "Not approved" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）未予许可，理由及救济途径见不予行政许可决定书。",
      en: 'Your application for "{item}" ({code}) was not approved; the decision states the reasons and your rights.',
    },
  },
  "case.ready-for-pickup": {
    title: { zh: "可以领取", en: "Ready for pick-up" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）的结果已可领取，请携带身份证件到{place}领取。",
      en: 'The result of "{item}" ({code}) is ready; collect it at {place} with your ID.',
    },
  },
  "case.collected": {
    title: { zh: "已领取", en: "Collected" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）已办结，结果已当面领取。欢迎对本次服务作出评价。",
      en: 'Your application for "{item}" ({code}) is closed and its result was collected. Tell us how we did.',
    },
  },
  "case.mailed": {
    title: { zh: "已邮寄", en: "Mailed" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）的结果已邮寄，运单号 {trackingNo}。",
      en: 'The result of "{item}" ({code}) was mailed; tracking number {trackingNo}.',
    },
  },
  "case.delivered-electronically": {
    title: { zh: "已电子送达", en: "Delivered electronically" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）的结果已电子送达，请登录平台下载。",
      en: 'The result of "{item}" ({code}) was delivered electronically; download it on the platform.',
    },
  },
  "certificate.revoked": {
    title: { zh: "证照已注销", en: "Certificate revoked" },
    text: {
      zh: "您的{name}（编号 {no}）已被{issuer}注销，理由：{reason}，依据：{legalBasis}。",
      en: "Your {name} (no. {no}) was revoked by {issuer}: {reason}; legal basis: {legalBasis}.",
    },
  },
  "certificate.expiring": {
    title: { zh: "证照即将到期", en: "Certificate expiring" },
    text: {
      zh: "您的{name}（编号 {no}）将于 {validUntil} 到期，如需继续经营请及时办理延续。",
      en: "Your {name} (no. {no}) expires on {validUntil}; apply for renewal in time if you need it.",
    },
  },
  "consultation.answered": {
    title: { zh: "您的咨询建议已答复", en: "Your question was answered" },
    text: {
      zh: "您向{department}提出的{kind}“{subject}”已由{answerer}答复，请登录平台在“我的咨询”查看。",
      en: 'Your {kind} "{subject}" to {department} was answered by {answerer}; read the answer under My questions on the platform.',
    },
  },
} as const satisfies Record<string, NoticeTemplate>;
export type ApplicantNoticeKind = keyof typeof applicantNotices;

const SMS_SIGNATURE = { zh: "【重庆市网上行政审批平台】", en: "[Chongqing Online Approval] " };
const PARAM = /\{(\w+)\}/g;

/** The names a template's texts use. */
export function noticeParams(kind: ApplicantNoticeKind): string[] {
  const t = applicantNotices[kind];
  return [...new Set([t.text.zh, t.text.en].flatMap((s) => [...s.matchAll(PARAM)].map((m) => m[1]!)))].sort();
}

/** A parameter's value: the same in both languages (a code, a date), or one per language (a kind of suspension). */
export type NoticeParam = string | Words;
export type NoticeParams = Record<string, NoticeParam>;

/** The parameters in one language. */
export function paramsIn(params: NoticeParams, lang: "zh-CN" | "en"): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? v : lang === "en" ? v.en : v.zh]));
}

/** A notice in one language; every parameter its text names must be given (a missing one is a mistake in the caller). */
export function renderNotice(kind: ApplicantNoticeKind, lang: "zh-CN" | "en", params: NoticeParams): { title: string; text: string } {
  const t = applicantNotices[kind];
  const key = lang === "en" ? "en" : "zh";
  const values = paramsIn(params, lang);
  const text = t.text[key].replace(PARAM, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`notice ${kind}: parameter ${name} missing`);
    return v;
  });
  return { title: t.title[key], text };
}

/**
 * Tells an applicant of an event, in their language, inside the caller's transaction: a message in
 * their inbox and an SMS to their phone (the outbox sends it after the commit).
 */
export async function tellApplicant(
  ctx: { trx: Executor; now: Date; deps: Pick<Deps, "config"> },
  applicant: { id: string; phone: string | null; lang?: "zh-CN" | "en" | null } | null | undefined,
  kind: ApplicantNoticeKind,
  params: NoticeParams,
  caseId?: string,
  inboxDetail?: Words,
): Promise<void> {
  if (!applicant) return;
  const lang = applicant.lang === "en" ? "en" : "zh-CN";
  const { title, text } = renderNotice(kind, lang, params);
  // What is too long for an SMS (an answer's full text) is shown in the inbox only.
  const detail = inboxDetail ? `\n${lang === "en" ? inboxDetail.en : inboxDetail.zh}` : "";
  await notifyUser(ctx, applicant.id, { title, text: text + detail, ...(caseId ? { caseId } : {}) });
  if (applicant.phone) {
    const phone = personalDataOf(ctx.deps.config).open(applicant.phone);
    await queueMessage(ctx, { to: phone, channel: "sms", at: ctx.now, text: `${SMS_SIGNATURE[lang === "en" ? "en" : "zh"]}${text}`, kind, params: paramsIn(params, lang) });
  }
}
